package dev.lakesetup.databricks;

import static dev.lakesetup.databricks.RecipeTestRuns.FAKE_OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.service.catalog.Privilege;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Profiles Sync recipe against the fake workspace, validated as the principal with the real JDBC driver. */
class ProfilesSyncSetupTest extends OnFakeWorkspace {
    private static final String NAME = "segment-profiles-sync";
    private static final Set<String> GUIDE = Set.of("USE_CATALOG", "USE_SCHEMA", "MODIFY", "SELECT", "CREATE_SCHEMA",
            "CREATE_TABLE");

    private final List<OAuthCredentials> vault = new ArrayList<>();

    private ProfilesSyncSetup.Builder recipe() {
        return ProfilesSyncSetup.builder().servicePrincipalNamed(NAME).warehouse(FakeFixture.WAREHOUSE)
                .catalog("segment_profiles").secretSink(vault::add);
    }

    private SetupResult run(ProfilesSyncSetup setup) {
        return setup.run(f.lakesetup(f.workspace.restExecutor()), f.workspace, FAKE_OPTIONS);
    }

    @Test
    void run_whenWorkspaceIsFresh_appliesEveryStepValidatesAndHandsOverDetails() {
        SetupResult result = run(recipe().build());

        WorkspaceSnapshot snapshot = f.fake.snapshot();
        String sp = RecipeTestRuns.appId(snapshot, NAME);
        assertThat(snapshot.principals()).filteredOn(p -> p.applicationId().equals(sp)).singleElement()
                .satisfies(p -> assertThat(p.entitlements()).contains("databricks-sql-access"));
        assertThat(snapshot.secretsPerPrincipal()).containsEntry(sp, 1);
        assertThat(snapshot.warehouseAcls().get(FakeFixture.WAREHOUSE))
                .containsEntry("service_principal_name:" + sp, "CAN_USE");
        assertThat(snapshot.grantsOn("catalog", "segment_profiles")).containsEntry(sp, GUIDE);
        assertThat(result.confirmationPlan()).hasValueSatisfying(plan -> assertThat(plan.isEmpty()).isTrue());
        ValidationReport validation = result.validation().orElseThrow();
        assertThat(validation.passed()).as(validation.render()).isTrue();
        assertThat(validation.checks()).extracting(ValidationCheck::name).contains("SHOW SCHEMAS IN segment_profiles");
        assertThat(result.succeeded()).isTrue();
        ConnectionDetails details = result.connectionDetails();
        assertThat(details.catalog().fullName()).isEqualTo("segment_profiles");
        assertThat(details.httpPath()).isEqualTo("/sql/1.0/warehouses/" + FakeFixture.WAREHOUSE);
        assertThat(details.oauthClientId()).hasValueSatisfying(id -> assertThat(id.toString()).isEqualTo(sp));
        String secret = vault.get(0).secret().reveal();
        assertThat(details.oauthSecret()).contains(vault.get(0).secret());
        assertThat(details.toString()).contains(Secret.MASK).doesNotContain(secret);
        assertThat(result.toString()).doesNotContain(secret);
    }

    @Test
    void run_whenOthersHoldGrantsOnTheCatalog_keepsThem() {
        f.fake.seedCatalog("segment_profiles").seedUser("ana@example.com")
                .seedGrant("catalog", "segment_profiles", "ana@example.com", "USE_CATALOG", "SELECT", "MODIFY");

        SetupResult result = run(recipe().build());

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.plan().changes()).noneMatch(change -> change.action() == dev.lakesetup.core.plan.Action.REVOKE);
        assertThat(f.fake.snapshot().grantsOn("catalog", "segment_profiles"))
                .containsEntry("ana@example.com", Set.of("USE_CATALOG", "SELECT", "MODIFY"));
    }

    @Test
    void run_whenAdminRevokesAPrivilege_rerunHealsItAndThirdRunChangesNothing() {
        run(recipe().build());
        String sp = RecipeTestRuns.appId(f.fake.snapshot(), NAME);
        RecipeTestRuns.revoke(f, "catalog", "segment_profiles", sp, Privilege.MODIFY, Privilege.CREATE_TABLE);
        ProfilesSyncSetup again = recipe().validateWith(vault.get(0)).build();

        SetupResult healed = run(again);

        assertThat(healed.plan().actionableChanges()).extracting(change -> change.object())
                .containsExactly("grants on catalog segment_profiles");
        assertThat(healed.applyReport().summary()).containsEntry(Outcome.APPLIED, 1);
        assertThat(f.fake.snapshot().grantsOn("catalog", "segment_profiles")).containsEntry(sp, GUIDE);
        assertThat(healed.succeeded()).as(healed.toString()).isTrue();
        SetupResult third = run(again);
        assertThat(third.plan().isEmpty()).isTrue();
        assertThat(third.succeeded()).isTrue();
        assertThat(vault).hasSize(1);
    }

    @Test
    void run_withAnExistingPrincipal_givesItSqlAccessAndIssuesNoSecret() {
        var seeded = f.fake.seedServicePrincipal("already-there");

        SetupResult result = run(ProfilesSyncSetup.builder().existingServicePrincipal(seeded.applicationId())
                .warehouse(FakeFixture.WAREHOUSE).catalog("segment_profiles")
                .validateWith(new OAuthCredentials(dev.lakesetup.core.model.ApplicationId.of(seeded.applicationId()),
                        Secret.of(seeded.secret()))).build());

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(f.fake.snapshot().principals()).filteredOn(p -> p.applicationId().equals(seeded.applicationId()))
                .singleElement().satisfies(p -> assertThat(p.entitlements()).contains("databricks-sql-access"));
        assertThat(f.fake.snapshot().secretsPerPrincipal()).containsEntry(seeded.applicationId(), 1); // only the seeded one
        assertThat(result.connectionDetails().oauthSecret()).isEmpty();
    }

    @Test
    void build_whenCatalogIsMissing_namesTheFieldAndHowToGiveIt() {
        assertThatThrownBy(() -> ProfilesSyncSetup.builder().servicePrincipalNamed(NAME)
                .warehouse(FakeFixture.WAREHOUSE).secretSink(vault::add).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("catalog")
                .hasMessageContaining("catalog(name)");
    }

    @Test
    void blueprint_declaresTheGuidePrivilegesInItsOrder() {
        assertThat(ProfilesSyncSetup.CATALOG_PRIVILEGES).extracting(p -> p.sqlName()).containsExactly("USE CATALOG",
                "USE SCHEMA", "MODIFY", "SELECT", "CREATE SCHEMA", "CREATE TABLE");
        assertThat(recipe().build().blueprint().grants()).singleElement()
                .satisfies(grant -> assertThat(grant.privileges()).hasSize(6));
    }
}
