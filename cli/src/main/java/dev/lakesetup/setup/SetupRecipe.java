package dev.lakesetup.setup;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.RunOptions;

/** What one workspace's {@code setup:} section became: a blueprint, or a recipe built from its parameters. */
interface SetupRecipe {
    /** The kind of setup, as the file named it. */
    SetupKind kind();

    /** The blueprint as declared (for Data Graph: with the reverse-ETL grant, which plans only when it exists). */
    Blueprint blueprint();

    /** The recipe object ({@code DataGraphSetup}, ...) or the blueprint itself. */
    Object target();

    /** Whether planning needs an Azure executor registered. */
    boolean needsAzure();

    /** Plans against the live workspace, changing nothing. */
    Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace);

    /** Plans, applies, re-plans and (for recipes) validates and hands over. */
    SetupOutcome apply(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options);

    /** Reports what differs from the setup (and, for recipes with credentials, validates), changing nothing. */
    DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace, VerifyOptions options,
            RunOptions runOptions);
}
