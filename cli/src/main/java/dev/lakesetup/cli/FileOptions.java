package dev.lakesetup.cli;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.setup.SetupFile;
import dev.lakesetup.setup.WorkspaceSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The setup file a command reads, and which of its workspaces' setups to use. */
final class FileOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true,
            description = "The setup file (YAML or JSON, apiVersion: lakesetup/v1).")
    private Path file;

    @Option(names = "--workspace", paramLabel = "NAME",
            description = "The workspace's setup to use, when the file holds several.")
    private String workspace;

    /** The file as given. */
    Path file() {
        return file;
    }

    /** Reads the file, {@code ${NAME}} references from the environment (a problem fails with line and column). */
    List<WorkspaceSetup> read(Map<String, String> env) {
        return SetupFile.read(file, env);
    }

    /** Reads the file and picks the one workspace's setup the command works on. */
    WorkspaceSetup load(Map<String, String> env) {
        return pick(read(env));
    }

    /** The setups the command works on: the one named by {@code --workspace}, or all of them. */
    List<WorkspaceSetup> selected(List<WorkspaceSetup> setups) {
        return workspace == null ? setups : List.of(pick(setups));
    }

    private WorkspaceSetup pick(List<WorkspaceSetup> setups) {
        List<String> names = setups.stream().map(WorkspaceSetup::name).toList();
        if (workspace == null) {
            if (setups.size() == 1) {
                return setups.get(0);
            }
            throw InvalidInputException.of("--workspace", "<missing>", file + " holds " + setups.size()
                    + " workspaces' setups", "--workspace with one of " + names);
        }
        return setups.stream().filter(setup -> setup.name().equals(workspace)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("--workspace", workspace,
                        "no such workspace in " + file, "one of " + names));
    }
}
