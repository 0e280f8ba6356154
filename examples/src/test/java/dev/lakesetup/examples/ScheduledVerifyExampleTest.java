package dev.lakesetup.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The scheduled-verify example, run offline: a clean verify, the drift an admin caused, a read-only identity. */
class ScheduledVerifyExampleTest {

    @AfterAll
    static void clearDriverTestMode() {
        System.clearProperty("isFakeServiceTest");
    }

    private static String run(int[] status, Map<String, String> env, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status[0] = ScheduledVerifyExample.run(args, env, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_whenNoWorkspaceIsConfigured_tellsTheStoryAndExitsWithDrift() {
        int[] status = new int[1];

        String story = run(status, Map.of());

        assertThat(status[0]).as(story).isEqualTo(2);
        assertThat(story).contains("== 2. Tonight's verify\nClean: ", "ok         catalog segment_events",
                ": SHOW SCHEMAS IN segment_events", "== 3. Tomorrow's verify\nDrift: ",
                "missing    grants on catalog segment_events to ", "ALL PRIVILEGES (declared but not held)",
                "== 4. The same verify as a read-only identity\nClean: ",
                "skipped    service principal named:segment storage destinations (not readable by this identity",
                "needs a workspace admin");
        assertThat(story.substring(story.indexOf("== 3."), story.indexOf("== 4."))).contains("failed     as ");
    }

    @Test
    void run_whenRealWorkspaceLacksWarehouse_explainsAndSendsNothing() {
        int[] status = new int[1];
        Map<String, String> env = Map.of("DATABRICKS_HOST", "https://adb-1.2.azuredatabricks.net",
                "DATABRICKS_TOKEN", "dapi-not-used");

        String story = run(status, env);

        assertThat(status[0]).isEqualTo(1);
        assertThat(story).contains("DATABRICKS_WAREHOUSE_ID is not set").doesNotContain("dapi-not-used");
    }
}
