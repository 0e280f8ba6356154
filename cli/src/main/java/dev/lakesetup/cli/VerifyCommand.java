package dev.lakesetup.cli;

import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.DriftStatus;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.render.DriftFormat;
import dev.lakesetup.databricks.PrincipalValidator;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.setup.WorkspaceSetup;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakesetup verify}: reads the live state and reports what differs from the setup file, item by item;
 * changes nothing. Meant for a schedule, also under a read-only identity (what it may not read is skipped, with the
 * permission that read needs).
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Report what changed since setup: each declared item OK, MISSING, CHANGED (before -> after), "
            + "UNDECLARED privileges on exclusive securables, OAuth secrets EXPIRING soon and, for a recipe whose "
            + "file gives validateWith credentials, each check as the principal. Changes nothing: only reads.",
            "Safe under a read-only identity: a read it may not make is SKIPPED with the permission it needs, "
            + "instead of failing. Progress goes to standard error, the report to standard output.",
            "With --json, prints {\"schema\": \"lakesetup.drift-report/v1\", \"clean\": ..., \"items\": [...]}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean: the workspace is as the file declares (skipped checks aside)", "1:error",
            "2:drift found"})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    private LakesetupCommand root;

    @Mixin
    private FileOptions file;

    @Mixin
    private TargetOptions target;

    @Option(names = "--expiring-within", paramLabel = "DAYS", defaultValue = "30",
            description = "Report an OAuth secret that expires within this many days as drift (default: "
                    + "${DEFAULT-VALUE}; 0 reports only expired ones).")
    private int expiringWithinDays;

    @Option(names = "--no-validation", description = "Do not validate as the principal, even when the file gives "
            + "validateWith credentials.")
    private boolean noValidation;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        Console console = root.console();
        VerifyOptions options = options();
        WorkspaceSetup setup = file.load(target.environment(console.env()));
        ProgressBar progress = new ProgressBar(console.err(), console.errIsTerminal(), false);
        try (Session session = Session.open(setup, file, target, console.env(), progress)) {
            console.err().println("Verifying " + setup.name() + " from " + file.file() + " against "
                    + session.where());
            RunOptions run = session.isSandbox()
                    ? RunOptions.defaults().withValidator(PrincipalValidator.Builder::plainHttpForTesting)
                    : RunOptions.defaults();
            DriftReport report = setup.verify(session.lakesetup(), session.workspace(), options, run);
            console.out().print((output.json() ? DriftFormat.JSON : DriftFormat.TEXT).render(report));
            console.out().flush();
            int skipped = report.count(DriftStatus.SKIPPED);
            if (skipped > 0) {
                console.err().println(skipped + " check(s) skipped: see each one's reason (a read-only identity "
                        + "may lack the permission it names).");
            }
            if (!report.isClean()) {
                console.err().println("Drift: " + report.drift().size() + " item(s) differ from " + file.file()
                        + "; see the plan with: lakesetup plan -f " + file.file() + target.asTyped());
            }
            return report.isClean() ? ExitStatus.CLEAN : ExitStatus.CHANGES;
        }
    }

    private VerifyOptions options() {
        if (expiringWithinDays < 0) {
            throw InvalidInputException.of("--expiring-within", Integer.toString(expiringWithinDays),
                    "it is negative", "a number of days, 0 or more");
        }
        VerifyOptions options = VerifyOptions.defaults().expiringWithin(Duration.ofDays(expiringWithinDays));
        return noValidation ? options.withoutValidation() : options;
    }
}
