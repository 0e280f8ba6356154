package dev.lakesetup.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The examples of the Databricks destination, Profiles Sync and Reverse ETL source recipes, run offline. */
class SiblingRecipeExamplesTest {

    @AfterAll
    static void clearDriverTestMode() {
        System.clearProperty("isFakeServiceTest");
    }

    private interface Example {
        int run(String[] args, Map<String, String> env, PrintStream out);
    }

    private static String story(Example example, int[] status, Map<String, String> env, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status[0] = example.run(args, env, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void destination_whenNoWorkspaceIsConfigured_tellsTheWholeStoryOfflineWithTheIpCheck() {
        int[] status = new int[1];

        String story = story(DatabricksDestinationExample::run, status, Map.of());

        assertThat(status[0]).as(story).isZero();
        assertThat(story).contains("+ catalog segment_events", "ALL PRIVILEGES", "permission level = CAN_USE",
                "PASSED  SHOW SCHEMAS IN segment_events",
                "PASSED  IP access lists admit the vendor's 2 published ranges", "catalog       segment_events",
                "OAuth secret  ****", "No changes: the live state matches the blueprint.", "Setup succeeded.");
    }

    @Test
    void profilesSync_whenNoWorkspaceIsConfigured_tellsTheWholeStoryOffline() {
        int[] status = new int[1];

        String story = story(ProfilesSyncExample::run, status, Map.of());

        assertThat(status[0]).as(story).isZero();
        assertThat(story).contains("+ catalog segment_profiles",
                "USE CATALOG, USE SCHEMA, SELECT, MODIFY, CREATE SCHEMA, CREATE TABLE", "databricks-sql-access",
                "PASSED  SHOW SCHEMAS IN segment_profiles", "Setup succeeded.");
    }

    @Test
    void reverseEtl_whenNoWorkspaceIsConfigured_tellsTheWholeStoryOffline() {
        int[] status = new int[1];

        String story = story(ReverseEtlSourceExample::run, status, Map.of());

        assertThat(status[0]).as(story).isZero();
        assertThat(story).contains("+ grants on schema sales.orders", "PASSED  SELECT * FROM sales.orders.items LIMIT 10",
                "catalog       sales", "Setup succeeded.");
    }

    @Test
    void run_whenRealWorkspaceLacksWarehouse_explainsAndSendsNothing() {
        int[] status = new int[1];
        Map<String, String> env = Map.of("DATABRICKS_HOST", "https://adb-1.2.azuredatabricks.net",
                "DATABRICKS_TOKEN", "dapi-not-used");

        String story = story(ProfilesSyncExample::run, status, env);

        assertThat(status[0]).isEqualTo(2);
        assertThat(story).contains("DATABRICKS_WAREHOUSE_ID is not set").doesNotContain("dapi-not-used");
    }

    @Test
    void run_whenOptionIsUnknown_printsUsage() {
        int[] status = new int[1];

        String story = story(ReverseEtlSourceExample::run, status, Map.of(), "--frobnicate");

        assertThat(status[0]).isEqualTo(2);
        assertThat(story).contains("usage:");
    }
}
