package dev.lakesetup.cli;

import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.ConnectionDetails;
import dev.lakesetup.databricks.DataGraphSetup;
import dev.lakesetup.databricks.PrincipalValidator;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.SetupResult;
import dev.lakesetup.databricks.ValidationReport;
import dev.lakesetup.setup.SetupOutcome;
import dev.lakesetup.setup.WorkspaceSetup;
import java.util.Optional;

/**
 * What one {@code apply} of a setup file gave, as the command prints it: the plan applied, the report, the
 * confirming plan, and for a recipe its validation and connection details.
 *
 * @param plan the plan that was applied
 * @param report what happened to each change
 * @param replan the plan made after applying, absent when the apply did not succeed
 * @param validation the recipe's validation, absent for a blueprint
 * @param connectionDetails the recipe's hand-over, absent for a blueprint
 */
record Applied(Plan plan, ApplyReport report, Optional<Plan> replan, Optional<ValidationReport> validation,
        Optional<ConnectionDetails> connectionDetails) {

    /**
     * Applies a workspace's setup. In a sandbox, the Data Graph recipe validates over the sandbox's plain HTTP
     * (a real workspace is only reached over HTTPS); everything else runs as the setup file's reader runs it.
     */
    static Applied apply(WorkspaceSetup setup, Session session, ApplyOptions options) {
        Optional<DataGraphSetup> dataGraph = setup.recipe(DataGraphSetup.class);
        if (session.isSandbox() && dataGraph.isPresent()) {
            RunOptions run = RunOptions.defaults().withApplyOptions(options)
                    .withValidator(PrincipalValidator.Builder::plainHttpForTesting);
            return of(dataGraph.get().run(session.lakesetup(), session.workspace(), run));
        }
        return of(setup.apply(session.lakesetup(), session.workspace(), options));
    }

    private static Applied of(SetupOutcome outcome) {
        return new Applied(outcome.plan(), outcome.report(), outcome.replan(), outcome.validation(),
                outcome.connectionDetails());
    }

    private static Applied of(SetupResult result) {
        return new Applied(result.plan(), result.applyReport(), result.confirmationPlan(), result.validation(),
                Optional.of(result.connectionDetails()));
    }
}
