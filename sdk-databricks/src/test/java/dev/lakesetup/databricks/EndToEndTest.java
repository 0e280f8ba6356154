package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.CREATE_SCHEMA;
import static dev.lakesetup.core.model.Privilege.CREATE_TABLE;
import static dev.lakesetup.core.model.Privilege.READ_FILES;
import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The same blueprint applied through REST and through SQL (the real JDBC driver) reaches the same end state. */
class EndToEndTest {
    private static final String CONNECTOR = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Databricks"
            + "/accessConnectors/ac1";

    private static Blueprint blueprint(List<OAuthCredentials> sink) {
        ServicePrincipal sp = Principal.servicePrincipalNamed("lakesetup-loader");
        return Blueprint.builder()
                .resource(WorkspaceServicePrincipal.named("lakesetup-loader").entitlements(
                        Entitlement.DATABRICKS_SQL_ACCESS))
                .resource(OAuthSecret.forPrincipal(sp, sink::add))
                .resource(WarehousePermission.canUse(FakeFixture.WAREHOUSE, sp))
                .resource(Catalog.named("profiles").comment("bookkeeping"))
                .resource(Schema.named("profiles", "raw").comment("landing"))
                .resource(StorageCredential.named("lake_cred", new StorageIdentity.AzureManagedIdentity(CONNECTOR,
                        null)))
                .resource(ExternalLocation.named("lake", "abfss://c@acct.dfs.core.windows.net/x", "lake_cred"))
                .grant(Grant.on(Securable.catalog("profiles")).to(sp).privileges(USE_CATALOG, CREATE_SCHEMA))
                .grant(Grant.on(Securable.catalog("profiles")).to(Principal.group("analysts"))
                        .privileges(USE_CATALOG))
                .grant(Grant.on(Securable.schema("profiles", "raw")).to(sp).privileges(USE_SCHEMA, CREATE_TABLE))
                .grant(Grant.on(Securable.catalog("sales")).to(sp).privileges(USE_CATALOG, USE_SCHEMA, SELECT))
                .grant(Grant.on(Securable.externalLocation("lake")).to(sp).privileges(READ_FILES))
                .build();
    }

    private record Outcome(Map<String, Object> state, int secrets, long grantPatches, boolean replanEmpty) {
    }

    private static Outcome applyWith(Function<FakeFixture, Executor> executor) {
        try (FakeFixture f = FakeFixture.start()) {
            f.fake.seedCatalog("sales");
            List<OAuthCredentials> sink = new ArrayList<>();
            Lakesetup lakesetup = f.lakesetup(executor.apply(f));
            Plan plan = lakesetup.plan(blueprint(sink));
            ApplyReport report = lakesetup.apply(plan);
            assertThat(report.failures()).isEmpty();
            assertThat(report.isSuccess()).isTrue();
            Plan again = lakesetup.plan(blueprint(sink));
            return new Outcome(normalised(f.fake.snapshot()), sink.size(),
                    f.fake.requests().count(FakeFixture.PERMISSIONS_PATCH), again.isEmpty());
        }
    }

    /** The snapshot with the generated application id replaced, so two fakes compare equal. */
    private static Map<String, Object> normalised(WorkspaceSnapshot snapshot) {
        String appId = snapshot.principals().stream().filter(p -> p.displayName().equals("lakesetup-loader"))
                .findFirst().orElseThrow().applicationId();
        Map<String, Object> out = new TreeMap<>();
        out.put("catalogs", Set.copyOf(snapshot.catalogs()));
        out.put("schemas", Set.copyOf(snapshot.schemas()));
        Map<String, Map<String, Set<String>>> grants = new TreeMap<>();
        snapshot.grants().forEach((securable, byPrincipal) -> {
            Map<String, Set<String>> sorted = new TreeMap<>();
            byPrincipal.forEach((p, privileges) -> sorted.put(p.replace(appId, "<sp>"), new TreeSet<>(privileges)));
            grants.put(securable, sorted);
        });
        out.put("grants", grants.toString());
        out.put("warehouse", new TreeMap<>(snapshot.warehouseAcls().get(FakeFixture.WAREHOUSE)).toString()
                .replace(appId, "<sp>"));
        out.put("principals", snapshot.principals().stream()
                .map(p -> p.displayName() + p.entitlements() + p.inWorkspace()).sorted().toList());
        out.put("secrets", snapshot.secretsPerPrincipal().getOrDefault(appId, 0));
        return out;
    }

    @Test
    void apply_whenAppliedThroughRest_reachesDeclaredStateAndReplanIsEmpty() {
        Outcome rest = applyWith(f -> f.workspace.restExecutor());

        assertThat(rest.replanEmpty()).isTrue();
        assertThat(rest.secrets()).isEqualTo(1);
        assertThat(rest.state().get("grants").toString())
                .contains("catalog:profiles={<sp>=[CREATE_SCHEMA, USE_CATALOG], analysts=[USE_CATALOG]}")
                .contains("schema:profiles.raw={<sp>=[CREATE_TABLE, USE_SCHEMA]}");
        assertThat(rest.state().get("warehouse").toString()).contains("service_principal_name:<sp>=CAN_USE");
        assertThat(rest.grantPatches()).isEqualTo(4);
    }

    @Test
    void apply_whenAppliedThroughSqlWithRealDriver_reachesSameStateAsRest() {
        Outcome rest = applyWith(f -> f.workspace.restExecutor());
        Outcome sql = applyWith(FakeFixture::sqlExecutor);

        assertThat(sql.replanEmpty()).isTrue();
        assertThat(sql.secrets()).isEqualTo(1);
        assertThat(sql.grantPatches()).isZero();
        assertThat(sql.state()).isEqualTo(rest.state());
    }
}
