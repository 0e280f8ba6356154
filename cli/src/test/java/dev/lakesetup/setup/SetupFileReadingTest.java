package dev.lakesetup.setup;

import static dev.lakesetup.setup.Setups.assertSameBlueprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment references, secrets by reference, several workspaces, JSON, and the file secret sink. */
class SetupFileReadingTest {

    @Test
    void read_withEnvironmentReferences_replacesThemAndKeepsEscapedOnes() {
        List<WorkspaceSetup> setups = Setups.yaml("""
                apiVersion: lakesetup/v1
                workspaces:
                  - name: prod
                    host: https://${HOST}
                    warehouse: ${WAREHOUSE}
                    setup:
                      blueprint:
                        catalogs:
                          - name: ${CATALOG}_raw
                            comment: "costs $${PRICE} per ${UNIT}"
                """, Map.of("HOST", "adb-1.2.azuredatabricks.net", "WAREHOUSE", "abc123", "CATALOG", "sales",
                "UNIT", "month"));
        WorkspaceSetup setup = setups.get(0);
        assertThat(setup.host()).contains("https://adb-1.2.azuredatabricks.net");
        assertThat(setup.warehouse()).contains("abc123");
        assertSameBlueprint(setup.blueprint(), Blueprint.builder()
                .resource(Catalog.named("sales_raw").comment("costs ${PRICE} per month")).build());
    }

    @Test
    void read_withSecretReference_takesTheSecretFromTheEnvironment() {
        WorkspaceSetup setup = Setups.yaml(Setups.workspace("""
                blueprint:
                  storageCredentials:
                    - name: cred
                      readOnly: true
                      azureServicePrincipal:
                        directoryId: 11111111-2222-3333-4444-555555555555
                        applicationId: 99999999-8888-7777-6666-555555555555
                        clientSecret: {fromEnv: CRED_SECRET}
                """), Map.of("CRED_SECRET", "hunter2")).get(0);
        StorageCredential fluent = StorageCredential.named("cred", new StorageIdentity.AzureServicePrincipal(
                "11111111-2222-3333-4444-555555555555", ApplicationId.of("99999999-8888-7777-6666-555555555555"),
                Secret.of("hunter2"))).readOnly(true);
        assertSameBlueprint(setup.blueprint(), Blueprint.builder().resource(fluent).build());
        assertThat(setup.blueprint().toString() + setup).doesNotContain("hunter2");
    }

    @Test
    void read_withSeveralWorkspaces_givesEachItsOwnSetupInFileOrder() {
        List<WorkspaceSetup> setups = Setups.yaml("""
                apiVersion: lakesetup/v1
                workspaces:
                  - name: dev
                    setup: {blueprint: {catalogs: [{name: dev_sales}]}}
                  - name: prod
                    host: https://prod.cloud.databricks.com
                    setup: {blueprint: {catalogs: [{name: sales}]}}
                """, Map.of());
        assertThat(setups).extracting(WorkspaceSetup::name).containsExactly("dev", "prod");
        assertThat(setups.get(0).host()).isEmpty();
        assertSameBlueprint(setups.get(1).blueprint(), Blueprint.builder().resource(Catalog.named("sales")).build());
        assertThat(setups.get(1).recipe(Blueprint.class)).isPresent();
        assertThat(setups.get(1).recipe(dev.lakesetup.databricks.DataGraphSetup.class)).isEmpty();
    }

    @Test
    void read_whenJson_givesTheSameBlueprintAsYaml() {
        String json = """
                {"apiVersion": "lakesetup/v1", "workspaces": [{"name": "a", "warehouse": "abc123", "setup":
                  {"blueprint": {"warehousePermissions": [{"principal": {"user": "ana@example.com"}}],
                   "grants": [{"on": {"metastore": true}, "to": {"user": "ana@example.com"},
                               "privileges": ["CREATE CATALOG"]}]}}}]}
                """;
        Blueprint fromJson = SetupFile.read("setup.json", json, Map.of()).get(0).blueprint();
        assertSameBlueprint(fromJson, Blueprint.builder()
                .resource(WarehousePermission.canUse("abc123", Principal.user("ana@example.com")))
                .grant(Grant.on(Securable.metastore()).to(Principal.user("ana@example.com"))
                        .privileges(Privilege.CREATE_CATALOG))
                .build());
    }

    @Test
    void read_whenFileOnDisk_readsYamlAndJsonByName(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("one.yml"), Setups.workspace("blueprint: {catalogs: [{name: a}]}"));
        assertThat(SetupFile.read(yaml, Map.of())).hasSize(1);
        SetupFileException e = catchThrowableOfType(SetupFileException.class,
                () -> SetupFile.read(Files.writeString(dir.resolve("bad.json"), "{\"apiVersion\": 1}"), Map.of()));
        assertThat(e.problems().get(0).file()).endsWith("bad.json");
    }

    @Test
    void read_servicePrincipalOfApplication_withEntitlementsAndAccount() {
        WorkspaceSetup setup = Setups.one(Setups.workspace("""
                blueprint:
                  servicePrincipals:
                    - name: vendor
                      applicationId: 99999999-8888-7777-6666-555555555555
                      entitlements: [workspace-access, databricks-sql-access]
                      throughAccount: true
                """));
        assertSameBlueprint(setup.blueprint(), Blueprint.builder().resource(WorkspaceServicePrincipal
                .ofApplication(ApplicationId.of("99999999-8888-7777-6666-555555555555"), "vendor")
                .entitlements(dev.lakesetup.core.model.Entitlement.WORKSPACE_ACCESS,
                        dev.lakesetup.core.model.Entitlement.DATABRICKS_SQL_ACCESS)
                .throughAccount()).build());
    }

    @Test
    void fileSecretSink_whenGivenCredentials_writesThemOwnerOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secrets").resolve("sp.json");
        new FileSecretSink(file).accept(new OAuthCredentials(
                ApplicationId.of("99999999-8888-7777-6666-555555555555"), Secret.of("hunter2")));
        assertThat(Files.readString(file)).contains("\"client_id\":\"99999999-8888-7777-6666-555555555555\"",
                "\"client_secret\":\"hunter2\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new FileSecretSink(file).toString()).doesNotContain("hunter2");
    }

    @Test
    void schema_isPublishedWithTheVersionInItsId() {
        assertThat(SetupFile.schema().get("$id").asText()).isEqualTo(SetupFile.SCHEMA_ID).contains("v1");
        assertThat(SetupFile.schema().at("/properties/apiVersion/const").asText()).isEqualTo(SetupFile.API_VERSION);
    }
}
