package dev.lakesetup.setup;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.DataGraphSetup;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.SetupResult;

/** The Data Graph recipe from a file: its own preflight, plan, apply, re-plan, validation and hand-over. */
record DataGraphRecipe(DataGraphSetup setup) implements SetupRecipe {
    @Override
    public SetupKind kind() {
        return SetupKind.DATA_GRAPH;
    }

    @Override
    public Blueprint blueprint() {
        return setup.blueprint(schema -> true);
    }

    @Override
    public Object target() {
        return setup;
    }

    @Override
    public boolean needsAzure() {
        return false;
    }

    @Override
    public Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return setup.plan(lakesetup, workspace);
    }

    @Override
    public SetupOutcome apply(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options) {
        SetupResult result = setup.run(lakesetup, workspace, options);
        return new SetupOutcome(result.plan(), result.applyReport(), result.confirmationPlan().orElse(null),
                result.validation().orElse(null), result.connectionDetails());
    }

    @Override
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace, VerifyOptions options,
            RunOptions runOptions) {
        return setup.verify(lakesetup, workspace, options, runOptions);
    }
}
