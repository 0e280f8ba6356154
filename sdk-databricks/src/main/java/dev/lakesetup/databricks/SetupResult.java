package dev.lakesetup.databricks;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.plan.Plan;
import java.util.Optional;

/**
 * What a recipe run did, step by step: the plan, the apply report, the confirming re-plan, the validation as the
 * service principal, and the connection details to hand over. {@code toString()} masks the secret.
 *
 * <pre>{@code
 * SetupResult result = setup.run(lakesetup, workspace);
 * System.out.println(result.validation().map(ValidationReport::render).orElse("not validated"));
 * vendor.connect(result.connectionDetails());
 * }</pre>
 */
public final class SetupResult {
    private final Plan plan;
    private final ApplyReport applyReport;
    private final Plan confirmation;
    private final ValidationReport validation;
    private final ConnectionDetails connectionDetails;

    SetupResult(Plan plan, ApplyReport applyReport, Plan confirmation, ValidationReport validation,
            ConnectionDetails connectionDetails) {
        this.plan = InvalidInputException.requireNonNull(plan, "plan");
        this.applyReport = InvalidInputException.requireNonNull(applyReport, "apply report");
        this.confirmation = confirmation;
        this.validation = validation;
        this.connectionDetails = InvalidInputException.requireNonNull(connectionDetails, "connection details");
    }

    /**
     * Returns the plan that was applied.
     *
     * @return the plan
     */
    public Plan plan() {
        return plan;
    }

    /**
     * Returns the outcome of every change of the plan.
     *
     * @return the apply report
     */
    public ApplyReport applyReport() {
        return applyReport;
    }

    /**
     * Returns the plan made again after a successful apply; it is empty when the workspace reached the declared
     * state.
     *
     * @return the confirming plan, or empty when the apply did not succeed (so there was nothing to confirm)
     */
    public Optional<Plan> confirmationPlan() {
        return Optional.ofNullable(confirmation);
    }

    /**
     * Returns what validation as the service principal found. When no credentials were available (no secret was
     * issued in this run and none was given with {@code validateWith}), the report holds one {@code SKIPPED} check
     * saying so.
     *
     * @return the report, or empty when the principal's application id is unknown (its creation failed)
     */
    public Optional<ValidationReport> validation() {
        return Optional.ofNullable(validation);
    }

    /**
     * Returns what to hand over to connect: hostname, HTTP path, port, catalog, client id and the secret issued
     * in this run.
     *
     * @return the connection details
     */
    public ConnectionDetails connectionDetails() {
        return connectionDetails;
    }

    /**
     * Tells whether the run proved the setup: the apply succeeded, the confirming plan is empty and every
     * validation check passed (a skipped validation is not a success).
     *
     * @return {@code true} when every step succeeded
     */
    public boolean succeeded() {
        return applyReport.isSuccess() && confirmation != null && confirmation.isEmpty() && validation != null
                && validation.passed();
    }

    @Override
    public String toString() {
        return "SetupResult[" + (succeeded() ? "succeeded" : "not succeeded") + ", " + plan + ", " + applyReport
                + ", confirmation=" + (confirmation == null ? "not made" : confirmation.isEmpty() ? "empty"
                : confirmation.toString()) + ", validation=" + (validation == null ? "not run"
                : validation.passed() ? "passed" : validation.failures().size() + " checks not passed") + ", "
                + connectionDetails + "]";
    }
}
