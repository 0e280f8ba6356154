package dev.lakesetup.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceMeasureTest {

    private static final String SAMPLE = """
            package sample;

            /**
             * Javadoc does not count.
             */
            final class Sample {
                // a line comment does not count

                private final int x; // a trailing comment leaves a code line

                /** Nor does a method's Javadoc. */
                @Deprecated
                Sample(int x) {
                    /* a block comment
                       over two lines */
                    this.x = x;
                }

                String text() {
                    return \"""
                            two lines
                            of text\""";
                }

                static final class Inner {
                    void run() {
                        Runnable r = () -> {
                            System.out.println("in a lambda");
                        };
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    private SourceMeasure measure() throws IOException {
        Path file = dir.resolve("Sample.java");
        Files.writeString(file, SAMPLE);
        return SourceMeasure.of(file);
    }

    @Test
    void of_whenFileHasCommentsAndBlankLines_countsOnlyLinesWithCode() throws IOException {
        // package, class, field; annotation, constructor, assignment, brace; text(), return and the text block's
        // 2 more lines, brace; Inner, run(), the lambda's 3 lines, 3 closing braces
        assertThat(measure().codeLines()).isEqualTo(20);
    }

    @Test
    void of_whenCallablesHaveCommentsAndAnnotations_measuresEachFromItsAnnotationWithoutComments() throws IOException {
        assertThat(measure().callables())
                .extracting(SourceMeasure.Callable::name, SourceMeasure.Callable::codeLines)
                .containsExactly(
                        Tuple.tuple("Sample.Sample(int)", 4),
                        Tuple.tuple("Sample.String text()", 5),
                        Tuple.tuple("Inner.void run()", 5));
    }
}
