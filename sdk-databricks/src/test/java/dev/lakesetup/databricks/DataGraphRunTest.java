package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Data Graph recipe run end to end against the fake workspace, validated with the real JDBC driver. */
class DataGraphRunTest {
    private static final String NAME = "segment-data-graph";
    private static final String BOOKKEEPING = "segment_linked_profiles_db";
    private static final RunOptions FAKE_OPTIONS = RunOptions.defaults()
            .withValidator(PrincipalValidator.Builder::plainHttpForTesting);

    private FakeFixture f;
    private final List<OAuthCredentials> vault = new ArrayList<>();

    @BeforeEach
    void seed() {
        f = FakeFixture.start();
        List<String> columns = List.of("id INT", "name STRING");
        List<List<?>> rows = List.of(List.of(1, "a"), List.of(2, "b"));
        f.fake.seedTable("segment_profiles.profiles.identities", columns, rows)
                .seedTable("marketing.campaigns.sends", columns, rows)
                .seedTable("sales.orders.items", columns, rows)
                .seedTable("sales.customers.accounts", columns, rows)
                .seedTable("sales.internal.salaries", columns, rows);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @AfterAll
    static void clearDriverTestMode() {
        System.clearProperty("isFakeServiceTest");
    }

    private DataGraphSetup.Builder recipe() {
        return DataGraphSetup.builder().servicePrincipalNamed(NAME).warehouse(FakeFixture.WAREHOUSE)
                .profilesSyncCatalog("segment_profiles").readOnlyCatalogs("marketing")
                .readOnlySchemas("sales", "orders", "customers")
                .validateWithTables("segment_profiles.profiles.identities", "sales.orders.items")
                .secretSink(vault::add);
    }

    private SetupResult run(DataGraphSetup setup) {
        return setup.run(f.lakesetup(f.workspace.restExecutor()), f.workspace, FAKE_OPTIONS);
    }

    private String appId(WorkspaceSnapshot snapshot) {
        return snapshot.principals().stream().filter(p -> p.displayName().equals(NAME)).findFirst().orElseThrow()
                .applicationId();
    }

    @Test
    void run_whenWorkspaceIsFresh_appliesEveryStepValidatesAndHandsOverDetails() {
        SetupResult result = run(recipe().build());

        WorkspaceSnapshot snapshot = f.fake.snapshot();
        String sp = appId(snapshot);
        assertThat(snapshot.principals()).filteredOn(p -> p.applicationId().equals(sp)).singleElement()
                .satisfies(p -> assertThat(p.entitlements()).contains("workspace-access", "databricks-sql-access"));
        assertThat(snapshot.secretsPerPrincipal()).containsEntry(sp, 1);
        assertThat(snapshot.warehouseAcls().get(FakeFixture.WAREHOUSE))
                .containsEntry("service_principal_name:" + sp, "CAN_USE");
        assertThat(snapshot.catalogs()).contains(BOOKKEEPING);
        assertThat(snapshot.grantsOn("catalog", BOOKKEEPING))
                .containsEntry(sp, Set.of("USE_CATALOG", "CREATE_SCHEMA", "SELECT"));
        assertThat(snapshot.grantsOn("catalog", "segment_profiles"))
                .containsEntry(sp, Set.of("USE_CATALOG", "USE_SCHEMA", "SELECT"));
        assertThat(snapshot.grantsOn("catalog", "marketing"))
                .containsEntry(sp, Set.of("USE_CATALOG", "USE_SCHEMA", "SELECT"));
        assertThat(snapshot.grantsOn("catalog", "sales")).containsEntry(sp, Set.of("USE_CATALOG"));
        assertThat(snapshot.grantsOn("schema", "sales.orders")).containsEntry(sp, Set.of("USE_SCHEMA", "SELECT"));
        assertThat(snapshot.grantsOn("schema", "sales.customers")).containsEntry(sp, Set.of("USE_SCHEMA", "SELECT"));
        assertThat(snapshot.grantsOn("schema", "sales.internal")).doesNotContainKey(sp);
        assertThat(snapshot.grants()).doesNotContainKey("schema:" + BOOKKEEPING + ".__segment_reverse_etl");

        assertThat(result.applyReport().isSuccess()).isTrue();
        assertThat(result.confirmationPlan()).hasValueSatisfying(plan -> assertThat(plan.isEmpty()).isTrue());
        ValidationReport validation = result.validation().orElseThrow();
        assertThat(validation.passed()).as(validation.render()).isTrue();
        assertThat(validation.checks()).extracting(ValidationCheck::name).contains(
                "SHOW SCHEMAS IN SEGMENT_LINKED_PROFILES_DB", "SHOW SCHEMAS IN segment_profiles", "SHOW SCHEMAS IN marketing",
                "SHOW SCHEMAS IN sales", "SELECT * FROM segment_profiles.profiles.identities LIMIT 10",
                "SELECT * FROM sales.orders.items LIMIT 10");
        assertThat(result.succeeded()).isTrue();

        ConnectionDetails details = result.connectionDetails();
        assertThat(details.hostname()).isEqualTo("127.0.0.1");
        assertThat(details.port()).isEqualTo(f.fake.port());
        assertThat(details.httpPath()).isEqualTo("/sql/1.0/warehouses/" + FakeFixture.WAREHOUSE);
        assertThat(details.catalog().fullName()).isEqualToIgnoringCase(BOOKKEEPING);
        assertThat(details.oauthClientId()).hasValueSatisfying(id -> assertThat(id.toString()).isEqualTo(sp));
        assertThat(vault).singleElement().satisfies(credentials ->
                assertThat(details.oauthSecret()).contains(credentials.secret()));
        String secret = vault.get(0).secret().reveal();
        assertThat(details.toString()).contains(Secret.MASK).doesNotContain(secret);
        assertThat(result.toString()).contains("succeeded").doesNotContain(secret);
    }

    @Test
    void run_whenReverseEtlSchemaExists_grantsAllPrivilegesOnIt() {
        f.fake.seedCatalog(BOOKKEEPING).seedSchema(BOOKKEEPING + ".__segment_reverse_etl");

        SetupResult result = run(recipe().build());

        String sp = appId(f.fake.snapshot());
        assertThat(f.fake.snapshot().grantsOn("schema", BOOKKEEPING + ".__segment_reverse_etl"))
                .containsEntry(sp, Set.of("ALL_PRIVILEGES"));
        assertThat(result.succeeded()).as(result.toString()).isTrue();
    }

    @Test
    void run_whenAdminRevokesAccess_validationFailsAndRerunHealsAndThirdRunChangesNothing() {
        SetupResult first = run(recipe().build());
        assertThat(first.succeeded()).as(first.toString()).isTrue();
        String sp = appId(f.fake.snapshot());
        OAuthCredentials credentials = vault.get(0);

        admin().grants().update(new UpdatePermissions().setSecurableType("schema").setFullName("sales.orders")
                .setChanges(List.of(new PermissionsChange().setPrincipal(sp).setRemove(List.of(Privilege.SELECT)))));
        DataGraphSetup again = recipe().validateWith(credentials).build();
        ValidationReport broken = again.addValidationChecks(PrincipalValidator.builder().host(f.workspace.host())
                .warehouseId(FakeFixture.WAREHOUSE).credentials(credentials)).plainHttpForTesting()
                .build().validate();

        assertThat(broken.passed()).isFalse();
        assertThat(broken.failures()).extracting(ValidationCheck::name)
                .containsExactly("SELECT * FROM sales.orders.items LIMIT 10");

        SetupResult healed = run(again);

        assertThat(healed.plan().actionableChanges()).extracting(change -> change.object())
                .containsExactly("grants on schema sales.orders");
        assertThat(healed.applyReport().summary()).containsEntry(Outcome.APPLIED, 1);
        assertThat(f.fake.snapshot().grantsOn("schema", "sales.orders")).containsEntry(sp, Set.of("USE_SCHEMA",
                "SELECT"));
        assertThat(healed.validation().orElseThrow().passed()).isTrue();
        assertThat(healed.succeeded()).isTrue();
        assertThat(healed.connectionDetails().oauthSecret()).isEmpty();

        SetupResult third = run(again);

        assertThat(third.plan().isEmpty()).isTrue();
        assertThat(third.applyReport().summary()).containsEntry(Outcome.APPLIED, 0);
        assertThat(third.succeeded()).isTrue();
        assertThat(f.fake.snapshot().secretsPerPrincipal()).containsEntry(sp, 1);
        assertThat(vault).hasSize(1);
    }

    @Test
    void run_whenNoSecretIssuedAndNoneGiven_reportsValidationSkipped() {
        run(recipe().build());

        SetupResult second = run(recipe().build());

        ValidationReport validation = second.validation().orElseThrow();
        assertThat(validation.checks()).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(ValidationCheck.Status.SKIPPED);
            assertThat(check.message()).contains("validateWith");
        });
        assertThat(second.succeeded()).isFalse();
        assertThat(second.confirmationPlan()).hasValueSatisfying(plan -> assertThat(plan.isEmpty()).isTrue());
        assertThat(second.connectionDetails().oauthClientId()).hasValueSatisfying(id ->
                assertThat(id.toString()).isEqualTo(appId(f.fake.snapshot())));
    }

    @Test
    void run_whenUnityCatalogIsOff_failsBeforeChangingAnything() {
        try (FakeFixture noUc = FakeFixture.start(FakeWorkspace.builder().unityCatalog(false))) {
            assertThatThrownBy(() -> recipe().build().run(noUc.lakesetup(noUc.workspace.restExecutor()),
                    noUc.workspace, FAKE_OPTIONS))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("Unity Catalog is not enabled");
            assertThat(noUc.fake.snapshot().principals()).isEmpty();
            assertThat(vault).isEmpty();
        }
    }

    private WorkspaceClient admin() {
        return new WorkspaceClient(new DatabricksConfig().setHost(f.fake.host()).setToken(f.fake.adminToken())
                .setAuthType("pat").setDisableRetries(true));
    }

    @Test
    void verify_whenAnEntitlementWasRemoved_reportsItChangedAndValidatesAsThePrincipal() {
        run(recipe().build());
        String sp = appId(f.fake.snapshot());
        com.databricks.sdk.WorkspaceClient admin = new com.databricks.sdk.WorkspaceClient(
                new com.databricks.sdk.core.DatabricksConfig().setHost(f.fake.host()).setToken(f.fake.adminToken())
                        .setAuthType("pat").setDisableRetries(true));
        String scimId = f.fake.snapshot().principals().stream().filter(p -> p.applicationId().equals(sp))
                .findFirst().orElseThrow().id();
        admin.servicePrincipals().patch(new com.databricks.sdk.service.iam.PartialUpdate().setId(scimId)
                .setSchemas(List.of(com.databricks.sdk.service.iam.PatchSchema.URN_IETF_PARAMS_SCIM_API_MESSAGES_2_0_PATCH_OP))
                .setOperations(List.of(new com.databricks.sdk.service.iam.Patch()
                        .setOp(com.databricks.sdk.service.iam.PatchOp.REMOVE)
                        .setPath("entitlements[value eq \"databricks-sql-access\"]"))));

        dev.lakesetup.core.drift.DriftReport report = recipe().validateWith(vault.get(0)).build()
                .verify(f.lakesetup(f.workspace.restExecutor()), f.workspace,
                        dev.lakesetup.core.drift.VerifyOptions.defaults(), FAKE_OPTIONS);

        assertThat(report.drift()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(dev.lakesetup.core.drift.DriftStatus.CHANGED);
            assertThat(item.what()).isEqualTo("service principal named:" + NAME + ": entitlements");
            assertThat(item.before()).contains("[workspace-access]");
            assertThat(item.after()).contains("[databricks-sql-access, workspace-access]");
            assertThat(item.reason()).contains("missing databricks-sql-access");
        });
        assertThat(report.items()).filteredOn(item -> item.kind().equals("validation")).isNotEmpty();
    }
}
