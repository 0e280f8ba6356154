package dev.lakesetup.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OffboardingExampleTest {

    @AfterAll
    static void clearDriverTestMode() {
        System.clearProperty("isFakeServiceTest");
    }

    @Test
    void run_offline_onboardsThenRemovesExactlyWhatTheSetupGave() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = OffboardingExample.run(out);
        }
        String story = bytes.toString(StandardCharsets.UTF_8);

        assertThat(status).as(story).isZero();
        String plan = story.substring(story.indexOf("== 3."), story.indexOf("== 4."));
        assertThat(plan).contains("- grants on catalog marketing  (revoke)", "- oauth secret",
                "- service principal named:acme-data-graph  (delete)", "- warehouse permission");
        assertThat(plan).doesNotContain("analysts");
        assertThat(story.substring(story.indexOf("== 5."))).contains("Offboarded.");
    }
}
