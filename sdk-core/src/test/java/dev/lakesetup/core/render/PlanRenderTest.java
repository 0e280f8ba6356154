package dev.lakesetup.core.render;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanRenderTest {
    private static final String CLIENT_SECRET = "AZURE-CLIENT-SECRET-VALUE";

    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();

    private Plan samplePlan() {
        workspace.seed(Catalog.named("sales").comment("old"));
        workspace.seed(Catalog.named("kept"));
        workspace.seedGrant(Securable.catalog("sales"), Principal.group("legacy"), Set.of(SELECT));
        WorkspaceServicePrincipal sp = WorkspaceServicePrincipal.named("graph");
        return lakesetup.plan(Blueprint.builder()
                .resource(Catalog.named("sales").comment("it's new"))
                .resource(Catalog.named("kept"))
                .resource(StorageCredential.named("cred", new StorageIdentity.AzureServicePrincipal(
                        "3f1c2a52-1b7e-4c55-8d0a-2f1e6b9c7d41", APP, Secret.of(CLIENT_SECRET))))
                .resource(ExternalLocation.named("landing", "abfss://c@acct.dfs.core.windows.net/x", "cred"))
                .resource(sp)
                .resource(WarehousePermission.canUse("abc123", sp.principal()))
                .resource(OAuthSecret.forPrincipal(sp.principal(), credentials -> { }))
                .grant(Grant.on(Securable.catalog("sales")).to(sp.principal()).privileges(USE_CATALOG, SELECT))
                .grant(Grant.on(Securable.catalog("sales")).to(Principal.user("ana@example.com"))
                        .privileges(USE_CATALOG))
                .exclusive(Securable.catalog("sales"))
                .build());
    }

    @Test
    void renderText_showsSymbolsGroupsAndSummary_withSecretsMasked() {
        String text = PlanFormat.TEXT.render(samplePlan());

        assertThat(text).isEqualTo("""
                ~ catalog sales
                    comment: old -> it's new
                + grants on catalog sales
                    service principal 'graph': USE CATALOG, SELECT
                    ana@example.com: USE CATALOG
                - grants on catalog sales  (revoke)
                    legacy: SELECT
                + storage credential cred
                    identity = azure service principal
                    directory id = 3f1c2a52-1b7e-4c55-8d0a-2f1e6b9c7d41
                    application id = 9f0c3a52-1b7e-4c55-8d0a-2f1e6b9c7d41
                    client secret = ****
                + service principal named:graph
                + external location landing
                    url = abfss://c@acct.dfs.core.windows.net/x
                    credential = cred
                + warehouse permission abc123/graph
                    permission level = CAN_USE
                + oauth secret named:graph
                    new secret expires after 730 days (the service default)

                Plan: 5 to create, 1 to update, 1 to grant, 1 to revoke, 0 conflicts, 1 unchanged
                """);
        assertThat(text).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void renderJson_followsTheDocumentedSchema() throws Exception {
        JsonNode json = new ObjectMapper().readTree(PlanFormat.JSON.render(samplePlan()));

        assertThat(json.get("format_version").asText()).isEqualTo("2");
        assertThat(json.get("summary").get("create").asInt()).isEqualTo(5);
        assertThat(json.get("summary").get("no_op").asInt()).isEqualTo(1);
        JsonNode grant = json.get("changes").findParents("id").stream()
                .filter(node -> node.get("id").asText().equals("grant:catalog:sales")).findFirst().orElseThrow();
        assertThat(grant.get("action").asText()).isEqualTo("GRANT");
        assertThat(grant.get("kind").asText()).isEqualTo("grants");
        assertThat(grant.get("object").get("kind").asText()).isEqualTo("catalog");
        assertThat(grant.get("object").get("name").asText()).isEqualTo("sales");
        assertThat(grant.get("privileges").get(1).get("principal").asText()).isEqualTo("ana@example.com");
        assertThat(grant.get("privileges").get(1).get("add").get(0).asText()).isEqualTo("USE CATALOG");
        assertThat(grant.get("depends_on").get(0).asText()).isEqualTo("catalog:sales");
        JsonNode sales = json.get("changes").findParents("id").stream()
                .filter(node -> node.get("id").asText().equals("catalog:sales")).findFirst().orElseThrow();
        assertThat(sales.get("settings").get(0).get("before").asText()).isEqualTo("old");
        assertThat(sales.get("settings").get(0).get("after").asText()).isEqualTo("it's new");
        assertThat(json.toString()).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void renderSql_whenExternalLocationCommentChanges_namesTheApiCallInsteadOfAnUndocumentedStatement() {
        ExternalLocation landing = ExternalLocation.named("landing", "abfss://c@acct.dfs.core.windows.net/x", "cred");
        workspace.seed(landing.comment("old"));

        String sql = PlanFormat.SQL.render(lakesetup.plan(Blueprint.builder().resource(landing.comment("new"))
                .build()));

        assertThat(sql).contains("-- API: PATCH /api/2.1/unity-catalog/external-locations/{name} "
                + "(external location landing: comment: old -> new)").doesNotContain("COMMENT ON");
    }

    @Test
    void renderSql_writesStatementsAndNamesApiCalls() {
        String sql = PlanFormat.SQL.render(samplePlan());

        assertThat(sql).contains(
                "COMMENT ON CATALOG `sales` IS 'it\\'s new';",
                "GRANT USE CATALOG, SELECT ON CATALOG `sales` TO `<application id of graph>`;",
                "GRANT USE CATALOG ON CATALOG `sales` TO `ana@example.com`;",
                "REVOKE SELECT ON CATALOG `sales` FROM `legacy`;",
                "-- API: POST /api/2.1/unity-catalog/storage-credentials (storage credential cred:",
                "CREATE EXTERNAL LOCATION IF NOT EXISTS `landing` URL 'abfss://c@acct.dfs.core.windows.net/x' "
                        + "WITH (STORAGE CREDENTIAL `cred`);",
                "-- API: POST /api/2.0/preview/scim/v2/ServicePrincipals (service principal named:graph)",
                "-- API: PATCH /api/2.0/permissions/warehouses/abc123",
                "-- API: POST /api/2.0/accounts/servicePrincipals/{id}/credentials/secrets");
        assertThat(sql).startsWith("-- lakesetup plan: 5 to create").doesNotContain(CLIENT_SECRET)
                .doesNotContain("CATALOG IF NOT EXISTS `kept`");
    }

    @Test
    void renderText_whenNothingToDo_saysSo() {
        workspace.seed(Catalog.named("kept"));

        String text = PlanFormat.TEXT.render(lakesetup.plan(Blueprint.builder().resource(Catalog.named("kept"))
                .build()));

        assertThat(text).startsWith("No changes").endsWith("0 conflicts, 1 unchanged\n");
    }

    @Test
    void renderSql_whenPrincipalResolved_namesItsApplicationId() {
        ApplicationId id = InMemoryWorkspace.idFor("graph");
        workspace.seedPrincipal("graph", id);

        String sql = PlanFormat.SQL.render(lakesetup.plan(Blueprint.builder().grant(Grant.on(Securable.catalog("c"))
                .to(Principal.servicePrincipalNamed("graph")).privileges(USE_CATALOG)).build()));

        assertThat(sql).contains("GRANT USE CATALOG ON CATALOG `c` TO `" + id + "`;");
    }

    @Test
    void renderText_namesEachObjectOnceTheSameWay_andTheMetastoreWithoutAnEmptyName() {
        Plan plan = lakesetup.plan(Blueprint.builder()
                .resource(Catalog.named("Sales"))
                .grant(Grant.on(Securable.catalog("SALES")).to(Principal.group("analysts")).privileges(USE_CATALOG))
                .grant(Grant.on(Securable.metastore()).to(Principal.group("analysts"))
                        .privileges(dev.lakesetup.core.model.Privilege.CREATE_CATALOG))
                .build());

        String text = PlanFormat.TEXT.render(plan);

        assertThat(text).contains("+ catalog sales\n").contains("+ grants on catalog sales\n")
                .contains("+ grants on metastore\n").doesNotContain("SALES").doesNotContain("Sales")
                .doesNotContain("metastore \n");
    }

    @Test
    void plan_whenAReadFails_namesTheObjectWithoutItsSettingsList() {
        dev.lakesetup.core.spi.Executor failing = new dev.lakesetup.core.testing.InterceptingExecutor(workspace) {
            @Override
            public java.util.Map<dev.lakesetup.core.model.ResourceId, dev.lakesetup.core.model.Resource>
                    readResources(java.util.Collection<? extends dev.lakesetup.core.model.Resource> resources,
                    dev.lakesetup.core.spi.ExecutionContext context) {
                throw dev.lakesetup.core.exception.ServiceException.builder(
                        dev.lakesetup.core.exception.ServiceException.Failure.FATAL, "denied").build();
            }
        };
        Lakesetup failingLakesetup = Lakesetup.builder().executor(failing).clock(time).sleeper(time)
                .retryPolicy(Fixtures.exactPolicy()).build();

        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() ->
                failingLakesetup.plan(Blueprint.builder().resource(Catalog.named("Sales")).build()));

        assertThat(e).hasMessageStartingWith("read catalog sales failed after 1 attempt: denied")
                .hasMessageNotContaining("[]");
    }
}
