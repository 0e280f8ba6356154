package dev.lakesetup.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a command runs: the workspace the environment or a profile names, or an in-process sandbox. */
final class TargetOptions {
    @Option(names = "--sandbox", description = {"Run against an in-process fake workspace (and fake Azure) that "
            + "starts empty and lives for this one command: no account needed, nothing leaves this machine. "
            + "It holds what the file refers to without declaring (warehouses, users, groups, catalogs, schemas, "
            + "tables); DATABRICKS_HOST and DATABRICKS_WAREHOUSE_ID, when unset, are the sandbox's own."})
    private boolean sandbox;

    @Option(names = "--profile", paramLabel = "NAME", description = {"Sign in with this profile of "
            + "~/.databrickscfg (default: the DATABRICKS_* environment variables, then the DEFAULT profile)."})
    private String profile;

    boolean sandbox() {
        return sandbox;
    }

    /**
     * The environment the setup file's {@code ${NAME}} references are read from: the process's, and in a sandbox
     * the sandbox's own host and warehouse for {@code DATABRICKS_HOST} and {@code DATABRICKS_WAREHOUSE_ID} when unset.
     */
    Map<String, String> environment(Map<String, String> env) {
        if (!sandbox) {
            return env;
        }
        Map<String, String> withSandbox = new HashMap<>(env);
        withSandbox.putIfAbsent("DATABRICKS_HOST", Sandbox.HOST);
        withSandbox.putIfAbsent("DATABRICKS_WAREHOUSE_ID", Sandbox.WAREHOUSE);
        return withSandbox;
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
