package dev.lakesetup.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DataGraphExampleTest {

    @AfterAll
    static void clearDriverTestMode() {
        System.clearProperty("isFakeServiceTest");
    }

    private static String story(int[] status, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status[0] = DataGraphExample.run(args, Map.of(), out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_whenNoWorkspaceIsConfigured_tellsTheWholeStoryOffline() {
        int[] status = new int[1];

        String story = story(status);

        assertThat(status[0]).as(story).isZero();
        String plan = story.substring(story.indexOf("== 1. Plan"), story.indexOf("== 2. Apply"));
        assertThat(plan).contains("+ service principal named:segment-data-graph",
                "+ catalog segment_linked_profiles_db",
                "service principal 'segment-data-graph': USE CATALOG, SELECT, CREATE SCHEMA",
                "+ grants on schema sales.orders", "permission level = CAN_USE",
                "Plan: 4 to create, 0 to update, 6 to grant");
        String apply = story.substring(story.indexOf("== 2. Apply"), story.indexOf("== 3. Validate"));
        assertThat(apply.lines().filter(line -> line.startsWith("  APPLIED "))).hasSize(10);
        assertThat(apply).contains("Apply succeeded: 10 applied", "  [                    ] applying 0 of 10",
                "  [####################] applying 10 of 10");
        assertThat(story).contains("  [####################] validating 7 of 7");
        assertThat(story).contains("over JDBC: PASSED (7 of 7 checks passed)",
                "PASSED  SELECT * FROM sales.orders.items LIMIT 10");
        String details = story.substring(story.indexOf("== 4. Connection"), story.indexOf("== 5. Plan again"));
        assertThat(details).contains("hostname      127.0.0.1", "HTTP path     /sql/1.0/warehouses/"
                + DataGraphExample.OFFLINE_WAREHOUSE, "catalog       SEGMENT_LINKED_PROFILES_DB",
                "OAuth secret  ****");
        assertThat(story.substring(story.indexOf("== 5. Plan again")))
                .contains("No changes: the live state matches the blueprint.", "Setup succeeded.");
    }

    @Test
    void run_whenRealWorkspaceLacksWarehouse_explainsAndSendsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("DATABRICKS_HOST", "https://adb-1.2.azuredatabricks.net",
                "DATABRICKS_TOKEN", "dapi-not-used");

        int status = DataGraphExample.run(new String[0], env, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("DATABRICKS_WAREHOUSE_ID is not set")
                .doesNotContain("dapi-not-used");
    }

    @Test
    void run_whenTheHostIsPlainHttp_refusesItBeforeSendingTheToken() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("DATABRICKS_HOST", "http://adb-1.2.azuredatabricks.net",
                "DATABRICKS_TOKEN", "dapi-not-sent", "DATABRICKS_WAREHOUSE_ID", "abc123");

        int status = DataGraphExample.run(new String[0], env, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Setup stopped:", "unencrypted")
                .doesNotContain("dapi-not-sent");
    }

    @Test
    void run_whenTheGivenEnvironmentHasAClientIdWithoutSecret_refusesBeforeSendingAnything() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // a loopback https port nobody listens on: nothing could leave the machine even if something were sent
        Map<String, String> env = Map.of("DATABRICKS_HOST", "https://127.0.0.1:1",
                "DATABRICKS_CLIENT_ID", "6f2a1c3e-0b4d-4e5f-8a9b-7c6d5e4f3a2b", "DATABRICKS_WAREHOUSE_ID", "abc123");

        int status = DataGraphExample.run(new String[0], env, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Setup stopped:", "OAuth client secret",
                "it is required");
    }

    @Test
    void run_whenOptionIsUnknown_printsUsage() {
        int[] status = new int[1];

        String story = story(status, "--frobnicate");

        assertThat(status[0]).isEqualTo(2);
        assertThat(story).contains("unknown option: --frobnicate", "usage: DataGraphExample");
    }
}
