package dev.lakesetup.cli;

import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.SavedPlan;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.databricks.ValidationReport;
import dev.lakesetup.setup.WorkspaceSetup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakesetup apply}: plans and applies the setup file (a recipe also validates as its principal and hands
 * over its connection details), or applies a plan saved by {@code plan --out}; then plans again to confirm.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Apply the setup file: plan, apply (progress on standard error), report, and plan again to "
            + "confirm. A recipe also validates as its principal and prints the connection details to hand over; "
            + "an issued OAuth secret goes only where the file's secret reference says.",
            "With PLAN (saved by plan --out), applies exactly that plan, after checking that nothing it read has "
            + "changed since; -f names the file it was made from."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:applied, and the workspace matches the file", "1:error, or a change failed",
            "2:applied, but the workspace still differs from the file (drift)"})
final class ApplyCommand implements Callable<Integer> {
    @ParentCommand
    private LakesetupCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN",
            description = "A plan saved with plan --out, to apply instead of planning anew.")
    private Path savedPlan;

    @Mixin
    private FileOptions file;

    @Mixin
    private TargetOptions target;

    @Option(names = "--allow-revokes", description = "Also revoke privileges on the securables the file "
            + "declares exclusive (refused by default).")
    private boolean allowRevokes;

    @Option(names = "--record", paramLabel = "FILE", description = {"Keep the record of this run (what it "
            + "created, granted new and adopted; no secret) in FILE, merged with the runs already there, for "
            + "lakesetup teardown --record FILE."})
    private Path record;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        Console console = root.console();
        WorkspaceSetup setup = file.load(target.environment(console.env()));
        SavedPlan saved = savedPlan == null ? null : SavedPlan.read(savedPlan);
        Printer printer = new Printer(console.out(), output.json());
        ProgressBar progress = new ProgressBar(console.err(), console.errIsTerminal(), !output.json());
        try (Session session = Session.open(setup, file, target, console.env(), progress)) {
            console.err().println("Applying " + setup.name() + " from " + (saved == null ? "" : savedPlan + " and ")
                    + file.file() + " against " + session.where());
            return saved == null ? apply(setup, session, printer) : applySaved(saved, setup, session, printer);
        }
    }

    private ApplyOptions options() {
        return allowRevokes ? ApplyOptions.defaults().withRevokesAllowed() : ApplyOptions.defaults();
    }

    private int apply(WorkspaceSetup setup, Session session, Printer printer) {
        Applied outcome = record == null ? Applied.apply(setup, session, options())
                : Applied.apply(setup, session, options(), record);
        if (record != null) {
            root.console().err().println("Kept the run record in " + record);
        }
        printer.applying(outcome.plan());
        printer.report(outcome.report());
        printer.validation(outcome.validation());
        printer.connectionDetails(outcome.connectionDetails());
        printer.replan(outcome.replan());
        boolean validated = outcome.validation().map(ValidationReport::passed).orElse(true);
        return status(outcome.report(), outcome.replan(), validated);
    }

    private int applySaved(SavedPlan saved, WorkspaceSetup setup, Session session, Printer printer) {
        keepRecord(saved.toPlan(setup.blueprint()));
        ApplyReport report = session.lakesetup().apply(saved, setup.blueprint(), options());
        printer.report(report);
        Optional<Plan> replan = report.isSuccess()
                ? Optional.of(setup.plan(session.lakesetup(), session.workspace())) : Optional.empty();
        printer.replan(replan);
        return status(report, replan, true);
    }

    /** Keeps the record of a saved plan's run before applying it, so a crash or a lost answer cannot lose it. */
    private void keepRecord(Plan plan) {
        if (record != null) {
            RecordFile.save(record, RunRecord.planned(plan, Instant.now()));
            root.console().err().println("Kept the run record in " + record);
        }
    }

    private int status(ApplyReport report, Optional<Plan> replan, boolean validated) {
        Console console = root.console();
        if (!report.isSuccess() || !validated) {
            console.err().println(report.isSuccess() ? "Validation as the principal failed: see above."
                    : report.failures().size() + " change(s) failed: see the report.");
            return ExitStatus.ERROR;
        }
        if (replan.map(Plan::isEmpty).orElse(false)) {
            return ExitStatus.CLEAN;
        }
        console.err().println("Drift: the workspace still differs from the file after applying (plan again).");
        return ExitStatus.CHANGES;
    }
}
