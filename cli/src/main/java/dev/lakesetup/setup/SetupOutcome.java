package dev.lakesetup.setup;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.ConnectionDetails;
import dev.lakesetup.databricks.ValidationReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying one workspace's setup gave: the plan, the apply report, the confirming re-plan, and for recipes
 * the validation and the connection details to hand over. {@code toString()} masks every secret.
 */
public final class SetupOutcome {
    private final Plan plan;
    private final ApplyReport report;
    private final Plan replan;
    private final ValidationReport validation;
    private final ConnectionDetails connectionDetails;

    SetupOutcome(Plan plan, ApplyReport report, Plan replan, ValidationReport validation,
            ConnectionDetails connectionDetails) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.report = Objects.requireNonNull(report, "report");
        this.replan = replan;
        this.validation = validation;
        this.connectionDetails = connectionDetails;
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
     * Returns what happened to each change.
     *
     * @return the apply report
     */
    public ApplyReport report() {
        return report;
    }

    /**
     * Returns the plan made after applying, which is empty when everything took effect.
     *
     * @return the re-plan, absent when apply did not succeed
     */
    public Optional<Plan> replan() {
        return Optional.ofNullable(replan);
    }

    /**
     * Returns the recipe's validation (as the principal, or the admin-side checks).
     *
     * @return the validation report, absent for blueprints and profiles and when apply did not succeed
     */
    public Optional<ValidationReport> validation() {
        return Optional.ofNullable(validation);
    }

    /**
     * Returns the connection details a recipe hands over (the secret masked unless revealed).
     *
     * @return the details, absent for blueprints and profiles
     */
    public Optional<ConnectionDetails> connectionDetails() {
        return Optional.ofNullable(connectionDetails);
    }

    /**
     * Tells whether every change applied, the re-plan is empty and validation (if any) passed.
     *
     * @return {@code true} when the setup is complete
     */
    public boolean succeeded() {
        return report.isSuccess() && replan != null && replan.isEmpty()
                && (validation == null || validation.passed());
    }

    @Override
    public String toString() {
        return "SetupOutcome[" + (succeeded() ? "succeeded" : "incomplete") + ", " + report + "]";
    }
}
