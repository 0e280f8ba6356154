package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.CREATE_CATALOG;
import static dev.lakesetup.core.model.Privilege.MANAGE;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.testkit.FakeWorkspace;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exclusive securables are read from a source that shows every grant: the information_schema views show a caller
 * that is neither the owner nor a metastore admin (one holding MANAGE, say) only its own grants.
 */
class ExclusiveGrantReadsTest {
    private final FakeFixture f = FakeFixture.start();
    private final Securable sales = Securable.catalog("sales");

    @AfterEach
    void close() {
        f.close();
    }

    /** A workspace connection of a service principal that holds MANAGE on sales and may use the warehouse. */
    private DatabricksWorkspace manager(FakeWorkspace.SeededPrincipal manager) {
        f.fake.seedGrant("catalog", "sales", manager.applicationId(), "USE_CATALOG", "MANAGE");
        WorkspaceClient admin = new WorkspaceClient(new DatabricksConfig().setHost(f.fake.host())
                .setToken(f.fake.adminToken()).setAuthType("pat"));
        admin.warehouses().updatePermissions(new WarehousePermissionsRequest().setWarehouseId(FakeFixture.WAREHOUSE)
                .setAccessControlList(List.of(new WarehouseAccessControlRequest()
                        .setServicePrincipalName(manager.applicationId())
                        .setPermissionLevel(WarehousePermissionLevel.CAN_USE))));
        return DatabricksWorkspace.builder().host(f.fake.host()).plainHttpForTesting().oauthM2m(manager.applicationId(), manager.secret())
                .warehouseId(FakeFixture.WAREHOUSE).httpTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void plan_asManageHolderWithWarehouse_revokesGrantsTheViewsHideFromIt() {
        f.fake.seedCatalog("sales").seedGrant("catalog", "sales", "analysts", "SELECT");
        FakeWorkspace.SeededPrincipal seeded = f.fake.seedServicePrincipal("manager");
        ServicePrincipal manager = Principal.servicePrincipal(ApplicationId.of(seeded.applicationId()));
        RestExecutor rest = manager(seeded).restExecutor();
        Blueprint blueprint = Blueprint.builder().grant(Grant.on(sales).to(manager).privileges(USE_CATALOG, MANAGE))
                .exclusive(sales).build();

        Plan plan = f.lakesetup(rest).plan(blueprint);

        GrantChange revoke = (GrantChange) plan.change(GrantChange.idOf(Action.REVOKE, sales)).orElseThrow();
        assertThat(revoke.action()).isEqualTo(Action.REVOKE);
        assertThat(revoke.privileges()).containsExactly(PrincipalPrivileges.of(Principal.group("analysts"),
                Set.of(dev.lakesetup.core.model.Privilege.SELECT)));
    }

    @Test
    void plan_whenMetastoreExclusiveOverSql_readsShowGrantsAndConverges() {
        f.fake.seedGrant("metastore", f.fake.metastoreId(), "analysts", "CREATE_CATALOG");
        ServicePrincipal sp = Principal.servicePrincipal(ApplicationId.of(
                f.fake.seedServicePrincipal("creator").applicationId()));
        Blueprint blueprint = Blueprint.builder().grant(Grant.on(Securable.metastore()).to(sp)
                .privileges(CREATE_CATALOG)).exclusive(Securable.metastore()).build();
        SqlExecutor sql = f.sqlExecutor();

        Plan plan = f.lakesetup(sql).plan(blueprint);

        GrantChange revoke = (GrantChange) plan.change(GrantChange.idOf(Action.REVOKE, Securable.metastore()))
                .orElseThrow();
        assertThat(revoke.privileges()).containsExactly(PrincipalPrivileges.of(Principal.group("analysts"),
                Set.of(CREATE_CATALOG)));
        f.lakesetup(sql).apply(plan, ApplyOptions.defaults().withRevokesAllowed());
        assertThat(f.lakesetup(sql).plan(blueprint).isEmpty()).isTrue();
        assertThat(f.fake.snapshot().grantsOn("metastore", f.fake.metastoreId())).containsOnlyKeys(
                sp.grantName());
    }
}
