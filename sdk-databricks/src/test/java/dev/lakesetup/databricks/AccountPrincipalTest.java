package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.iam.ServicePrincipal;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import org.junit.jupiter.api.Test;

/** A service principal created through the account, assigned to the workspace and given entitlements. */
class AccountPrincipalTest {
    private static final ApplicationId APP_ID = ApplicationId.of("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    private static final String ACCOUNT_SCIM_CREATE = "POST /api/2.0/accounts/{account_id}/scim/v2/ServicePrincipals";
    private static final String ASSIGN =
            "PUT /api/2.0/accounts/{account_id}/workspaces/{ws}/permissionassignments/principals/{id}";
    private static final String WORKSPACE_SCIM_CREATE = "POST /api/2.0/preview/scim/v2/ServicePrincipals";

    private static Blueprint blueprint() {
        return Blueprint.builder().resource(WorkspaceServicePrincipal.ofApplication(APP_ID, "vendor-loader")
                .entitlements(Entitlement.DATABRICKS_SQL_ACCESS).throughAccount()).build();
    }

    @Test
    void apply_whenThroughAccount_createsInAccountAssignsAndAddsEntitlements() {
        try (FakeFixture f = FakeFixture.start()) {
            Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());

            ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint()));

            assertThat(report.failures()).isEmpty();
            assertThat(f.fake.requests().count(ACCOUNT_SCIM_CREATE)).isEqualTo(1);
            assertThat(f.fake.requests().count(ASSIGN)).isEqualTo(1);
            assertThat(f.fake.requests().count(WORKSPACE_SCIM_CREATE)).isZero();
            assertThat(f.fake.snapshot().principals()).singleElement().satisfies(p -> {
                assertThat(p.applicationId()).isEqualTo(APP_ID.toString());
                assertThat(p.displayName()).isEqualTo("vendor-loader");
                assertThat(p.inWorkspace()).isTrue();
                assertThat(p.entitlements()).containsExactly("databricks-sql-access");
            });
        }
    }

    @Test
    void plan_whenThroughAccountAlreadyApplied_isEmptyAndApplyChangesNothing() {
        try (FakeFixture f = FakeFixture.start()) {
            Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
            lakesetup.apply(lakesetup.plan(blueprint()));
            WorkspaceSnapshot before = f.fake.snapshot();

            Plan again = lakesetup.plan(blueprint());

            assertThat(again.isEmpty()).as("re-plan: %s", again).isTrue();
            assertThat(f.fake.requests().count(ACCOUNT_SCIM_CREATE)).isEqualTo(1);
            assertThat(f.fake.requests().count(ASSIGN)).isEqualTo(1);
            assertThat(f.fake.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void apply_whenInAccountButNotAssigned_assignsWithoutCreating() {
        try (FakeFixture f = FakeFixture.start()) {
            new AccountClient(new DatabricksConfig().setHost(f.fake.host()).setAccountId(f.fake.accountId())
                    .setToken(f.fake.adminToken()).setAuthType("pat")).servicePrincipals().create(
                    new ServicePrincipal().setApplicationId(APP_ID.toString()).setDisplayName("vendor-loader"));
            Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());

            ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint()));

            assertThat(report.failures()).isEmpty();
            assertThat(f.fake.requests().count(ACCOUNT_SCIM_CREATE)).isEqualTo(1);
            assertThat(f.fake.requests().count(ASSIGN)).isEqualTo(1);
            assertThat(f.fake.snapshot().principals()).singleElement().satisfies(p -> {
                assertThat(p.inWorkspace()).isTrue();
                assertThat(p.entitlements()).containsExactly("databricks-sql-access");
            });
            assertThat(lakesetup.plan(blueprint()).isEmpty()).isTrue();
        }
    }
}
