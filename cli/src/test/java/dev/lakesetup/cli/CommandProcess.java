package dev.lakesetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged command as a process ({@code java -jar lakesetup-cli-VERSION-all.jar ...}) in a directory. */
final class CommandProcess {
    /** What a run printed and how it exited. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final Path directory;
    private Map<String, String> env = Map.of();

    CommandProcess(Path directory) {
        this.directory = directory;
    }

    /** The runnable jar the build attached; failsafe passes its path. */
    static Path jar() {
        String path = System.getProperty("lakesetup.cli.jar");
        assertThat(path).as("system property lakesetup.cli.jar (set by failsafe)").isNotNull();
        Path jar = Path.of(path);
        assertThat(jar).as("the runnable jar, built in the package phase").exists();
        return jar;
    }

    /** Runs {@code lakesetup ARGS} with {@code java -jar} and waits for it (at most two minutes). */
    Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs {@code lakesetup ARGS} with more environment variables. */
    Result run(Map<String, String> env, String... args) {
        this.env = env;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.net.preferIPv4Stack=true", "-jar", jar().toString()));
        command.addAll(List.of(args));
        return start(command, args);
    }

    /** Runs {@code bin/lakesetup ARGS}, the repository's launcher, on the built jar. */
    Result launch(String... args) {
        String launcher = System.getProperty("lakesetup.cli.launcher");
        assertThat(launcher).as("system property lakesetup.cli.launcher (set by failsafe)").isNotNull();
        List<String> command = new ArrayList<>(List.of("sh", launcher));
        command.addAll(List.of(args));
        return start(command, args);
    }

    private Result start(List<String> command, String... args) {
        try {
            Path out = Files.createTempFile(directory, "out", ".txt");
            Path err = Files.createTempFile(directory, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("DATABRICKS_")
                    || name.startsWith("AZURE_"));
            builder.environment().put("LAKESETUP_JAR", jar().toString());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().putAll(env);
            env = Map.of();
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("lakesetup " + String.join(" ", args) + " did not end in two minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
