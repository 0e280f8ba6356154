package dev.lakesetup.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the size rules of the library modules' main sources: no file over 300 lines of code and no method or
 * constructor over 40 lines of code (comments and blank lines aside, see {@link SourceMeasure}).
 *
 * <p>A failure lists every offender at once, with its file, method and lines, so one run shows all there is to fix.
 */
class SourceSizeTest {

    private static final int MAX_FILE_CODE_LINES = 300;
    private static final int MAX_CALLABLE_CODE_LINES = 40;

    private static Path root;
    private static List<SourceMeasure> measures;

    @BeforeAll
    static void measureLibrarySources() {
        root = LibraryModules.projectRoot();
        measures = LibraryModules.mainSources().stream().map(SourceMeasure::of).toList();
    }

    @Test
    void mainSources_whenMeasured_coverEveryLibraryModule() {
        assertThat(measures).extracting(measure -> root.relativize(measure.file()).getName(0).toString())
                .containsAll(LibraryModules.SIZED);
    }

    @Test
    void mainSources_whenMeasured_haveNoFileOver300LinesOfCode() {
        List<String> offenders = measures.stream()
                .filter(measure -> measure.codeLines() > MAX_FILE_CODE_LINES)
                .map(measure -> relative(measure.file()) + ": " + measure.codeLines() + " lines of code")
                .toList();

        assertThat(offenders)
                .withFailMessage("%d files over %d lines of code (comments and blank lines aside):%n%s",
                        offenders.size(), MAX_FILE_CODE_LINES, String.join(System.lineSeparator(), offenders))
                .isEmpty();
    }

    @Test
    void mainSources_whenMeasured_haveNoMethodOrConstructorOver40Lines() {
        List<String> offenders = measures.stream()
                .flatMap(measure -> measure.callables().stream()
                        .filter(callable -> callable.codeLines() > MAX_CALLABLE_CODE_LINES)
                        .map(callable -> relative(measure.file()) + "#" + callable.name() + " (lines "
                                + callable.firstLine() + "-" + callable.lastLine() + "): "
                                + callable.codeLines() + " lines of code"))
                .toList();

        assertThat(offenders)
                .withFailMessage("%d methods and constructors over %d lines of code (comments and blank lines "
                        + "aside):%n%s", offenders.size(), MAX_CALLABLE_CODE_LINES,
                        String.join(System.lineSeparator(), offenders))
                .isEmpty();
    }

    private static String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

}
