package dev.lakesetup.cli;

import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.setup.WorkspaceSetup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lakesetup plan}: reads the live state and prints the changes the setup file asks for; changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show the changes that would bring the workspace to the setup file. Changes nothing.",
            "Exits with 0 when there is nothing to change, 2 when changes are pending, 1 on an error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no changes pending", "1:error", "2:changes pending"})
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    private LakesetupCommand root;

    @Mixin
    private FileOptions file;

    @Mixin
    private TargetOptions target;

    @Option(names = "--out", paramLabel = "plan.json", description = {"Also save the plan, to apply exactly it "
            + "later: lakesetup apply plan.json -f FILE (refused if the workspace moved since)."})
    private Path out;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        Console console = root.console();
        WorkspaceSetup setup = file.load(target.environment(console.env()));
        ProgressBar progress = new ProgressBar(console.err(), console.errIsTerminal(), false);
        try (Session session = Session.open(setup, file, target, console.env(), progress)) {
            console.err().println("Planning " + setup.name() + " from " + file.file() + " against "
                    + session.where());
            Plan plan = setup.plan(session.lakesetup(), session.workspace());
            new Printer(console.out(), output.json()).plan(plan);
            if (out != null) {
                plan.write(out);
                console.err().println("Saved the plan to " + out + "; apply it with: lakesetup apply " + out
                        + " -f " + file.file() + target.asTyped());
            } else if (!plan.isEmpty() && !output.json()) {
                console.err().println("Apply these changes with: lakesetup apply -f " + file.file()
                        + target.asTyped());
            }
            return plan.isEmpty() ? ExitStatus.CLEAN : ExitStatus.CHANGES;
        }
    }
}
