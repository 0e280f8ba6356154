package dev.lakesetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar: drawn in place on a terminal, never elsewhere. */
class ProgressBarTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void bar_whenHalfDone_fillsHalfTheWidth() {
        assertThat(ProgressBar.bar(new Progress(Progress.Phase.APPLYING, 5, 10)))
                .startsWith("[##########          ] ");
    }

    @Test
    void progress_onATerminal_redrawsInPlaceAndClearsWhenDone() {
        ProgressBar bar = new ProgressBar(stream, true, true);
        bar.progress(new Progress(Progress.Phase.APPLYING, 1, 2));
        bar.progress(new Progress(Progress.Phase.APPLYING, 2, 2));
        String drawn = err.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("[##########          ]", "\r").doesNotContain("\n");
    }

    @Test
    void progress_whenNotATerminal_drawsNothing() {
        ProgressBar bar = new ProgressBar(stream, false, true);
        bar.progress(new Progress(Progress.Phase.APPLYING, 1, 2));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
