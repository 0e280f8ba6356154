package dev.lakesetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The packaged command end to end, as a process: output and exit status of each command on a sandbox. */
class CommandLineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETUP = """
            apiVersion: lakesetup/v1
            workspaces:
              - name: demo
                warehouse: abc123def4567890
                setup:
                  blueprint:
                    servicePrincipals:
                      - name: reporting-app
                        entitlements: [databricks-sql-access]
                    catalogs:
                      - name: sales
                        comment: Sales data
                    schemas:
                      - name: sales.orders
                    warehousePermissions:
                      - principal: {servicePrincipal: reporting-app}
                    oauthSecrets:
                      - principal: {servicePrincipal: reporting-app}
                        sink: {file: reporting-app.json}
                    grants:
                      - on: {catalog: sales}
                        to: {servicePrincipal: reporting-app}
                        privileges: [USE CATALOG]
                      - on: {schema: sales.orders}
                        to: {servicePrincipal: reporting-app}
                        privileges: [USE SCHEMA, SELECT]
            """;

    @TempDir
    Path directory;

    private CommandProcess lakesetup;

    @BeforeEach
    void writeSetup() throws IOException {
        Files.writeString(directory.resolve("setup.yaml"), SETUP);
        lakesetup = new CommandProcess(directory);
    }

    @Test
    void help_whenAskedOfEveryCommand_describesItAndExitsClean() {
        CommandProcess.Result root = lakesetup.run("--help");
        assertThat(root.exit()).as(root.toString()).isZero();
        assertThat(root.out()).contains("plan", "apply", "validate", "verify", "Exit codes", "--sandbox")
                .doesNotContain("teardown");
        for (String command : new String[] {"plan", "apply", "validate", "verify"}) {
            CommandProcess.Result help = lakesetup.run(command, "--help");
            assertThat(help.exit()).as(help.toString()).isZero();
            assertThat(help.out()).contains("Usage: lakesetup " + command, "--file", "--json");
        }
    }

    @Test
    void plan_onSandbox_printsTheChangesAndExitsWithChangesPending() {
        CommandProcess.Result plan = lakesetup.run("plan", "-f", "setup.yaml", "--sandbox");
        assertThat(plan.exit()).as(plan.toString()).isEqualTo(2);
        assertThat(plan.out()).contains("+ catalog sales", "Plan: ");
        assertThat(plan.err()).contains("sandbox", "lakesetup apply -f setup.yaml --sandbox");
    }

    @Test
    void apply_onSandbox_appliesHandsTheSecretToItsFileOnlyAndPlansAgainEmpty() throws IOException {
        CommandProcess.Result apply = lakesetup.run("apply", "-f", "setup.yaml", "--sandbox");
        assertThat(apply.exit()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("== Apply", "== Plan again", "No changes");
        assertThat(apply.err()).contains("APPLIED");
        Path sink = directory.resolve("reporting-app.json");
        assertThat(sink).exists();
        String secret = JSON.readTree(sink.toFile()).findValue("client_secret").asText();
        assertThat(secret).isNotBlank();
        assertThat(apply.out() + apply.err()).doesNotContain(secret);
    }

    @Test
    void apply_ofASavedPlan_appliesExactlyItAndExitsClean() {
        CommandProcess.Result plan = lakesetup.run("plan", "-f", "setup.yaml", "--sandbox", "--out", "plan.json");
        assertThat(plan.exit()).as(plan.toString()).isEqualTo(2);
        assertThat(directory.resolve("plan.json")).exists();
        CommandProcess.Result apply = lakesetup.run("apply", "plan.json", "-f", "setup.yaml", "--sandbox");
        assertThat(apply.exit()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("No changes");
    }

    @Test
    void plan_whenNothingToChange_exitsClean() throws IOException {
        Files.writeString(directory.resolve("empty.yaml"), """
                apiVersion: lakesetup/v1
                workspaces:
                  - name: empty
                    setup:
                      blueprint: {}
                """);
        CommandProcess.Result plan = lakesetup.run("plan", "-f", "empty.yaml", "--sandbox");
        assertThat(plan.exit()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes");
    }

    @Test
    void plan_whenTheFileIsBad_exitsWithAnErrorNamingLineAndColumnWithoutAStackTrace() throws IOException {
        Files.writeString(directory.resolve("bad.yaml"), """
                apiVersion: lakesetup/v1
                workspaces:
                  - name: demo
                    setup:
                      blueprint:
                        catalogz:
                          - name: sales
                """);
        CommandProcess.Result plan = lakesetup.run("plan", "-f", "bad.yaml", "--sandbox");
        assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.err()).contains("bad.yaml:6:").contains("catalogz").doesNotContain("\tat ");
        CommandProcess.Result validate = lakesetup.run("validate", "-f", "bad.yaml");
        assertThat(validate.exit()).as(validate.toString()).isEqualTo(1);
        assertThat(validate.err()).contains("bad.yaml:6:");
    }

    @Test
    void json_ofEveryCommand_parsesWithItsDocumentedSchema() throws IOException {
        CommandProcess.Result plan = lakesetup.run("plan", "-f", "setup.yaml", "--sandbox", "--json");
        assertThat(plan.exit()).as(plan.toString()).isEqualTo(2);
        assertThat(JSON.readTree(plan.out()).path("format_version").asText()).isEqualTo("2");
        CommandProcess.Result apply = lakesetup.run("apply", "-f", "setup.yaml", "--sandbox", "--json");
        assertThat(apply.exit()).as(apply.toString()).isZero();
        JsonNode report = JSON.readTree(apply.out());
        assertThat(report.path("schema").asText()).isEqualTo("lakesetup.apply-report/v1");
        assertThat(report.path("success").asBoolean()).isTrue();
        CommandProcess.Result validate = lakesetup.run("validate", "-f", "setup.yaml", "--json");
        assertThat(validate.exit()).as(validate.toString()).isZero();
        assertThat(JSON.readTree(validate.out()).path("valid").asBoolean()).isTrue();
    }

    @Test
    void options_whenUnknownOrConflicting_exitWithAnError() {
        CommandProcess.Result unknown = lakesetup.run("plan", "-f", "setup.yaml", "--sandboks");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err()).contains("--sandboks");
        CommandProcess.Result both = lakesetup.run("plan", "-f", "setup.yaml", "--sandbox", "--profile", "dev");
        assertThat(both.exit()).as(both.toString()).isEqualTo(1);
        assertThat(both.err()).contains("--profile").doesNotContain("\tat ");
    }

    @Test
    void plan_whenTheFileIsMissing_saysSo() {
        CommandProcess.Result plan = lakesetup.run("plan", "-f", "nowhere.yaml", "--sandbox");
        assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.err()).contains("nowhere.yaml").doesNotContain("\tat ");
    }

    @Test
    void launcher_runsTheBuiltJar() {
        CommandProcess.Result version = lakesetup.launch("--version");
        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("lakesetup ");
    }

    @Test
    void apply_ofTheDataGraphExampleOnSandbox_validatesAsThePrincipalAndMasksTheSecret() throws IOException {
        Path example = Path.of(System.getProperty("lakesetup.examples.setups"), "data-graph.yaml");
        CommandProcess.Result apply = lakesetup.run("apply", "-f", example.toString(), "--sandbox");
        assertThat(apply.exit()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("== Validation", "PASSED", "== Connection details to hand over",
                "OAuth secret  ****", "No changes");
        Path sink = directory.resolve("secrets/segment-data-graph.json");
        String secret = JSON.readTree(sink.toFile()).findValue("client_secret").asText();
        assertThat(apply.out() + apply.err()).doesNotContain(secret);
    }

    @ParameterizedTest
    @CsvSource({"blueprint.yaml,analytics", "data-graph.yaml,production", "databricks-destination.yaml,production",
        "profiles-sync.yaml,production", "reverse-etl-source.yaml,production", "vendor-profile.yaml,customer-two",
        "azure-delta-lake-destination.yaml,lakehouse"})
    void apply_ofEveryExampleSetupOnSandbox_succeedsAndPlansAgainEmpty(String example, String workspace) {
        Path file = Path.of(System.getProperty("lakesetup.examples.setups"), example);
        Map<String, String> env = Map.of("CUSTOMER_ONE_HOST", "https://one.example.com",
                "CUSTOMER_TWO_HOST", "https://two.example.com", "LAKESETUP_STORAGE_ACCOUNT", "lakeacct",
                "LAKESETUP_RESOURCE_GROUP", "rg-data", "LAKESETUP_ACCESS_CONNECTOR_ID", "/subscriptions/"
                        + "00000000-0000-0000-0000-000000000001/resourceGroups/rg-data/providers/"
                        + "Microsoft.Databricks/accessConnectors/lake");
        CommandProcess.Result apply = lakesetup.run(env, "apply", "-f", file.toString(), "--sandbox",
                "--workspace", workspace);
        assertThat(apply.exit()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("Apply succeeded", "No changes: the live state matches the blueprint.");
    }

    @Test
    void plan_whenTheWorkspaceIsUnreachable_exitsWithOneMessageAndNoStackTrace() {
        CommandProcess.Result plan = lakesetup.run(Map.of("DATABRICKS_HOST", "https://127.0.0.1:1",
                "DATABRICKS_TOKEN", "not-a-token"), "plan", "-f", "setup.yaml");
        assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.err()).contains("Error: ").doesNotContain("\tat ", "Exception:", "not-a-token");
        assertThat(plan.out()).isEmpty();
    }

    @Test
    void verify_onSandbox_reportsWhatIsMissingAndExitsWithDrift() {
        CommandProcess.Result verify = lakesetup.run("verify", "-f", "setup.yaml", "--sandbox");
        assertThat(verify.exit()).as(verify.toString()).isEqualTo(2);
        assertThat(verify.out()).startsWith("Drift: ").contains("missing    catalog sales",
                "missing    grants on catalog sales to reporting-app: USE CATALOG");
        assertThat(verify.err()).contains("Verifying demo", "sandbox", "lakesetup plan -f setup.yaml --sandbox");
        assertThat(directory.resolve("reporting-app.json")).doesNotExist();
    }

    @Test
    void verify_whenTheWorkspaceIsAsDeclared_exitsClean_andJsonHasItsSchema() throws IOException {
        Files.writeString(directory.resolve("users.yaml"), """
                apiVersion: lakesetup/v1
                workspaces:
                  - name: users
                    setup:
                      blueprint:
                        grants:
                          - on: {catalog: main}
                            to: {user: ana@example.com}
                            privileges: [USE CATALOG]
                """);
        CommandProcess.Result missing = lakesetup.run("verify", "-f", "users.yaml", "--sandbox", "--json");
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(2);
        JsonNode report = JSON.readTree(missing.out());
        assertThat(report.path("schema").asText()).isEqualTo("lakesetup.drift-report/v1");
        assertThat(report.path("clean").asBoolean()).isFalse();
        assertThat(report.path("items").get(0).path("status").asText()).isEqualTo("MISSING");

        Files.writeString(directory.resolve("empty.yaml"), """
                apiVersion: lakesetup/v1
                workspaces:
                  - name: empty
                    setup:
                      blueprint: {}
                """);
        CommandProcess.Result clean = lakesetup.run("verify", "-f", "empty.yaml", "--sandbox");
        assertThat(clean.exit()).as(clean.toString()).isZero();
        assertThat(clean.out()).startsWith("Clean: nothing checked");
    }

    @Test
    void verify_whenTheWindowIsNegative_exitsWithAnErrorNamingTheOption() {
        CommandProcess.Result verify = lakesetup.run("verify", "-f", "setup.yaml", "--sandbox",
                "--expiring-within", "-1");
        assertThat(verify.exit()).as(verify.toString()).isEqualTo(1);
        assertThat(verify.err()).contains("--expiring-within").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @CsvSource({"blueprint.yaml,analytics", "data-graph.yaml,production", "databricks-destination.yaml,production",
        "profiles-sync.yaml,production", "reverse-etl-source.yaml,production", "vendor-profile.yaml,customer-two",
        "azure-delta-lake-destination.yaml,lakehouse"})
    void verify_ofEveryExampleSetupOnSandbox_reportsWhatTheEmptySandboxLacks(String example, String workspace) {
        Path file = Path.of(System.getProperty("lakesetup.examples.setups"), example);
        Map<String, String> env = Map.of("CUSTOMER_ONE_HOST", "https://one.example.com",
                "CUSTOMER_TWO_HOST", "https://two.example.com", "LAKESETUP_STORAGE_ACCOUNT", "lakeacct",
                "LAKESETUP_RESOURCE_GROUP", "rg-data", "LAKESETUP_ACCESS_CONNECTOR_ID", "/subscriptions/"
                        + "00000000-0000-0000-0000-000000000001/resourceGroups/rg-data/providers/"
                        + "Microsoft.Databricks/accessConnectors/lake");
        CommandProcess.Result verify = lakesetup.run(env, "verify", "-f", file.toString(), "--sandbox",
                "--workspace", workspace);
        assertThat(verify.exit()).as(verify.toString()).isEqualTo(2);
        assertThat(verify.out()).startsWith("Drift: ").contains("missing    ");
        assertThat(verify.err()).doesNotContain("Exception", "\tat ");
    }
}
