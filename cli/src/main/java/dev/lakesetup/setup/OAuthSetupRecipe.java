package dev.lakesetup.setup;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.OAuthSetup;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.SetupResult;

/**
 * A recipe with a service principal, an OAuth secret and validation as the principal (Databricks destination,
 * Profiles Sync, Reverse ETL source): its own plan and run.
 *
 * @param kind which recipe
 * @param target the recipe object
 * @param blueprint its blueprint
 * @param planner its {@code plan(lakesetup, workspace)}
 * @param runner its {@code run(lakesetup, workspace, options)}
 */
record OAuthSetupRecipe(SetupKind kind, Object target, Blueprint blueprint, Planner planner, Runner runner)
        implements SetupRecipe {

    /** A recipe's {@code plan}. */
    @FunctionalInterface
    interface Planner {
        Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace);
    }

    /** A recipe's {@code run}. */
    @FunctionalInterface
    interface Runner {
        SetupResult run(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options);
    }

    @Override
    public boolean needsAzure() {
        return false;
    }

    @Override
    public Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return planner.plan(lakesetup, workspace);
    }

    @Override
    public SetupOutcome apply(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options) {
        SetupResult result = runner.run(lakesetup, workspace, options);
        return new SetupOutcome(result.plan(), result.applyReport(), result.confirmationPlan().orElse(null),
                result.validation().orElse(null), result.connectionDetails());
    }

    @Override
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace, VerifyOptions options,
            RunOptions runOptions) {
        return ((OAuthSetup) target).verify(lakesetup, workspace, options, runOptions);
    }
}
