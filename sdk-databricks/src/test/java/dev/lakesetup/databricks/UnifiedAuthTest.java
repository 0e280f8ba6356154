package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.testkit.FakeWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fromEnvironment()}, {@code profile(name)} and {@code fromConfig(config)} resolve host and credentials as the
 * Databricks SDK's unified authentication does. The environment-dependent cases run {@link UnifiedAuthProbe} in a
 * child JVM with an environment the test sets exactly (this JVM's environment is never read nor changed); the
 * configuration file is a temporary one.
 */
class UnifiedAuthTest {
    private static FakeWorkspace fake;
    private static FakeWorkspace.SeededPrincipal admin;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        fake = FakeWorkspace.builder().warehouse("wh1", "Starter").build().start();
        fake.seedCatalog("sales");
        admin = fake.seedAdminServicePrincipal("lakesetup-admin");
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void fromEnvironment_withHostAndTokenVariables_usesThatTokenForRestAndJdbc() throws Exception {
        String out = probe(Map.of("DATABRICKS_HOST", fake.host(), "DATABRICKS_TOKEN", fake.adminToken()), "env");

        assertThat(out).contains("host=" + fake.host()).contains("catalog=sales")
                .contains("AuthMech=3").contains("PWD=****").doesNotContain(fake.adminToken());
    }

    @Test
    void fromEnvironment_withProfileAndConfigFileVariables_usesTheNamedProfile() throws Exception {
        Path file = home.resolve("team.cfg");
        Files.writeString(file, "[DEFAULT]\nhost = " + fake.host() + "\ntoken = dapi-not-valid-here\n\n[admin-sp]\n"
                + "host = " + fake.host() + "\nclient_id = " + admin.applicationId() + "\nclient_secret = "
                + admin.secret() + "\n", StandardCharsets.UTF_8);

        String out = probe(Map.of("DATABRICKS_CONFIG_FILE", file.toString(),
                "DATABRICKS_CONFIG_PROFILE", "admin-sp"), "env");

        assertThat(out).contains("host=" + fake.host()).contains("catalog=sales").contains("AuthMech=11")
                .contains("OAuth2ClientId=" + admin.applicationId()).contains("OAuth2Secret=****")
                .doesNotContain(admin.secret());
    }

    @Test
    void fromEnvironment_withTwoMethodsAndAuthTypeVariable_usesTheChosenOne() throws Exception {
        String out = probe(Map.of("DATABRICKS_HOST", fake.host(), "DATABRICKS_TOKEN", "dapi-not-valid-here",
                "DATABRICKS_CLIENT_ID", admin.applicationId(), "DATABRICKS_CLIENT_SECRET", admin.secret(),
                "DATABRICKS_AUTH_TYPE", "oauth-m2m"), "env");

        assertThat(out).contains("catalog=sales").contains("auth type oauth-m2m").contains("AuthMech=11")
                .doesNotContain(admin.secret()).doesNotContain("dapi-not-valid-here");
    }

    @Test
    void fromEnvironment_withNoHostAnywhere_saysWhereOneCanComeFrom() throws Exception {
        String out = run(Map.of("DATABRICKS_TOKEN", "dapi-secret-without-host"), "env");

        assertThat(out).contains("workspace host").contains("DATABRICKS_HOST")
                .doesNotContain("dapi-secret-without-host");
    }

    @Test
    void profile_inHomeDatabrickscfg_resolvesHostAndToken() throws Exception {
        Files.writeString(home.resolve(".databrickscfg"), "[ops]\nhost = " + fake.host() + "\ntoken = "
                + fake.adminToken() + "\n", StandardCharsets.UTF_8);

        String out = probe(Map.of(), "profile:ops");

        assertThat(out).contains("host=" + fake.host()).contains("unified(profile ops").contains("catalog=sales")
                .contains("AuthMech=3").doesNotContain(fake.adminToken());
    }

    @Test
    void fromConfig_withConfigFileAndProfile_resolvesAtBuildAndCopiesTheConfig() throws IOException {
        Path file = home.resolve("other.cfg");
        Files.writeString(file, "[ws]\nhost = " + fake.host() + "\ntoken = " + fake.adminToken() + "\n",
                StandardCharsets.UTF_8);
        DatabricksConfig config = new DatabricksConfig().setConfigFile(file.toString()).setProfile("ws")
                .setAuthType("pat");

        DatabricksWorkspace workspace = DatabricksWorkspace.fromConfig(config).plainHttpForTesting().warehouseId("wh1").build();
        config.setProfile("changed-later");

        assertThat(workspace.host()).isEqualTo(fake.host());
        assertThat(workspace.adminClient().catalogs().get("sales").getName()).isEqualTo("sales");
        assertThat(workspace.jdbc().plainHttpForTesting().build().property("PWD")).isEqualTo("****");
        assertThat(workspace.toString()).contains("auth type pat").doesNotContain(fake.adminToken());
    }

    @Test
    void fromConfig_withAMissingProfile_failsAtBuildNamingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cfg");
        Files.writeString(file, "[ws]\nhost = " + fake.host() + "\ntoken = " + fake.adminToken() + "\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DatabricksWorkspace.fromConfig(new DatabricksConfig().setConfigFile(file.toString())
                .setProfile("nope")).build()).hasMessageContaining("nope").hasMessageNotContaining(fake.adminToken());
    }

    @Test
    void fromConfig_withAuthTheDriverCannotTake_saysSoForJdbc() {
        DatabricksWorkspace workspace = DatabricksWorkspace.fromConfig(new DatabricksConfig().setHost(fake.host())
                .setAuthType("azure-cli")).plainHttpForTesting().warehouseId("wh1").build();

        assertThatThrownBy(workspace::jdbc).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("personal access token or OAuth M2M").hasMessageContaining("azure-cli");
        try (SqlExecutor sql = workspace.sqlExecutor()) {
            assertThat(sql).as("the statement execution API serves any authentication").isNotNull();
        }
    }

    @Test
    void profile_withBlankName_isRejected() {
        assertThatThrownBy(() -> DatabricksWorkspace.profile(" ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("profile");
    }

    /** Runs the probe in a child JVM with exactly this environment (plus HOME and PATH), expecting success. */
    private String probe(Map<String, String> env, String mode) throws IOException, InterruptedException {
        String[] exit = new String[1];
        String text = run(env, mode, exit);
        assertThat(exit[0]).as(text).isEqualTo("0");
        return text;
    }

    /** Runs the probe expecting it to fail, and returns its output. */
    private String run(Map<String, String> env, String mode) throws IOException, InterruptedException {
        String[] exit = new String[1];
        String text = run(env, mode, exit);
        assertThat(exit[0]).as(text).isNotEqualTo("0");
        return text;
    }

    private String run(Map<String, String> env, String mode, String[] exit) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                UnifiedAuthProbe.class.getName(), mode, "sales").redirectErrorStream(true);
        Map<String, String> childEnv = process.environment();
        childEnv.clear();
        Map<String, String> all = new HashMap<>(env);
        all.put("HOME", home.toString());
        all.put("PATH", home.toString());
        childEnv.putAll(all);
        Process child = process.start();
        byte[] output = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        exit[0] = Integer.toString(child.exitValue());
        return new String(output, StandardCharsets.UTF_8);
    }
}
