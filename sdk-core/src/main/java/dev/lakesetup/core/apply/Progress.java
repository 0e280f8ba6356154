package dev.lakesetup.core.apply;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Locale;

/**
 * How far a phase of a run has come: {@code completed} of {@code total} steps, enough to draw a progress bar.
 *
 * <p>While {@linkplain Phase#READING reading} a step is one object read (a resource or the grants on a securable)
 * or, while planning, one principal looked up in the workspace's directory;
 * while {@linkplain Phase#APPLYING applying}, one change of the plan decided (applied, already done, failed or
 * skipped); while {@linkplain Phase#READING_BACK reading back}, one written grant confirmed or given up on; while
 * {@linkplain Phase#VALIDATING validating}, one check run as the principal. Within a phase {@code completed} never
 * decreases; the read-back total grows when further grants are written.
 *
 * @param phase the phase
 * @param completed steps done, from 0 to {@code total}
 * @param total steps the phase has (so far)
 */
public record Progress(Phase phase, int completed, int total) {

    /** The phases of a run, in the order they happen. */
    public enum Phase {
        /** Reading the live state of what a blueprint touches, while planning (or checking a saved plan). */
        READING,
        /** Applying the changes of a plan. */
        APPLYING,
        /** Reading written grants back to confirm they show. */
        READING_BACK,
        /** Running validation checks as the principal. */
        VALIDATING
    }

    /**
     * Checks the components.
     *
     * @param phase the phase
     * @param completed steps done, from 0 to {@code total}
     * @param total steps the phase has (so far)
     */
    public Progress {
        InvalidInputException.requireNonNull(phase, "phase");
        if (total < 0 || completed < 0 || completed > total) {
            throw InvalidInputException.of("progress", completed + " of " + total, "it is out of range",
                    "0 <= completed <= total");
        }
    }

    /**
     * Returns the share done, from 0 to 1; 1 for a phase with no steps.
     *
     * @return the fraction
     */
    public double fraction() {
        return total == 0 ? 1.0 : (double) completed / total;
    }

    @Override
    public String toString() {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + completed + " of " + total;
    }
}
