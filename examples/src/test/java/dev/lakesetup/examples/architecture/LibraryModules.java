package dev.lakesetup.examples.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The library modules whose architecture rules the tests in this package check, and where their main sources are.
 *
 * <p>The rules run in the examples module because it depends on all four library modules: their classes are on its
 * test class path (for ArchUnit) and their source trees are next to it in the project (for the size rules), so one
 * test covers every module without a shared test artifact or a helper copied into each module.
 */
final class LibraryModules {

    /** The modules published as libraries; examples and benchmarks are programs and are not checked. */
    static final List<String> NAMES = List.of("sdk-core", "sdk-databricks", "sdk-azure", "sdk-testkit");

    /**
     * The modules whose sources the size rules measure: the libraries and {@code cli} (the setup-file reader and the
     * command are held to the same sizes, though the command is a program).
     */
    static final List<String> SIZED = List.of("sdk-core", "sdk-databricks", "sdk-azure", "sdk-testkit", "cli",
            "sdk-temporal");

    private LibraryModules() {
    }

    /**
     * Finds the project root: the nearest directory at or above the working directory that holds all library modules.
     *
     * @return the project root
     */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            Path found = candidate;
            if (NAMES.stream().allMatch(name -> Files.isDirectory(found.resolve(name).resolve("src/main/java")))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no directory at or above " + dir + " holds the modules " + NAMES);
    }

    /**
     * Lists every main Java source file of the {@link #SIZED} modules, {@code module-info.java} and {@code package-info.java}
     * aside (they hold no code to measure).
     *
     * @return the files, in a stable order
     */
    static List<Path> mainSources() {
        Path root = projectRoot();
        List<Path> files = new ArrayList<>();
        for (String name : SIZED) {
            try (Stream<Path> tree = Files.walk(root.resolve(name).resolve("src/main/java"))) {
                tree.filter(file -> file.toString().endsWith(".java"))
                        .filter(file -> !file.getFileName().toString().matches("(module|package)-info\\.java"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
