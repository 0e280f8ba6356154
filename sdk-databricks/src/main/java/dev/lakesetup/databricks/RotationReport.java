package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link SecretRotation} did: whether a new secret was issued, handed and validated, which old secrets were
 * deleted or kept and why. It holds secret ids and times, never a secret value.
 *
 * @param principal the service principal whose secret was rotated
 * @param outcome how the rotation ended
 * @param newSecretId the id of the secret issued (or taken over from an interrupted run), or empty when none was
 * @param deleted the ids of old secrets this run deleted (expired ones before issuing included)
 * @param kept the ids of old secrets left in place, each with the reason
 * @param validation the validation as the principal with the new secret, or {@code null} when none ran
 * @param notes what else a reader should know (a step taken over from an interrupted run, an orphan deleted)
 */
public record RotationReport(ApplicationId principal, Outcome outcome, String newSecretId, List<String> deleted,
        List<String> kept, ValidationReport validation, List<String> notes) {

    /** How a rotation ended. */
    public enum Outcome {
        /** A new secret was issued, handed to the vault and validated, and old secrets cleaned per the window. */
        ROTATED,
        /** The longest-lasting active secret does not expire within the window: nothing was done. */
        NOT_DUE,
        /** The new secret was handed to the vault, but validation as the principal failed: nothing was deleted. */
        VALIDATION_FAILED
    }

    /**
     * Checks and copies the components.
     *
     * @param principal the service principal whose secret was rotated
     * @param outcome how the rotation ended
     * @param newSecretId the id of the secret issued, or empty
     * @param deleted the ids of old secrets this run deleted
     * @param kept the ids of old secrets left in place, each with the reason
     * @param validation the validation with the new secret, or {@code null}
     * @param notes what else a reader should know
     */
    public RotationReport {
        InvalidInputException.requireNonNull(principal, "principal");
        InvalidInputException.requireNonNull(outcome, "outcome");
        InvalidInputException.requireNonNull(newSecretId, "new secret id");
        deleted = List.copyOf(deleted);
        kept = List.copyOf(kept);
        notes = List.copyOf(notes);
    }

    /**
     * Returns the validation with the new secret.
     *
     * @return the validation report, or empty when none ran
     */
    public Optional<ValidationReport> validationReport() {
        return Optional.ofNullable(validation);
    }

    /**
     * Renders the report for people, one fact a line.
     *
     * @return the text, ending in a newline
     */
    public String render() {
        StringBuilder out = new StringBuilder("Secret rotation for ").append(principal).append(": ")
                .append(switch (outcome) {
                    case ROTATED -> "rotated";
                    case NOT_DUE -> "not due, nothing changed";
                    case VALIDATION_FAILED -> "validation with the new secret failed; no secret was deleted";
                }).append('\n');
        if (!newSecretId.isEmpty()) {
            out.append("  new secret: ").append(newSecretId).append('\n');
        }
        deleted.forEach(id -> out.append("  deleted: ").append(id).append('\n'));
        kept.forEach(line -> out.append("  kept: ").append(line).append('\n'));
        if (validation != null) {
            out.append("  validation: ").append(validation.passed() ? "passed" : "failed: "
                    + validation.failures().stream().map(ValidationCheck::name).toList()).append('\n');
        }
        notes.forEach(note -> out.append("  note: ").append(note).append('\n'));
        return out.toString();
    }

    @Override
    public String toString() {
        return "RotationReport[" + principal + ", " + outcome + ", new " + (newSecretId.isEmpty() ? "none"
                : newSecretId) + ", deleted " + deleted + "]";
    }
}
