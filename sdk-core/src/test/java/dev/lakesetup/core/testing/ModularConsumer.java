package dev.lakesetup.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A tiny modular application, compiled and run with the JDK's own {@code javac} and {@code java} on a module path
 * made of a library module and its runtime dependencies, the way a user's modular build would see them. The build
 * passes that module path in the system property {@code lakesetup.test.modulePath}.
 */
public final class ModularConsumer {
    private final Path work;
    private final String modulePath;

    private ModularConsumer(Path work, String modulePath) {
        this.work = work;
        this.modulePath = modulePath;
    }

    /**
     * Compiles the consumer in {@code src/test/modular-consumer} (module {@code consumer}) with every lint warning
     * an error.
     *
     * @param work a scratch directory
     * @return the compiled consumer
     * @throws IOException when a file cannot be read or written
     * @throws InterruptedException when interrupted while javac runs
     */
    public static ModularConsumer compile(Path work) throws IOException, InterruptedException {
        String modulePath = System.getProperty("lakesetup.test.modulePath");
        assertThat(modulePath).as("lakesetup.test.modulePath, set by the POM").isNotBlank();
        List<String> command = new ArrayList<>(List.of(tool("javac"), "-d", work.resolve("consumer").toString(),
                "--module-path", modulePath, "-Xlint:all,-requires-automatic,-requires-transitive-automatic",
                "-Werror"));
        try (Stream<Path> files = Files.walk(Paths.get("src", "test", "modular-consumer"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> command.add(p.toString()));
        }
        run(command, work.resolve("javac.log"));
        return new ModularConsumer(work, modulePath);
    }

    /**
     * Runs {@code consumer/consumer.Main} on the module path, with no other option, and waits at most three minutes.
     *
     * @param args the program's arguments
     * @return what it printed, standard error included
     * @throws IOException when its output cannot be read
     * @throws InterruptedException when interrupted while it runs
     */
    public String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool("java"), "--module-path",
                work.resolve("consumer") + File.pathSeparator + modulePath, "-m", "consumer/consumer.Main"));
        command.addAll(List.of(args));
        return run(command, work.resolve("run.log"));
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
