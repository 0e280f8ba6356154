package dev.lakesetup.cli;

import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.setup.WorkspaceSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakesetup teardown}: plans the removal of what the setup file's setup gave, prints it, and with
 * {@code --apply --allow-revokes --allow-deletes} applies it and plans again.
 */
@Command(name = "teardown", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Offboard: show what removing the setup file's setup would revoke and delete, reading the "
            + "workspace; with --apply, do it. Grants are revoked privilege by privilege (with --record, only those "
            + "lakesetup granted new); the principal's OAuth secrets, federation policies and warehouse "
            + "permissions, and an account principal's workspace assignment, are deleted; anything else only when "
            + "named with --delete. Never another principal's grants; never a catalog, schema or container that "
            + "holds data.",
            "With --sandbox, the file is first applied to the sandbox (which starts empty), so there is something "
            + "to take down."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing left to remove", "1:error, or a change failed",
            "2:removals pending (without --apply), or still left after --apply"})
final class TeardownCommand implements Callable<Integer> {
    @ParentCommand
    private LakesetupCommand root;

    @Mixin
    private FileOptions file;

    @Mixin
    private TargetOptions target;

    @Option(names = "--record", paramLabel = "FILE", description = {"The run record kept by apply --record: "
            + "only the privileges lakesetup granted new are revoked, and what existed before is left."})
    private Path record;

    @Option(names = "--delete", paramLabel = "ID", description = {"Also delete this declared resource, by its id "
            + "as plans show it (e.g. service_principal:named:reporting-app, catalog:sales); repeatable."})
    private List<String> named = new ArrayList<>();

    @Option(names = "--apply", description = "Apply the teardown plan (needs --allow-revokes and --allow-deletes).")
    private boolean apply;

    @Option(names = "--allow-revokes", description = "Allow the plan's revokes when applying.")
    private boolean allowRevokes;

    @Option(names = "--allow-deletes", description = "Allow the plan's deletions when applying.")
    private boolean allowDeletes;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        Console console = root.console();
        WorkspaceSetup setup = file.load(target.environment(console.env()));
        Printer printer = new Printer(console.out(), output.json());
        ProgressBar progress = new ProgressBar(console.err(), console.errIsTerminal(), !output.json());
        try (Session session = Session.open(setup, file, target, console.env(), progress)) {
            TeardownOptions options = options(sandboxSetup(setup, session));
            console.err().println("Planning the teardown of " + setup.name() + " from " + file.file() + " against "
                    + session.where());
            Plan plan = session.lakesetup().teardown(setup.blueprint(), options);
            if (!apply) {
                printer.plan(plan);
                if (!plan.actionableChanges().isEmpty() && !output.json()) {
                    console.err().println("Apply it with: lakesetup teardown -f " + file.file() + target.asTyped()
                            + " --apply --allow-revokes --allow-deletes");
                }
                return plan.actionableChanges().isEmpty() ? ExitStatus.CLEAN : ExitStatus.CHANGES;
            }
            refuseUnallowed(plan);
            printer.applying(plan);
            ApplyReport report = session.lakesetup().apply(plan, ApplyOptions.defaults().withRevokesAllowed()
                    .withDeletesAllowed());
            printer.report(report);
            Plan left = session.lakesetup().teardown(setup.blueprint(), options);
            printer.replan(Optional.of(left));
            return status(report, left);
        }
    }

    /** In a sandbox, which starts empty, applies the file first and returns the record of that run. */
    private RunRecord sandboxSetup(WorkspaceSetup setup, Session session) {
        if (!session.isSandbox()) {
            return null;
        }
        root.console().err().println("Sandbox: applying " + file.file() + " first, so there is something to take "
                + "down");
        Applied applied = Applied.apply(setup, session, ApplyOptions.defaults());
        return RunRecord.of(applied.plan(), applied.report());
    }

    private TeardownOptions options(RunRecord sandboxRecord) {
        TeardownOptions options = TeardownOptions.defaults();
        if (record != null) {
            RunRecord kept = RecordFile.read(record).orElseThrow(() -> InvalidInputException.of("--record",
                    record.toString(), "the file does not exist", "a record written by apply --record FILE"));
            options = options.record(kept);
        } else if (sandboxRecord != null) {
            options = options.record(sandboxRecord);
        }
        for (String id : named) {
            options = options.delete(resourceId(id));
        }
        return options;
    }

    private static ResourceId resourceId(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw InvalidInputException.of("--delete", text, "it is not a resource id",
                    "kind:key as plans show it, e.g. catalog:sales or service_principal:named:reporting-app");
        }
        return ResourceId.of(text.substring(0, colon), text.substring(colon + 1));
    }

    /** Refuses, before anything is sent, a plan whose revokes or deletions were not allowed on the command line. */
    private void refuseUnallowed(Plan plan) {
        boolean revokes = plan.changes().stream().anyMatch(change -> change.action() == Action.REVOKE);
        boolean deletes = plan.changes().stream().anyMatch(change -> change.action() == Action.DELETE);
        List<String> missing = new ArrayList<>();
        if (revokes && !allowRevokes) {
            missing.add("--allow-revokes");
        }
        if (deletes && !allowDeletes) {
            missing.add("--allow-deletes");
        }
        if (!missing.isEmpty()) {
            throw InvalidInputException.of("--apply", "teardown of " + file.file(), "the plan revokes or "
                    + "deletes, which must be allowed; nothing was applied", "review the plan (lakesetup teardown "
                    + "without --apply), then add " + String.join(" ", missing));
        }
    }

    private int status(ApplyReport report, Plan left) {
        Console console = root.console();
        if (!report.isSuccess()) {
            console.err().println(report.failures().size() + " change(s) failed: see the report.");
            return ExitStatus.ERROR;
        }
        if (left.actionableChanges().isEmpty()) {
            return ExitStatus.CLEAN;
        }
        console.err().println("Still left after the teardown (plan it again to see it).");
        return ExitStatus.CHANGES;
    }
}
