package dev.lakesetup.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.render.PlanFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A saved plan (v2) reads back to the same plan and the same live state, whatever the planner (plans by hand). */
class SavedPlanRoundTripTest {
    private static final String CLIENT_SECRET = "azure-client-secret-never-in-a-file";
    private static final ApplicationId GRAPH = ApplicationId.of("0b6a5c1e-7d2f-4e8a-9c3b-1f2e3d4c5b6a");

    private final Catalog sales = Catalog.named("sales").comment("new");
    private final WorkspaceServicePrincipal graph = WorkspaceServicePrincipal.named("graph")
            .entitlements(Entitlement.WORKSPACE_ACCESS, Entitlement.DATABRICKS_SQL_ACCESS);
    private final StorageCredential credential = StorageCredential.named("cred",
            new StorageIdentity.AzureServicePrincipal("72f988bf-86f1-41af-91ab-2d7cd011db47",
                    ApplicationId.of("5f0c3a52-1b7e-4c55-8d0a-2f1e6b9c7d41"), Secret.of(CLIENT_SECRET)));
    private final Securable catalog = Securable.catalog("sales");

    private Blueprint blueprint() {
        return Blueprint.builder().resource(sales).resource(graph).resource(credential)
                .grant(Grant.on(catalog).to(graph.principal()).privileges(Privilege.USE_CATALOG))
                .exclusive(catalog).build();
    }

    private Plan plan() {
        ResourceChange update = new ResourceChange(ResourceChange.idOf(sales), Action.UPDATE, sales,
                List.of(new SettingChange(sales.settings().get(0), Set.of("old"), Set.of())), Set.of());
        ResourceChange members = new ResourceChange(ResourceChange.idOf(graph), Action.UPDATE, graph,
                List.of(new SettingChange(graph.settings().get(0), Set.of("workspace-access"),
                        Set.of("databricks-sql-access"))), Set.of());
        ResourceChange create = ResourceChange.create(credential, Set.of());
        GrantChange grant = new GrantChange(GrantChange.idOf(Action.GRANT, catalog), Action.GRANT, catalog,
                List.of(PrincipalPrivileges.of(graph.principal(), Set.of(Privilege.USE_CATALOG))),
                Set.of(update.id(), members.id()));
        GrantChange revoke = new GrantChange(GrantChange.idOf(Action.REVOKE, catalog), Action.REVOKE, catalog,
                List.of(PrincipalPrivileges.of(Principal.group("legacy"), Set.of(Privilege.SELECT))),
                Set.of(update.id()));
        Map<ResourceId, Resource> live = Map.of(sales.id(), Catalog.named("sales").comment("old"),
                graph.id(), WorkspaceServicePrincipal.named("graph").entitlements(Entitlement.WORKSPACE_ACCESS));
        PlanBasis basis = PlanBasis.of(live, Map.of(catalog, List.of(PrincipalPrivileges.of(Principal.group("legacy"),
                Set.of(Privilege.SELECT)))));
        return Plan.of(List.of(update, members, create, grant, revoke), Map.of(graph.principal(), GRAPH), basis);
    }

    @Test
    void parse_ofSavedJson_givesTheSamePlanWithLiveValuesAsSets() {
        Plan plan = plan();

        SavedPlan saved = SavedPlan.parse(plan.savedJson());
        Plan again = saved.toPlan(blueprint());

        assertThat(PlanFormat.JSON.render(again)).isEqualTo(PlanFormat.JSON.render(plan));
        assertThat(again.changes()).isEqualTo(plan.changes());
        ResourceChange members = (ResourceChange) again.change(ResourceChange.idOf(graph)).orElseThrow();
        assertThat(members.settings().get(0).before()).containsExactly("workspace-access");
        assertThat(members.settings().get(0).missing()).containsExactly("databricks-sql-access");
        assertThat(again.resolvedPrincipals()).containsEntry(graph.principal(), GRAPH);
    }

    @Test
    void parse_ofSavedJson_givesTheLiveStatePlannedAgainst() {
        Plan plan = plan();

        PlanBasis basis = SavedPlan.parse(plan.savedJson()).basis();

        assertThat(basis).isEqualTo(plan.basis().orElseThrow());
        assertThat(basis.resources().get(sales.id())).isEqualTo(Map.of("comment", Set.of("old")));
        assertThat(basis.resources()).doesNotContainKey(credential.id());
        assertThat(basis.grantsOn(catalog)).extracting(entry -> entry.principal().grantName())
                .containsExactly("legacy");
    }

    @Test
    void savedJson_neverHoldsASecret_andSavesSchemaV2() {
        String json = plan().savedJson();

        assertThat(json).doesNotContain(CLIENT_SECRET).contains("\"schema\" : \"lakesetup.saved-plan/v2\"")
                .contains("\"before\" : [ \"old\" ]");
    }

    @Test
    void planBasis_leavesSecretSettingsOut() {
        PlanBasis basis = PlanBasis.of(Map.of(credential.id(), credential), Map.of());

        assertThat(basis.resources().get(credential.id())).doesNotContainKey("client secret")
                .containsKey("application id");
        assertThat(basis.toString()).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void parse_whenFileIsVersion1_readsTheLiveValueAsShown() {
        String v1 = plan().savedJson().replace("lakesetup.saved-plan/v2", "lakesetup.saved-plan/v1")
                .replace("\"before\" : [ \"old\" ]", "\"before\" : \"old\"")
                .replace("\"before\" : [ ]", "\"before\" : \"(none)\"");

        Plan again = SavedPlan.parse(v1).toPlan(blueprint());

        assertThat(again.changes()).isEqualTo(plan().changes());
    }

    @Test
    void parse_whenObservedIsNotAnObject_refusesNamingTheField() {
        String json = plan().savedJson().replaceFirst("\"observed\" : \\{", "\"observed\" : [ ], \"x\" : {");

        assertThatThrownBy(() -> SavedPlan.parse(json)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("changes[0].observed").hasMessageContaining("not an object");
    }
}
