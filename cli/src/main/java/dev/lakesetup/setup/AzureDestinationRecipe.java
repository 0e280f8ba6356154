package dev.lakesetup.setup;

import dev.lakesetup.azure.AzureDeltaLakeDestinationSetup;
import dev.lakesetup.azure.DestinationSetupResult;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.RunOptions;

/** The Azure Delta Lake destination recipe from a file; it applies with default options (its validation is admin-side). */
record AzureDestinationRecipe(AzureDeltaLakeDestinationSetup setup) implements SetupRecipe {
    @Override
    public SetupKind kind() {
        return SetupKind.AZURE_DELTA_LAKE_DESTINATION;
    }

    @Override
    public Blueprint blueprint() {
        return setup.blueprint();
    }

    @Override
    public Object target() {
        return setup;
    }

    @Override
    public boolean needsAzure() {
        return true;
    }

    @Override
    public Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return setup.plan(lakesetup, workspace);
    }

    @Override
    public SetupOutcome apply(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options) {
        DestinationSetupResult result = setup.run(lakesetup, workspace, options);
        return new SetupOutcome(result.plan(), result.report(), result.replan().orElse(null),
                result.validation().orElse(null), result.connectionDetails());
    }

    @Override
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace, VerifyOptions options,
            RunOptions runOptions) {
        return setup.verify(lakesetup, workspace, options);
    }
}
