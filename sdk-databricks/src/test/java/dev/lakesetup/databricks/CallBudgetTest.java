package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.RequestStats;
import org.junit.jupiter.api.Test;

/** Call budgets, measured with the fake workspace's request counters. */
class CallBudgetTest {
    private static final int CATALOGS = 6;
    /** The distinct principals the blueprint names: each is looked up once while planning. */
    private static final int PRINCIPALS = 2;
    private static final String SP_LOOKUP = "GET /api/2.0/preview/scim/v2/ServicePrincipals";
    private static final String GROUP_LOOKUP = "GET /api/2.0/preview/scim/v2/Groups";

    private static Blueprint grantsOnCatalogsAndSchemas(ServicePrincipal sp) {
        Blueprint.Builder builder = Blueprint.builder();
        for (int i = 0; i < CATALOGS; i++) {
            builder.grant(Grant.on(Securable.catalog("c" + i)).to(sp).privileges(USE_CATALOG, USE_SCHEMA, SELECT));
            builder.grant(Grant.on(Securable.catalog("c" + i)).to(Principal.group("analysts"))
                    .privileges(USE_CATALOG));
            builder.grant(Grant.on(Securable.schema("c" + i, "s")).to(sp).privileges(USE_SCHEMA));
        }
        return builder.build();
    }

    private static FakeFixture seeded() {
        FakeFixture f = FakeFixture.start(FakeWorkspace.builder());
        for (int i = 0; i < CATALOGS; i++) {
            f.fake.seedCatalog("c" + i).seedSchema("c" + i + ".s");
        }
        return f;
    }

    private static ServicePrincipal reader(FakeFixture f) {
        return Principal.servicePrincipal(ApplicationId.of(f.fake.seedServicePrincipal("reader").applicationId()));
    }

    @Test
    void apply_throughRestWithoutWarehouse_sendsOnePatchPerChangedSecurableAndOneReadPerSecurableWithoutReadBacks() {
        try (FakeFixture f = seeded()) {
            ServicePrincipal sp = reader(f);
            Lakesetup lakesetup = f.lakesetup(f.restOnly.restExecutor());
            f.fake.resetRequests();

            Plan plan = lakesetup.plan(grantsOnCatalogsAndSchemas(sp));
            RequestStats planning = f.fake.requests();
            assertThat(lakesetup.apply(plan).isSuccess()).isTrue();
            RequestStats total = f.fake.requests();

            int securables = CATALOGS * 2;
            assertThat(planning.count(FakeFixture.PERMISSIONS_GET)).isEqualTo(securables);
            assertThat(total.count(FakeFixture.PERMISSIONS_PATCH)).isEqualTo(securables);
            assertThat(total.count("GET /api/2.1/unity-catalog/current-metastore-assignment")).isEqualTo(1);
            // no read-back after apply: each PATCH answer lists the securable's grants, which confirms the change
            assertThat(total.count(FakeFixture.PERMISSIONS_GET)).isEqualTo(securables);
            // one SCIM look-up per distinct principal (the service principal and the group), while planning only
            assertThat(planning.count(SP_LOOKUP) + planning.count(GROUP_LOOKUP)).isEqualTo(PRINCIPALS);
            assertThat(total.total()).as("all requests: %s", total.perEndpoint())
                    .isLessThanOrEqualTo(2L * securables + 3 + PRINCIPALS);
        }
    }

    @Test
    void plan_throughRestWithWarehouse_readsGrantsWithAHandfulOfStatementsAndNoGets() {
        try (FakeFixture f = seeded()) {
            ServicePrincipal sp = reader(f);
            Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
            f.fake.resetRequests();

            Plan plan = lakesetup.plan(grantsOnCatalogsAndSchemas(sp));
            RequestStats planning = f.fake.requests();

            // two information_schema queries (catalogs, schemas) through the statement execution API, no session
            assertThat(planning.count(FakeFixture.STATEMENTS_POST)).isEqualTo(2);
            assertThat(planning.count(FakeFixture.PERMISSIONS_GET)).isZero();
            assertThat(planning.count(SP_LOOKUP) + planning.count(GROUP_LOOKUP)).isEqualTo(PRINCIPALS);
            assertThat(planning.total()).as("all requests: %s", planning.perEndpoint())
                    .isLessThanOrEqualTo(5 + PRINCIPALS);
            assertThat(plan.actionableChanges()).hasSize(CATALOGS * 2);
        }
    }

    @Test
    void apply_throughSql_readsGrantsWithOneQueryPerSecurableType() {
        try (FakeFixture f = seeded()) {
            ServicePrincipal sp = reader(f);
            Lakesetup lakesetup = f.lakesetup(f.sqlExecutor());
            f.fake.resetRequests();

            Plan plan = lakesetup.plan(grantsOnCatalogsAndSchemas(sp));
            RequestStats planning = f.fake.requests();

            // one session: two information_schema queries (catalogs, schemas), whatever the number of securables
            assertThat(planning.count("POST /api/2.0/sql/statements/")).isEqualTo(2);
            assertThat(planning.count("POST /api/2.0/sql/warehouses/{wh}/sessions")).isEqualTo(1);
            assertThat(planning.count(FakeFixture.PERMISSIONS_GET)).isZero();

            assertThat(lakesetup.apply(plan).isSuccess()).isTrue();
            RequestStats total = f.fake.requests();
            // one GRANT per principal and securable: 6 catalogs x 2 principals + 6 schemas
            long grants = CATALOGS * 3L;
            // plus the applier's read-back: at most one privileges query per changed securable
            assertThat(total.count("POST /api/2.0/sql/statements/")).isBetween(2 + grants, 2 + grants + CATALOGS * 2);
            assertThat(total.count(FakeFixture.PERMISSIONS_PATCH)).isZero();
        }
    }
}
