package dev.lakesetup.databricks;

import static dev.lakesetup.databricks.RecipeTestRuns.FAKE_OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.service.catalog.Privilege;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Databricks destination recipe against the fake workspace, validated as the principal over JDBC. */
class DatabricksDestinationSetupTest extends OnFakeWorkspace {
    private static final String NAME = DatabricksDestinationSetup.DEFAULT_DISPLAY_NAME;

    private final List<OAuthCredentials> vault = new ArrayList<>();

    private DatabricksDestinationSetup.Builder recipe() {
        return DatabricksDestinationSetup.builder().servicePrincipalNamed(NAME).warehouse(FakeFixture.WAREHOUSE)
                .catalog("segment_events").secretSink(vault::add);
    }

    private SetupResult run(DatabricksDestinationSetup setup) {
        return setup.run(f.lakesetup(f.workspace.restExecutor()), f.workspace, FAKE_OPTIONS);
    }

    @Test
    void run_whenWorkspaceIsFresh_appliesEveryStepValidatesAndHandsOverDetails() {
        SetupResult result = run(recipe().build());

        WorkspaceSnapshot snapshot = f.fake.snapshot();
        String sp = RecipeTestRuns.appId(snapshot, NAME);
        assertThat(snapshot.secretsPerPrincipal()).containsEntry(sp, 1);
        assertThat(snapshot.warehouseAcls().get(FakeFixture.WAREHOUSE))
                .containsEntry("service_principal_name:" + sp, "CAN_USE");
        assertThat(snapshot.catalogs()).contains("segment_events");
        assertThat(snapshot.grantsOn("catalog", "segment_events")).containsEntry(sp, Set.of("ALL_PRIVILEGES"));
        assertThat(result.confirmationPlan()).hasValueSatisfying(plan -> assertThat(plan.isEmpty()).isTrue());
        ValidationReport validation = result.validation().orElseThrow();
        assertThat(validation.passed()).as(validation.render()).isTrue();
        assertThat(validation.checks()).extracting(ValidationCheck::name).contains("SHOW SCHEMAS IN segment_events");
        assertThat(result.succeeded()).isTrue();
        ConnectionDetails details = result.connectionDetails();
        assertThat(details.hostname()).isEqualTo("127.0.0.1");
        assertThat(details.port()).isEqualTo(f.fake.port());
        assertThat(details.httpPath()).isEqualTo("/sql/1.0/warehouses/" + FakeFixture.WAREHOUSE);
        assertThat(details.catalog().fullName()).isEqualTo("segment_events");
        assertThat(details.oauthClientId()).hasValueSatisfying(id -> assertThat(id.toString()).isEqualTo(sp));
        String secret = vault.get(0).secret().reveal();
        assertThat(details.toString()).contains(Secret.MASK).doesNotContain(secret);
        assertThat(result.toString()).doesNotContain(secret);
    }

    @Test
    void run_whenAdminRevokesAllPrivileges_rerunHealsItAndKeepsOthersGrants() {
        run(recipe().build());
        String sp = RecipeTestRuns.appId(f.fake.snapshot(), NAME);
        f.fake.seedUser("ana@example.com").seedGrant("catalog", "segment_events", "ana@example.com", "USE_CATALOG");
        RecipeTestRuns.revoke(f, "catalog", "segment_events", sp, Privilege.ALL_PRIVILEGES);
        DatabricksDestinationSetup again = recipe().validateWith(vault.get(0)).build();

        SetupResult healed = run(again);

        assertThat(healed.plan().actionableChanges()).extracting(change -> change.object())
                .containsExactly("grants on catalog segment_events");
        assertThat(healed.plan().changes()).noneMatch(change -> change.action() == Action.REVOKE);
        assertThat(f.fake.snapshot().grantsOn("catalog", "segment_events"))
                .containsEntry(sp, Set.of("ALL_PRIVILEGES")).containsEntry("ana@example.com", Set.of("USE_CATALOG"));
        assertThat(healed.succeeded()).as(healed.toString()).isTrue();
        assertThat(run(again).plan().isEmpty()).isTrue();
        assertThat(vault).hasSize(1);
    }

    @Test
    void blueprint_withStorageRoot_putsTheCatalogThere() {
        DatabricksDestinationSetup setup = recipe().storageRoot("s3://landing-bucket/segment")
                .secretLifetime(Duration.ofDays(90)).build();

        assertThat(setup.storageRoot()).hasValueSatisfying(url ->
                assertThat(url.value()).isEqualTo("s3://landing-bucket/segment"));
        assertThat(setup.blueprint().resources()).anySatisfy(resource ->
                assertThat(resource.toString()).contains("s3://landing-bucket/segment"));
        assertThat(setup.toString()).contains("segment_events", "s3://landing-bucket/segment");
    }

    @Test
    void build_whenInputIsIncompleteOrContradictory_namesFieldValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> DatabricksDestinationSetup.builder().warehouse("wh1").catalog("c")
                .secretSink(vault::add).build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("service principal").hasMessageContaining("servicePrincipalNamed");
        assertThatThrownBy(() -> recipe().existingServicePrincipal("6f2a1c3e-0b4d-4e5f-8a9b-7c6d5e4f3a2b").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("both a name and an application id");
        assertThatThrownBy(() -> DatabricksDestinationSetup.builder().servicePrincipalNamed(NAME).catalog("c")
                .warehouse("wh1").build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("secret sink");
        assertThatThrownBy(() -> recipe().warehouse("not a warehouse!"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a warehouse!");
        assertThatThrownBy(() -> recipe().vendorIpRanges("52.25.130.300/32"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("vendor IP range")
                .hasMessageContaining("52.25.130.300/32").hasMessageContaining("IPv4");
        assertThatThrownBy(() -> DatabricksDestinationSetup.builder()
                .existingServicePrincipal("6f2a1c3e-0b4d-4e5f-8a9b-7c6d5e4f3a2b").warehouse("wh1").catalog("c")
                .secretLifetime(Duration.ofDays(1)).build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("secret lifetime");
    }
}
