package dev.lakesetup.cli;

import picocli.CommandLine.Option;

/** How a command prints: text for people or JSON for machines, and whether errors show their stack trace. */
final class OutputOptions {
    @Option(names = "--json", description = "Print JSON (the documented plan and report schemas) instead of text.")
    private boolean json;

    @Option(names = "--debug", description = "On an error, also print its stack trace; print the libraries' debug logs.")
    private boolean debug;

    boolean json() {
        return json;
    }

    boolean debug() {
        return debug;
    }
}
