package dev.lakesetup.core.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.Progress;
import dev.lakesetup.core.testing.DebugLogCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener that throws is logged on one escaped line and does not keep the others from their events. */
class SafeListenerTest {

    @Test
    void progress_whenAListenerThrowsWithALineBreak_logsItEscapedAndCallsTheNext() {
        ApplyListener failing = new ApplyListener() {
            @Override
            public void progress(Progress progress) {
                throw new IllegalStateException("boom\nINFO forged log line\u001b[31m");
            }
        };
        List<Progress> seen = new ArrayList<>();
        ApplyListener recording = new ApplyListener() {
            @Override
            public void progress(Progress progress) {
                seen.add(progress);
            }
        };
        Progress progress = new Progress(Progress.Phase.APPLYING, 1, 2);

        try (DebugLogCapture logs = DebugLogCapture.atDebug(List.of())) {
            new SafeListener(List.of(failing, recording)).progress(progress);

            List<String> lines = logs.events().stream().filter(e -> e.getLoggerName().equals(
                    SafeListener.class.getName())).map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                    .contains("failed on progress", "boom").doesNotContain("\n", "\u001b"));
        }
        assertThat(seen).containsExactly(progress);
    }
}
