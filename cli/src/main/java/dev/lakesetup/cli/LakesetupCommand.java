package dev.lakesetup.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code lakesetup} command itself: its subcommands, help, version and error handling. */
@Command(name = "lakesetup", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Declare Databricks and Azure access in a setup file; plan it, apply it, check it.",
            "Try it without an account: lakesetup plan --sandbox -f examples/setups/data-graph.yaml"},
        subcommands = {PlanCommand.class, ApplyCommand.class, ValidateCommand.class, VerifyCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:clean: no changes pending, applied with nothing left to do, or a valid file",
            "1:error (bad file or options, sign-in, a change that failed)",
            "2:changes pending (plan), drift found after an apply, or drift found (verify)"},
        footerHeading = "%nSign-in:%n", footer = {
            "Like the Databricks CLI: the DATABRICKS_* environment variables (DATABRICKS_HOST with DATABRICKS_TOKEN, "
            + "or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET, ...), else the DEFAULT profile of "
            + "~/.databrickscfg; --profile NAME picks another profile. A workspace's host in the setup file wins "
            + "over the environment's. Azure pieces use AZURE_TENANT_ID, AZURE_SUBSCRIPTION_ID and the Azure "
            + "SDK's default credential."})
final class LakesetupCommand implements Runnable {
    private final Console console;

    @Spec
    private CommandSpec spec;

    LakesetupCommand(Console console) {
        this.console = console;
    }

    /** The streams and environment the subcommands use. */
    Console console() {
        return console;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command: plan, apply, validate or verify "
                + "(lakesetup --help lists them).");
    }

    /**
     * Builds the command line: help and results on {@code console.out()}, errors on {@code console.err()}, every
     * failure turned into exit status 1 with a one-line message.
     */
    static CommandLine commandLine(Console console) {
        CommandLine line = new CommandLine(new LakesetupCommand(console));
        line.setOut(new PrintWriter(console.out(), true));
        line.setErr(new PrintWriter(console.err(), true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpAutoWidth(false);
        Failures failures = new Failures(console);
        line.setExecutionExceptionHandler(failures);
        line.setParameterExceptionHandler(failures);
        return line;
    }
}
