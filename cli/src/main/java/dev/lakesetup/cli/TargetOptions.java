package dev.lakesetup.cli;

import picocli.CommandLine.Option;

/** Where a command runs: the workspace the environment or a profile names, or an in-process sandbox. */
final class TargetOptions {
    @Option(names = "--sandbox", description = {"Run against an in-process fake workspace (and fake Azure) that "
            + "starts empty and lives for this one command: no account needed, nothing leaves this machine."})
    private boolean sandbox;

    @Option(names = "--profile", paramLabel = "NAME", description = {"Sign in with this profile of "
            + "~/.databrickscfg (default: the DATABRICKS_* environment variables, then the DEFAULT profile)."})
    private String profile;

    boolean sandbox() {
        return sandbox;
    }

    /** The options as typed, to repeat them in a hint: {@code " --sandbox"}, {@code " --profile dev"} or empty. */
    String asTyped() {
        return sandbox ? " --sandbox" : profile != null ? " --profile " + profile : "";
    }

    /** The profile asked for, or null for the environment. */
    String profile() {
        return profile;
    }
}
