package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.testkit.FakeWorkspace;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application that {@code requires dev.lakesetup.databricks} compiles and runs on the module path with
 * no {@code --add-modules}: the consumer in {@code src/test/modular-consumer} plans through the REST executor and
 * the SQL executor against a fake workspace. Its module path is what a user's build resolves for this module at run
 * time, without the optional JDBC driver (the build passes it in {@code lakesetup.test.modulePath}).
 */
class ModulePathSmokeTest {
    private static final Path CONSUMER = Paths.get("src", "test", "modular-consumer");

    @TempDir
    Path work;

    @Test
    void modularApplication_plansOnTheModulePath_withoutAddModules() throws Exception {
        String modulePath = System.getProperty("lakesetup.test.modulePath");
        assertThat(modulePath).as("set by this module's POM").isNotBlank();
        Path out = work.resolve("consumer");
        compile(modulePath, out);

        try (FakeWorkspace fake = FakeWorkspace.builder().warehouse("wh1", "Starter").group("analysts").build()
                .start()) {
            String output = run(List.of(tool("java"), "--module-path", out + File.pathSeparator + modulePath, "-m",
                    "consumer/consumer.Main", fake.host(), fake.adminToken(), "wh1"), work.resolve("run.log"));

            assertThat(output).contains("rest: 1 to create, 0 to update, 1 to grant")
                    .contains("sql: 1 to create, 0 to update, 1 to grant");
        }
    }

    private void compile(String modulePath, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool("javac"), "-d", out.toString(), "--module-path",
                modulePath, "-Xlint:all,-requires-automatic,-requires-transitive-automatic", "-Werror"));
        try (Stream<Path> files = Files.walk(CONSUMER)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> command.add(p.toString()));
        }
        String output = run(command, work.resolve("javac.log"));
        assertThat(output).as("javac").doesNotContain("error");
    }

    /** Runs a JDK tool to its end (at most three minutes) and returns its output; fails unless it exits with 0. */
    private static String run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("%s ended", command.get(0)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String tool(String name) {
        return Paths.get(System.getProperty("java.home"), "bin", name).toString();
    }
}
