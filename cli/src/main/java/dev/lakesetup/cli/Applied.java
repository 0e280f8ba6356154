package dev.lakesetup.cli;

import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.ConnectionDetails;
import dev.lakesetup.databricks.PrincipalValidator;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.ValidationReport;
import dev.lakesetup.setup.SetupOutcome;
import dev.lakesetup.setup.WorkspaceSetup;
import java.nio.file.Path;
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
     * Applies a workspace's setup. In a sandbox, recipes validate as their principal over the sandbox's plain HTTP
     * (a real workspace is only reached over HTTPS).
     */
    static Applied apply(WorkspaceSetup setup, Session session, ApplyOptions options) {
        return apply(setup, session, RunOptions.defaults().withApplyOptions(options));
    }

    /**
     * Applies a workspace's setup, keeping the run's record in a file (saved before anything is applied, merged with
     * the file's).
     */
    static Applied apply(WorkspaceSetup setup, Session session, ApplyOptions options, Path record) {
        return apply(setup, session, RunOptions.defaults().withApplyOptions(options)
                .record(RecordFile.store(record), RecordFile.KEY));
    }

    private static Applied apply(WorkspaceSetup setup, Session session, RunOptions options) {
        RunOptions run = options;
        if (session.isSandbox()) {
            run = run.withValidator(PrincipalValidator.Builder::plainHttpForTesting);
        }
        SetupOutcome outcome = setup.apply(session.lakesetup(), session.workspace(), run);
        return new Applied(outcome.plan(), outcome.report(), outcome.replan(), outcome.validation(),
                outcome.connectionDetails());
    }
}
