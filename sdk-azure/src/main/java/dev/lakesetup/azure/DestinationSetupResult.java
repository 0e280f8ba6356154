package dev.lakesetup.azure;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.ConnectionDetails;
import dev.lakesetup.databricks.ValidationCheck;
import dev.lakesetup.databricks.ValidationReport;
import java.util.Optional;

/**
 * What one run of {@link AzureDeltaLakeDestinationSetup} did: the plan it applied, the report of every change, the
 * re-plan read afterwards (empty when the workspace and the subscription match the blueprint), the admin-side
 * validation of what the vendor's principal holds, and the values to enter in the destination's connection
 * settings. It holds no secret.
 */
public final class DestinationSetupResult {
    private final Plan plan;
    private final ApplyReport report;
    private final Plan replan;
    private final ValidationReport validation;
    private final String workspaceUrl;
    private final ConnectionDetails connectionDetails;

    DestinationSetupResult(Plan plan, ApplyReport report, Plan replan, ValidationReport validation,
            String workspaceUrl, ConnectionDetails connectionDetails) {
        this.plan = plan;
        this.report = report;
        this.replan = replan;
        this.validation = validation;
        this.workspaceUrl = workspaceUrl;
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
     * Returns the outcome of every change.
     *
     * @return the report
     */
    public ApplyReport report() {
        return report;
    }

    /**
     * Returns the plan read after a successful apply; empty when the apply failed (nothing was re-read).
     *
     * @return the re-plan
     */
    public Optional<Plan> replan() {
        return Optional.ofNullable(replan);
    }

    /**
     * Returns the admin-side checks of what the vendor's principal holds, read after a successful apply; empty when
     * the apply failed.
     *
     * @return the validation report
     */
    public Optional<ValidationReport> validation() {
        return Optional.ofNullable(validation);
    }

    /**
     * Tells whether every change succeeded, the re-plan is empty and the validation passed.
     *
     * @return {@code true} when the setup is complete
     */
    public boolean isSuccess() {
        return report.isSuccess() && replan != null && replan.isEmpty() && validation != null
                && validation.passed();
    }

    /**
     * Returns the workspace URL, the first value of the destination's settings.
     *
     * @return the URL, e.g. {@code https://adb-123.4.azuredatabricks.net}
     */
    public String workspaceUrl() {
        return workspaceUrl;
    }

    /**
     * Returns the destination's connection values: host, port, catalog and the vendor's application id.
     *
     * @return the details
     */
    public ConnectionDetails connectionDetails() {
        return connectionDetails;
    }

    @Override
    public String toString() {
        return "DestinationSetupResult[success=" + isSuccess() + ", plan=" + plan.summary() + ", report="
                + report.summary() + ", replan=" + (replan == null ? "(not read)" : replan.summary()) + ", validation="
                + (validation == null ? "(not run)" : validation.passed() ? "passed" : "failed "
                        + validation.failures().stream().map(ValidationCheck::name).toList())
                + ", workspaceUrl=" + workspaceUrl + ", " + connectionDetails + "]";
    }
}
