package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataGraphSetupTest {
    private static final ServicePrincipal SP = ServicePrincipal.named("segment-data-graph");

    private static DataGraphSetup.Builder complete() {
        return DataGraphSetup.builder()
                .servicePrincipalNamed("segment-data-graph")
                .warehouse("abc123")
                .profilesSyncCatalog("segment_profiles")
                .readOnlyCatalogs("marketing")
                .readOnlySchemas("sales", "orders", "customers")
                .secretSink(credentials -> { });
    }

    private static Map<Securable, Set<Privilege>> grants(Blueprint blueprint) {
        return blueprint.grants().stream().collect(Collectors.toMap(Grant::securable, Grant::privileges));
    }

    @Test
    void blueprint_coversEveryStepOfTheGuide() {
        Blueprint blueprint = complete().build().blueprint(schema -> false);

        assertThat(blueprint.resources()).extracting(Resource::id).extracting(Object::toString).containsExactly(
                "service_principal:named:segment-data-graph",
                "oauth_secret:named:segment-data-graph",
                "warehouse_permission:abc123/segment-data-graph",
                "catalog:segment_linked_profiles_db");
        assertThat(blueprint.resources().get(0)).isInstanceOfSatisfying(WorkspaceServicePrincipal.class, sp ->
                assertThat(sp.entitlements()).contains(Entitlement.DATABRICKS_SQL_ACCESS));
        assertThat(blueprint.resources().get(2)).isEqualTo(WarehousePermission.canUse("abc123", SP));
        assertThat(grants(blueprint)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Securable.catalog("SEGMENT_LINKED_PROFILES_DB"),
                Set.of(Privilege.USE_CATALOG, Privilege.CREATE_SCHEMA, Privilege.SELECT),
                Securable.catalog("segment_profiles"), Set.of(Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT),
                Securable.catalog("marketing"), Set.of(Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT),
                Securable.catalog("sales"), Set.of(Privilege.USE_CATALOG),
                Securable.schema("sales", "orders"), Set.of(Privilege.USE_SCHEMA, Privilege.SELECT),
                Securable.schema("sales", "customers"), Set.of(Privilege.USE_SCHEMA, Privilege.SELECT)));
        assertThat(blueprint.grants()).allMatch(grant -> grant.principal().equals(SP));
    }

    @Test
    void blueprint_grantsReverseEtlSchemaOnlyWhenItExists() {
        DataGraphSetup setup = complete().build();

        assertThat(grants(setup.blueprint(schema -> false))).doesNotContainKey(setup.reverseEtlSchema());
        assertThat(grants(setup.blueprint(schema -> schema.equals(setup.reverseEtlSchema()))))
                .containsEntry(Securable.schema("segment_linked_profiles_db", "__segment_reverse_etl"),
                        Set.of(Privilege.ALL_PRIVILEGES));
        assertThat(grants(complete().reverseEtlGrant(false).build().blueprint(schema -> true)))
                .doesNotContainKey(setup.reverseEtlSchema());
    }

    @Test
    void blueprint_withExistingPrincipal_createsNoPrincipalAndNoSecret() {
        ApplicationId id = ApplicationId.of("0b5c0f4e-7d1a-4c3b-9e2f-5a6b7c8d9e0f");
        Blueprint blueprint = DataGraphSetup.builder().existingServicePrincipal(id).warehouse("wh1")
                .profilesSyncCatalog("p").build().blueprint(schema -> false);

        assertThat(blueprint.resources()).noneMatch(r -> r instanceof WorkspaceServicePrincipal)
                .noneMatch(r -> r instanceof OAuthSecret);
        assertThat(blueprint.grants()).allMatch(grant -> grant.principal().equals(ServicePrincipal.of(id)));
    }

    @Test
    void build_whenInputIncompleteOrContradictory_failsNamingIt() {
        assertThatThrownBy(() -> DataGraphSetup.builder().warehouse("w").profilesSyncCatalog("p").build())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("service principal ");
        assertThatThrownBy(() -> complete().existingServicePrincipal(
                ApplicationId.of("0b5c0f4e-7d1a-4c3b-9e2f-5a6b7c8d9e0f")).build())
                .hasMessageContaining("both a name and an application id");
        assertThatThrownBy(() -> DataGraphSetup.builder().servicePrincipalNamed("x").profilesSyncCatalog("p")
                .secretSink(c -> { }).build()).hasMessageStartingWith("warehouse ");
        assertThatThrownBy(() -> DataGraphSetup.builder().servicePrincipalNamed("x").warehouse("w")
                .secretSink(c -> { }).build()).hasMessageStartingWith("Profiles Sync catalog ");
        assertThatThrownBy(() -> DataGraphSetup.builder().servicePrincipalNamed("x").warehouse("w")
                .profilesSyncCatalog("p").build()).hasMessageStartingWith("secret sink ");
        assertThatThrownBy(() -> complete().readOnlyCatalogs("SALES").build())
                .hasMessageStartingWith("catalog 'sales'").hasMessageContaining("named twice");
        assertThatThrownBy(() -> complete().profilesSyncCatalog("segment_linked_profiles_db").build())
                .hasMessageContaining("named twice");
        assertThatThrownBy(() -> complete().warehouse("abc/123")).hasMessageStartingWith("warehouse id 'abc/123'");
        assertThatThrownBy(() -> complete().readOnlySchemas("sales")).hasMessageContaining("no schema was given");
    }

    @Test
    void build_whenSecretLifetimeOutOfRangeOrUnused_failsBeforeAnyRequest() {
        assertThatThrownBy(() -> complete().secretLifetime(java.time.Duration.ofDays(1000)).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("secret lifetime 'PT24000H'").hasMessageContaining("730 days");
        assertThatThrownBy(() -> complete().secretLifetime(java.time.Duration.ZERO).build())
                .hasMessageStartingWith("secret lifetime 'PT0S'");
        assertThatThrownBy(() -> complete().secretLifetime(java.time.Duration.ofMillis(500)).build())
                .hasMessageContaining("1 second up to 730 days");
        assertThatThrownBy(() -> DataGraphSetup.builder().existingServicePrincipal(
                ApplicationId.of("0b5c0f4e-7d1a-4c3b-9e2f-5a6b7c8d9e0f")).warehouse("w").profilesSyncCatalog("p")
                .secretLifetime(java.time.Duration.ofDays(30)).build())
                .hasMessageContaining("issues no secret for an existing service principal");
        assertThat(complete().secretLifetime(OAuthSecret.MAX_LIFETIME).build()).isNotNull();
    }

    @Test
    void readableCatalogs_listEveryCatalogOnce() {
        assertThat(complete().build().readableCatalogs()).containsExactly(
                CatalogName.of("SEGMENT_LINKED_PROFILES_DB"), CatalogName.of("segment_profiles"),
                CatalogName.of("marketing"), CatalogName.of("sales"));
    }

    @Test
    void connectionDetails_maskTheSecret() {
        ConnectionDetails details = new ConnectionDetails("adb-1.2.azuredatabricks.net", "/sql/1.0/warehouses/abc",
                443, CatalogName.of("x"), ApplicationId.of("0b5c0f4e-7d1a-4c3b-9e2f-5a6b7c8d9e0f"),
                Secret.of("dose-top-secret"));

        assertThat(details.toString()).doesNotContain("dose-top-secret").contains("secret=****");
        assertThat(details.oauthSecret().map(Secret::reveal)).contains("dose-top-secret");
        assertThat(List.of(details).toString()).doesNotContain("dose-top-secret");
    }

    @Test
    void build_whenValidationCredentialsNameAnotherPrincipal_isRejected() {
        DataGraphSetup.Builder builder = DataGraphSetup.builder()
                .existingServicePrincipal(ApplicationId.of("0b5c0f4e-7d1a-4c3b-9e2f-5a6b7c8d9e0f"))
                .warehouse("abc123").profilesSyncCatalog("segment_profiles")
                .validateWith(new OAuthCredentials(ApplicationId.of("1b5c0f4e-7d1a-4c3b-9e2f-5a6b7c8d9e0f"),
                        Secret.of("s3cr3t-value")));

        assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("validation credentials' client id").hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void connectionDetails_takeHostAndPortFromTheWorkspaceUrl() {
        DatabricksWorkspace workspace = DatabricksWorkspace.builder().host("https://adb-1.2.azuredatabricks.net")
                .pat("dapi-not-a-real-token").build();
        DatabricksWorkspace local = DatabricksWorkspace.builder().host("http://127.0.0.1:8080").plainHttpForTesting()
                .pat("dapi-not-a-real-token").build();

        ConnectionDetails details = ConnectionDetails.builder(workspace, CatalogName.of("c")).warehouse("abc123")
                .build();

        assertThat(details.hostname()).isEqualTo("adb-1.2.azuredatabricks.net");
        assertThat(details.port()).isEqualTo(443);
        assertThat(details.httpPath()).isEqualTo("/sql/1.0/warehouses/abc123");
        assertThat(details.oauthSecret()).isEmpty();
        assertThat(ConnectionDetails.builder(local, CatalogName.of("c")).build().port()).isEqualTo(8080);
        assertThat(details.toBuilder().secret(Secret.of("s")).build().oauthSecret()).isPresent();
        assertThatThrownBy(() -> ConnectionDetails.builder(workspace, CatalogName.of("c")).warehouse("a/b"))
                .isInstanceOf(InvalidInputException.class);
    }
}
