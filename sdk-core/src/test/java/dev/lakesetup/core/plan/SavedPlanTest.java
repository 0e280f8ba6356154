package dev.lakesetup.core.plan;

import static dev.lakesetup.core.model.Privilege.CREATE_SCHEMA;
import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.StalePlanException;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.render.PlanFormat;

import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedPlanTest {
    private static final String CLIENT_SECRET = "azure-client-secret-never-in-a-file";

    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    @TempDir
    Path dir;

    /** A Lakesetup of its own each time, as a later process would have. */
    private Lakesetup lakesetup() {
        return Fixtures.lakesetup(workspace, time).build();
    }

    private final List<OAuthCredentials> sink = new CopyOnWriteArrayList<>();

    private Blueprint blueprint(String comment) {
        WorkspaceServicePrincipal named = WorkspaceServicePrincipal.named("segment-graph");
        return Blueprint.builder()
                .resource(OAuthSecret.forPrincipal(named.principal(), sink::add))
                .resource(StorageCredential.named("cred", new StorageIdentity.AzureServicePrincipal(
                        "72f988bf-86f1-41af-91ab-2d7cd011db47", ApplicationId.of("5f0c3a52-1b7e-4c55-8d0a-2f1e6b9c7d41"),
                        Secret.of(CLIENT_SECRET))))
                .resource(named)
                .resource(Catalog.named("profiles").comment(comment))
                .resource(Schema.named("profiles", "sync"))
                .grant(Grant.on(Securable.catalog("profiles")).to(named.principal()).privileges(USE_CATALOG))
                .grant(Grant.on(Securable.schema("profiles", "sync")).to(Principal.group("analysts"))
                        .privileges(USE_SCHEMA, SELECT))
                .grant(Grant.on(Securable.catalog("sales")).to(Principal.servicePrincipal(APP))
                        .privileges(USE_CATALOG, SELECT))
                .grant(Grant.on(Securable.catalog("sales")).to(Principal.user("ana@example.com"))
                        .privileges(CREATE_SCHEMA))
                .build();
    }

    @Test
    void write_thenApplyInAnotherInstance_appliesExactlyTheSavedChanges() {
        Blueprint blueprint = blueprint("bookkeeping");
        Plan plan = lakesetup().plan(blueprint);
        Path file = dir.resolve("plan.json");
        plan.write(file);

        SavedPlan saved = SavedPlan.read(file);
        Plan again = saved.toPlan(blueprint);
        ApplyReport report = lakesetup().apply(saved, blueprint);

        assertThat(PlanFormat.JSON.render(again)).isEqualTo(PlanFormat.JSON.render(plan));
        assertThat(saved.changeIds()).isEqualTo(plan.changes().stream().map(Change::id).toList());
        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(workspace.object(ResourceId.of("catalog", "profiles"))).isPresent();
        assertThat(workspace.privileges(Securable.catalog("sales"), Principal.user("ana@example.com")))
                .containsExactly(CREATE_SCHEMA);
        assertThat(sink).singleElement().satisfies(credentials -> assertThat(credentials.clientId())
                .isEqualTo(InMemoryWorkspace.idFor("segment-graph")));
        assertThat(lakesetup().plan(blueprint).isEmpty()).isTrue();
    }

    @Test
    void write_neverWritesASecretValue_andApplyTakesItFromTheBlueprint() throws Exception {
        Blueprint blueprint = blueprint("bookkeeping");
        Path file = dir.resolve("plan.json");
        lakesetup().plan(blueprint).write(file);

        String text = Files.readString(file);
        ApplyReport report = lakesetup().apply(SavedPlan.read(file), blueprint);

        assertThat(text).doesNotContain(CLIENT_SECRET).contains("\"name\" : \"client secret\"")
                .contains("\"secret\" : true");
        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(workspace.object(ResourceId.of("storage_credential", "cred"))).isPresent();
    }

    @Test
    void apply_whenLiveStateMovedSincePlanning_refusesNamingEachDifferenceAndChangesNothing() {
        Blueprint blueprint = blueprint("bookkeeping");
        SavedPlan saved = SavedPlan.parse(lakesetup().plan(blueprint).savedJson());
        workspace.seed(Catalog.named("profiles").comment("made by hand"));
        workspace.seedGrant(Securable.catalog("sales"), Principal.group("admins"), Set.of(SELECT));

        assertThatThrownBy(() -> lakesetup().apply(saved, blueprint))
                .isInstanceOfSatisfying(StalePlanException.class, e -> {
                    assertThat(e.differences()).extracting(StalePlanException.Difference::object)
                            .containsExactly("catalog profiles", "grants on catalog sales");
                    assertThat(e.differences().get(0).atPlanning()).isEqualTo("absent");
                    assertThat(e.differences().get(0).now()).isEqualTo("exists with {comment=[made by hand]}");
                    assertThat(e.differences().get(1).atPlanning()).isEqualTo("no grants");
                    assertThat(e.differences().get(1).now()).isEqualTo("{admins=[SELECT]}");
                    assertThat(e.refused()).containsExactly(ChangeId.of("catalog:profiles"),
                            ChangeId.of("grant:catalog:sales"));
                    assertThat(e.getMessage()).contains("catalog profiles: at planning 'absent', now "
                            + "'exists with {comment=[made by hand]}'");
                });
        assertThat(workspace.appliedIds()).isEmpty();
    }

    @Test
    void apply_whenServiceTextHoldsControlCharacters_refusesWithThemEscaped() {
        Blueprint blueprint = blueprint("bookkeeping");
        SavedPlan saved = SavedPlan.parse(lakesetup().plan(blueprint).savedJson());
        workspace.seed(Catalog.named("profiles").comment("fake line\nAPPLIED everything\u001b[2K"));

        assertThatThrownBy(() -> lakesetup().apply(saved, blueprint)).isInstanceOf(StalePlanException.class)
                .hasMessageContaining("fake line\\u000aAPPLIED everything\\u001b[2K")
                .message().doesNotContain("\n").doesNotContain("\u001b");
    }

    @Test
    void apply_whenBlueprintDiffersFromTheSavedOne_refusesNamingTheResource() {
        SavedPlan saved = SavedPlan.parse(lakesetup().plan(blueprint("bookkeeping")).savedJson());

        assertThatThrownBy(() -> lakesetup().apply(saved, blueprint("changed since")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("catalog:profiles is declared with [comment=changed since]")
                .hasMessageContaining("the plan was made with [comment=bookkeeping]");
        assertThatThrownBy(() -> lakesetup().apply(saved, Blueprint.builder().build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("catalog:profiles is not declared");
        assertThat(workspace.appliedIds()).isEmpty();
    }

    @Test
    void apply_savedRevokes_stillNeedTheCallersConsent() {
        workspace.seedGrant(Securable.catalog("sales"), Principal.group("admins"), Set.of(SELECT));
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(Principal.servicePrincipal(APP)).privileges(SELECT))
                .exclusive(Securable.catalog("sales")).build();
        SavedPlan saved = SavedPlan.parse(lakesetup().plan(blueprint).savedJson());

        assertThatThrownBy(() -> lakesetup().apply(saved, blueprint)).hasMessageContaining("revokes");
        ApplyReport report = lakesetup().apply(saved, blueprint, ApplyOptions.defaults().withRevokesAllowed());

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(workspace.privileges(Securable.catalog("sales"), Principal.group("admins"))).isEmpty();
    }

    @Test
    void apply_savedRevokesOfADeletedPrincipalAndAnInapplicablePrivilege_areNotTakenForDrift() {
        workspace.seedGrant(Securable.catalog("sales"), DeletedPrincipal.of("4242"), Set.of(SELECT));
        workspace.seedGrant(Securable.catalog("sales"), Principal.group("admins"),
                Set.of(Privilege.observed("READ FILES", SecurableType.CATALOG)));
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(Principal.servicePrincipal(APP)).privileges(SELECT))
                .exclusive(Securable.catalog("sales")).build();
        String json = lakesetup().plan(blueprint).savedJson();

        ApplyReport report = lakesetup().apply(SavedPlan.parse(json), blueprint,
                ApplyOptions.defaults().withRevokesAllowed());

        assertThat(json).contains("\"principalId\" : \"4242\"", "READ FILES");
        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(workspace.privileges(Securable.catalog("sales"), DeletedPrincipal.of("4242"))).isEmpty();
        assertThat(workspace.privileges(Securable.catalog("sales"), Principal.group("admins"))).isEmpty();
    }

    @Test
    void savedJson_whenPlanWasMadeByHand_refuses() {
        Plan byHand = Plan.of(List.of());

        assertThatThrownBy(byHand::savedJson).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Lakesetup.plan(blueprint)");
    }

    @Test
    void parse_whenNotASavedPlanOfThisVersion_refusesNamingTheField() {
        assertThatThrownBy(() -> SavedPlan.parse("{\"schema\": \"lakesetup.saved-plan/v9\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lakesetup.saved-plan/v9")
                .hasMessageContaining("lakesetup.saved-plan/v2");
        assertThatThrownBy(() -> SavedPlan.parse("not json")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("it is not JSON");
        assertThatThrownBy(() -> SavedPlan.parse("{\"schema\": \"lakesetup.saved-plan/v2\", "
                + "\"resolvedPrincipals\": [], \"changes\": [{\"id\": \"grant:catalog:a\", \"action\": \"GRANT\", "
                + "\"dependsOn\": []}]}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("changes[0].securable");
    }
}
