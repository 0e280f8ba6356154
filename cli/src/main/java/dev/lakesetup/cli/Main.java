package dev.lakesetup.cli;

import java.util.Arrays;

/**
 * Runs the {@code lakesetup} command: {@code plan}, {@code apply} and {@code validate} a setup file against a
 * Databricks workspace (and Azure), or against an in-process sandbox with {@code --sandbox}.
 *
 * <p>Exits with 0 when nothing is left to do (an empty plan, a clean apply, a valid file), 2 when changes are
 * pending (plan) or drift remains (apply), and 1 on an error, which is printed as one message on standard error
 * (with its stack trace only under {@code --debug}).
 */
public final class Main {
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Main() {
    }

    /**
     * Runs the command with the process's streams and environment and exits with its status.
     *
     * @param args the command line, e.g. {@code plan -f setup.yaml --sandbox}
     */
    public static void main(String[] args) {
        // the libraries' logging (slf4j-simple, on standard error): off, since the command reports every failure
        // itself in one line and a library's warning may carry a stack trace; everything under --debug; a level
        // given with -Dorg.slf4j.simpleLogger.defaultLogLevel wins
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, Arrays.asList(args).contains("--debug") ? "debug" : "off");
        }
        System.exit(run(args, Console.system()));
    }

    /**
     * Runs the command and returns its exit status.
     *
     * @param args the command line
     * @param console the streams and environment to use
     * @return 0 clean, 2 changes pending or drift found, 1 error
     */
    static int run(String[] args, Console console) {
        return LakesetupCommand.commandLine(console).execute(args);
    }
}
