package dev.lakesetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command in-process: choosing a workspace, errors before anything is contacted, exit statuses. */
class MainTest {
    private static final String TWO_WORKSPACES = """
            apiVersion: lakesetup/v1
            workspaces:
              - name: one
                host: ${ONE_HOST}
                setup:
                  blueprint:
                    catalogs: [{name: first}]
              - name: two
                setup:
                  blueprint:
                    catalogs: [{name: second}]
            """;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, env);
        return Main.run(args, console);
    }

    private String file() throws IOException {
        Path file = directory.resolve("two.yaml");
        Files.writeString(file, TWO_WORKSPACES);
        return file.toString();
    }

    @Test
    void validate_whenTheFileHoldsSeveralWorkspaces_listsEachWithItsKindAndHost() throws IOException {
        int status = run(Map.of("ONE_HOST", "https://one.example.com"), "validate", "-f", file());
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 workspace setup(s)",
                "one: blueprint on https://one.example.com", "two: blueprint");
    }

    @Test
    void validate_whenAnEnvironmentReferenceIsUnset_failsNamingIt() throws IOException {
        int status = run(Map.of(), "validate", "-f", file());
        assertThat(status).isEqualTo(ExitStatus.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ONE_HOST").doesNotContain("\tat ");
    }

    @Test
    void plan_whenSeveralWorkspacesAndNoneChosen_namesThemAndContactsNothing() throws IOException {
        int status = run(Map.of("ONE_HOST", "https://one.example.com"), "plan", "-f", file(), "--sandbox");
        assertThat(status).isEqualTo(ExitStatus.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--workspace", "[one, two]");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void plan_whenTheChosenWorkspaceIsUnknown_namesTheKnownOnes() throws IOException {
        int status = run(Map.of("ONE_HOST", "https://one.example.com"), "plan", "-f", file(), "--sandbox",
                "--workspace", "three");
        assertThat(status).isEqualTo(ExitStatus.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'three'", "one of [one, two]");
    }

    @Test
    void plan_ofOneChosenWorkspaceOnSandbox_plansOnlyIt() throws IOException {
        int status = run(Map.of("ONE_HOST", "https://one.example.com"), "plan", "-f", file(), "--sandbox",
                "--workspace", "two");
        assertThat(status).isEqualTo(ExitStatus.CHANGES);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("+ catalog second").doesNotContain("first");
    }

    @Test
    void run_withoutACommand_failsWithTheCommandsToChooseFrom() {
        int status = run(Map.of());
        assertThat(status).isEqualTo(ExitStatus.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("plan, apply, validate or verify");
    }
}
