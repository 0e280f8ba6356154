package dev.lakesetup.databricks;

import static dev.lakesetup.databricks.RecipeTestRuns.FAKE_OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.OAuthCredentials;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IP access list note of the guides: given the vendor's published ranges, a recipe's validation report says
 * whether the workspace's IP access lists would block any of them, and nothing in the lists changes.
 */
class VendorIpRangesTest extends OnFakeWorkspace {
    private static final String CHECK = "IP access lists admit the vendor's 2 published ranges";

    private final List<OAuthCredentials> vault = new ArrayList<>();

    private ValidationCheck check() {
        return ProfilesSyncSetup.builder().servicePrincipalNamed("segment-profiles-sync")
                .warehouse(FakeFixture.WAREHOUSE).catalog("segment_profiles").secretSink(vault::add)
                .vendorIpRanges("52.25.130.38/32", "34.223.203.0/28").build()
                .run(f.lakesetup(f.workspace.restExecutor()), f.workspace, FAKE_OPTIONS)
                .validation().orElseThrow().check(CHECK);
    }

    @Test
    void run_whenTheFeatureIsOff_passesWhateverTheListsSay() {
        f.fake.network().seedIpAccessList("office", "ALLOW", true, "203.0.113.0/24");

        assertThat(check().isPassed()).isTrue();
    }

    @Test
    void run_whenAllowListsCoverTheRangesTogether_passes() {
        f.fake.network().enableIpAccessLists(true).seedIpAccessList("office", "ALLOW", true, "203.0.113.0/24")
                .seedIpAccessList("vendor-a", "ALLOW", true, "52.25.130.38", "34.223.203.0/29")
                .seedIpAccessList("vendor-b", "ALLOW", true, "34.223.203.8/29");

        ValidationCheck check = check();

        assertThat(check.isPassed()).as(check.render()).isTrue();
        assertThat(check.rows()).isEqualTo(3);
    }

    @Test
    void run_whenAnAllowListLeavesARangeOut_failsNamingIt() {
        f.fake.network().enableIpAccessLists(true).seedIpAccessList("office", "ALLOW", true, "203.0.113.0/24",
                "52.25.130.38/32");

        ValidationCheck check = check();

        assertThat(check.status()).isEqualTo(ValidationCheck.Status.FAILED);
        assertThat(check.message()).contains("34.223.203.0/28 (not inside the enabled ALLOW lists)")
                .doesNotContain("52.25.130.38/32 (");
    }

    @Test
    void run_whenABlockListOverlapsARange_failsEvenIfAllowed() {
        f.fake.network().enableIpAccessLists(true).seedIpAccessList("all", "ALLOW", true, "0.0.0.0/0")
                .seedIpAccessList("bad", "BLOCK", true, "34.223.203.5");

        ValidationCheck check = check();

        assertThat(check.status()).isEqualTo(ValidationCheck.Status.FAILED);
        assertThat(check.message()).contains("34.223.203.0/28 (in a BLOCK list: 34.223.203.5)");
    }

    @Test
    void run_whenTheOnlyListsAreDisabled_passes() {
        f.fake.network().enableIpAccessLists(true).seedIpAccessList("old", "ALLOW", false, "203.0.113.0/24")
                .seedIpAccessList("old-block", "BLOCK", false, "52.25.130.0/24");

        assertThat(check().isPassed()).isTrue();
    }

    @Test
    void dataGraph_withVendorIpRanges_addsTheCheckToItsValidation() {
        f.fake.network().enableIpAccessLists(true).seedIpAccessList("bad", "BLOCK", true, "52.25.130.38");
        f.fake.seedTable("segment_profiles.profiles.identities", List.of("id INT"), List.of(List.of(1)));

        SetupResult result = DataGraphSetup.builder().servicePrincipalNamed("segment-data-graph")
                .warehouse(FakeFixture.WAREHOUSE).profilesSyncCatalog("segment_profiles").secretSink(vault::add)
                .vendorIpRanges("52.25.130.38/32", "34.223.203.0/28").build()
                .run(f.lakesetup(f.workspace.restExecutor()), f.workspace, FAKE_OPTIONS);

        ValidationCheck check = result.validation().orElseThrow().check(CHECK);
        assertThat(check.status()).isEqualTo(ValidationCheck.Status.FAILED);
        assertThat(check.message()).contains("52.25.130.38/32 (in a BLOCK list: 52.25.130.38)");
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void adminChecks_withVendorIpRanges_checksTheListsAsTheAdmin() {
        f.fake.network().enableIpAccessLists(true).seedIpAccessList("vendor", "ALLOW", true, "52.25.130.0/24",
                "34.223.203.0/24");

        ValidationReport report = AdminChecks.builder()
                .principal(dev.lakesetup.core.model.ApplicationId.of("6f2a1c3e-0b4d-4e5f-8a9b-7c6d5e4f3a2b"))
                .workspace(f.workspace).vendorIpRanges("52.25.130.38/32", "34.223.203.0/28").build().validate();

        assertThat(report.check(CHECK).isPassed()).as(report.render()).isTrue();
    }

    @Test
    void run_withoutVendorRanges_readsNoListsAndAddsNoCheck() {
        f.fake.network().enableIpAccessLists(true).seedIpAccessList("office", "ALLOW", true, "203.0.113.0/24");

        SetupResult result = ProfilesSyncSetup.builder().servicePrincipalNamed("p").warehouse(FakeFixture.WAREHOUSE)
                .catalog("c").secretSink(vault::add).build()
                .run(f.lakesetup(f.workspace.restExecutor()), f.workspace, FAKE_OPTIONS);

        assertThat(result.validation().orElseThrow().checks()).extracting(ValidationCheck::name)
                .noneMatch(name -> name.startsWith("IP access lists"));
        assertThat(f.fake.requests().toString()).doesNotContain("ip-access-lists", "workspace-conf");
    }
}
