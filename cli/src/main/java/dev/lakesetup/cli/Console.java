package dev.lakesetup.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where the command writes and what it reads from its process: results go to {@code out} (a plan, a report, JSON),
 * progress and messages to {@code err}, so that {@code lakesetup plan --json > plan.json} holds only the JSON.
 *
 * @param out standard output: the results
 * @param err standard error: progress, notes and errors
 * @param errIsTerminal whether {@code err} is a terminal (the progress bar is then redrawn in place)
 * @param env the environment variables
 */
record Console(PrintStream out, PrintStream err, boolean errIsTerminal, Map<String, String> env) {

    /** Copies the environment. */
    Console {
        env = Map.copyOf(env);
    }

    /** The process's own streams and environment; a terminal when the JVM has a console. */
    static Console system() {
        return new Console(System.out, System.err, System.console() != null, System.getenv());
    }
}
