package dev.lakesetup.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.Progress;
import dev.lakesetup.core.apply.Progress.Phase;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bar_fillsInProportionAndSaysNOfN() {
        assertThat(ConsoleProgress.bar(new Progress(Phase.APPLYING, 5, 10)))
                .isEqualTo("[##########          ] applying 5 of 10");
        assertThat(ConsoleProgress.bar(new Progress(Phase.READING_BACK, 0, 3)))
                .isEqualTo("[                    ] reading back 0 of 3");
        assertThat(ConsoleProgress.bar(new Progress(Phase.VALIDATING, 0, 0)))
                .isEqualTo("[####################] validating 0 of 0");
    }

    @Test
    void progress_whenNotATerminal_printsALineEachTimeTheBarGrows() {
        ConsoleProgress progress = new ConsoleProgress(out, false);

        for (int done = 0; done <= 100; done++) {
            progress.progress(new Progress(Phase.READING, done, 100));
        }

        // 0 of 100, then a line per 5 % (one of the 20 characters), the last at 100 of 100
        assertThat(printed().lines()).hasSize(21).first().isEqualTo("  [                    ] reading 0 of 100");
        assertThat(printed().lines()).last().isEqualTo("  [####################] reading 100 of 100");
        assertThat(printed()).doesNotContain("\r");
    }

    @Test
    void progress_onATerminal_redrawsInPlaceAndEndsThePhaseWithANewLine() {
        ConsoleProgress progress = new ConsoleProgress(out, true);

        progress.progress(new Progress(Phase.APPLYING, 0, 2));
        progress.progress(new Progress(Phase.APPLYING, 1, 2));
        progress.progress(new Progress(Phase.APPLYING, 2, 2));

        assertThat(printed()).startsWith("[                    ] applying 0 of 2\r")
                .contains("\r[##########          ] applying 1 of 2")
                .endsWith("\r[####################] applying 2 of 2" + System.lineSeparator());
    }

    @Test
    void retrying_whenTheCauseCarriesServiceTextWithEscapes_printsItEscapedOnOneLine() {
        ConsoleProgress progress = new ConsoleProgress(out, false);
        Change change = new GrantChange(GrantChange.idOf(Action.GRANT, Securable.catalog("sales")), Action.GRANT,
                Securable.catalog("sales"), List.of(), Set.of());

        progress.retrying(change, 1, Duration.ofMillis(5), new IllegalStateException("busy\n\u001b[2Kforged line"));

        assertThat(printed().lines()).singleElement().asString().contains("busy\\u000a\\u001b[2Kforged line");
    }
}
