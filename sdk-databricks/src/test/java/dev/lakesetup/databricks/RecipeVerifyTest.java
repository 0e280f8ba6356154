package dev.lakesetup.databricks;

import static dev.lakesetup.databricks.RecipeTestRuns.FAKE_OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.service.catalog.Privilege;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.drift.DriftItem;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.DriftStatus;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.render.DriftFormat;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The recipes' verify against the fake workspace: drift after setup, reads only, and a read-only identity. */
class RecipeVerifyTest extends OnFakeWorkspace {
    private static final String NAME = DatabricksDestinationSetup.DEFAULT_DISPLAY_NAME;
    private static final String CATALOG = "segment_events";

    private final List<OAuthCredentials> vault = new ArrayList<>();

    private DatabricksDestinationSetup.Builder recipe() {
        return DatabricksDestinationSetup.builder().servicePrincipalNamed(NAME).warehouse(FakeFixture.WAREHOUSE)
                .catalog(CATALOG).secretSink(vault::add);
    }

    private Lakesetup lakesetup() {
        return f.lakesetup(f.workspace.restExecutor());
    }

    private String setUp(DatabricksDestinationSetup setup) {
        assertThat(setup.run(lakesetup(), f.workspace, FAKE_OPTIONS).succeeded()).isTrue();
        return RecipeTestRuns.appId(f.fake.snapshot(), NAME);
    }

    @Test
    void verify_rightAfterSetup_isCleanAndSendsOnlyReads() {
        DatabricksDestinationSetup setup = recipe().build();
        setUp(setup);
        WorkspaceSnapshot before = f.fake.snapshot();
        int statements = f.fake.statementsRun().size();
        f.fake.resetRequests();

        DriftReport report = setup.verify(lakesetup(), f.workspace);

        assertThat(report.isClean()).as(DriftFormat.TEXT.render(report)).isTrue();
        assertThat(report.isComplete()).isTrue();
        assertThat(report.items()).extracting(DriftItem::kind)
                .contains("service_principal", "oauth_secret", "warehouse_permission", "catalog", "grants");
        assertThat(f.fake.requests().perEndpoint().keySet())
                .allMatch(endpoint -> endpoint.startsWith("GET ") || endpoint.equals(FakeFixture.STATEMENTS_POST));
        List<String> sent = f.fake.statementsRun();
        assertThat(sent.subList(statements, sent.size())).isNotEmpty().allMatch(sql -> sql.strip()
                .toUpperCase(Locale.ROOT).matches("(?s)(SELECT|SHOW|DESCRIBE)\\b.*"));
        assertThat(f.fake.snapshot()).isEqualTo(before);
    }

    @Test
    void verify_sendsNoMoreRequestsThanAPlan() {
        DatabricksDestinationSetup setup = recipe().build();
        setUp(setup);
        f.fake.resetRequests();
        setup.plan(lakesetup(), f.workspace);
        long plan = f.fake.requests().total();
        f.fake.resetRequests();

        setup.verify(lakesetup(), f.workspace);

        assertThat(f.fake.requests().total()).isLessThanOrEqualTo(plan);
    }

    @Test
    void verify_withCredentials_validatesAsThePrincipalAndReportsEachCheck() {
        DatabricksDestinationSetup setup = recipe().build();
        setUp(setup);
        WorkspaceSnapshot before = f.fake.snapshot();

        DriftReport report = setup.verify(lakesetup(), f.workspace,
                VerifyOptions.defaults().validateWith(vault.get(0)), FAKE_OPTIONS);

        assertThat(report.items()).filteredOn(item -> item.kind().equals("validation"))
                .isNotEmpty().allMatch(item -> item.status() == DriftStatus.OK)
                .anyMatch(item -> item.what().endsWith("SHOW SCHEMAS IN " + CATALOG));
        assertThat(report.isClean()).isTrue();
        assertThat(f.fake.snapshot()).isEqualTo(before);
        assertThat(DriftFormat.JSON.render(report)).doesNotContain(vault.get(0).secret().reveal());
    }

    @Test
    void verify_afterAnAdminRevokedThePrivileges_reportsThemMissingAndTheValidationFailing() {
        String sp = setUp(recipe().build());
        RecipeTestRuns.revoke(f, "catalog", CATALOG, sp, Privilege.ALL_PRIVILEGES);

        DriftReport report = recipe().validateWith(vault.get(0)).build().verify(lakesetup(), f.workspace,
                VerifyOptions.defaults(), FAKE_OPTIONS);

        assertThat(report.isClean()).isFalse();
        assertThat(report.itemsWith(DriftStatus.MISSING)).containsExactly(DriftItem.missing("grants",
                "grants on catalog " + CATALOG + " to " + sp, "ALL PRIVILEGES", "declared but not held"));
        assertThat(report.itemsWith(DriftStatus.FAILED)).isNotEmpty()
                .allMatch(item -> item.kind().equals("validation"));
    }

    @Test
    void verify_whenThePrincipalWasDeleted_reportsItAndWhatHungOnItMissing() {
        DatabricksDestinationSetup setup = recipe().build();
        String sp = setUp(setup);
        f.fake.deletePrincipalKeepingGrants(sp);

        DriftReport report = setup.verify(lakesetup(), f.workspace);

        assertThat(report.itemsWith(DriftStatus.MISSING)).extracting(DriftItem::kind)
                .contains("service_principal", "oauth_secret", "warehouse_permission", "grants");
        assertThat(report.itemsWith(DriftStatus.MISSING)).filteredOn(item -> item.kind().equals("service_principal"))
                .singleElement().satisfies(item -> assertThat(item.reason()).hasValueSatisfying(reason ->
                        assertThat(reason).contains("workspace assignment is gone")));
    }

    @Test
    void verify_asAReadOnlyIdentity_skipsWhatItMayNotReadWithTheNeededPermission() {
        DatabricksDestinationSetup setup = recipe().build();
        setUp(setup);
        FakeWorkspace.SeededPrincipal auditor = f.fake.seedServicePrincipal("auditor");
        f.fake.seedGrant("catalog", CATALOG, auditor.applicationId(), "USE_CATALOG");
        DatabricksWorkspace readOnly = DatabricksWorkspace.builder().host(f.fake.host()).plainHttpForTesting()
                .oauthM2m(auditor.applicationId(), auditor.secret()).httpTimeout(Duration.ofSeconds(20)).build();
        WorkspaceSnapshot before = f.fake.snapshot();

        DriftReport report = setup.verify(f.lakesetup(readOnly.restExecutor()), readOnly);

        assertThat(report.isClean()).as(DriftFormat.TEXT.render(report)).isTrue();
        assertThat(report.isComplete()).isFalse();
        assertThat(report.itemsWith(DriftStatus.SKIPPED)).extracting(DriftItem::kind)
                .contains("service_principal", "warehouse_permission");
        assertThat(report.itemsWith(DriftStatus.SKIPPED)).allSatisfy(item -> assertThat(item.reason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("needs ")));
        assertThat(report.items()).filteredOn(item -> item.kind().equals("catalog"))
                .extracting(DriftItem::status).containsExactly(DriftStatus.OK);
        assertThat(f.fake.snapshot()).isEqualTo(before);
    }

    @Test
    void verify_withVendorRanges_checksTheIpAccessListsAndSkipsThemForAReadOnlyIdentity() {
        f.fake.network().enableIpAccessLists(true).seedIpAccessList("vendors", "ALLOW", true, "192.0.2.0/24");
        DatabricksDestinationSetup setup = recipe().vendorIpRanges("192.0.2.0/28").build();
        setUp(setup);
        FakeWorkspace.SeededPrincipal auditor = f.fake.seedServicePrincipal("auditor");
        DatabricksWorkspace readOnly = DatabricksWorkspace.builder().host(f.fake.host()).plainHttpForTesting()
                .oauthM2m(auditor.applicationId(), auditor.secret()).httpTimeout(Duration.ofSeconds(20)).build();

        DriftReport asAdmin = setup.verify(lakesetup(), f.workspace);
        DriftReport asAuditor = setup.verify(f.lakesetup(readOnly.restExecutor()), readOnly);

        assertThat(asAdmin.items()).filteredOn(item -> item.kind().equals("validation")).singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo(DriftStatus.OK));
        assertThat(asAuditor.items()).filteredOn(item -> item.kind().equals("validation")).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(DriftStatus.SKIPPED);
                    assertThat(item.reason().orElseThrow()).contains("needs a workspace admin");
                });
    }
}
