package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.CREATE_CATALOG;
import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.RequestStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST executor's bulk grant reads through the statement execution API when a warehouse is configured. */
class BulkGrantReadsTest {

    private static FakeFixture seeded() {
        FakeFixture f = FakeFixture.start(FakeWorkspace.builder());
        f.fake.seedCatalog("sales").seedSchema("sales.raw").seedSchema("sales.gold").seedCatalog("hr")
                .seedSchema("hr.people");
        f.fake.seedGrant("catalog", "sales", "analysts", "USE_CATALOG", "BROWSE")
                .seedGrant("schema", "sales.raw", "analysts", "USE_SCHEMA", "SELECT", "MODIFY")
                .seedGrant("schema", "hr.people", "analysts", "SELECT")
                .seedGrant("metastore", f.fake.metastoreId(), "analysts", "CREATE_CATALOG");
        return f;
    }

    private static Blueprint blueprint(ServicePrincipal sp) {
        return Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(Principal.group("analysts")).privileges(USE_CATALOG))
                .grant(Grant.on(Securable.catalog("sales")).to(sp).privileges(USE_CATALOG))
                .grant(Grant.on(Securable.schema("sales", "raw")).to(Principal.group("analysts"))
                        .privileges(USE_SCHEMA))
                .grant(Grant.on(Securable.schema("sales", "gold")).to(sp).privileges(USE_SCHEMA, SELECT))
                .grant(Grant.on(Securable.catalog("hr")).to(sp).privileges(USE_CATALOG))
                .grant(Grant.on(Securable.schema("hr", "people")).to(sp).privileges(SELECT))
                .grant(Grant.on(Securable.schema("hr", "missing")).to(sp).privileges(SELECT))
                .grant(Grant.on(Securable.metastore()).to(sp).privileges(CREATE_CATALOG))
                .exclusive(Securable.schema("sales", "raw"))
                .exclusive(Securable.schema("hr", "people"))
                .build();
    }

    @Test
    void plan_withAndWithoutWarehouse_givesTheSamePlan() {
        try (FakeFixture f = seeded()) {
            ServicePrincipal sp = Principal.servicePrincipal(ApplicationId.of(
                    f.fake.seedServicePrincipal("reader").applicationId()));
            Blueprint blueprint = blueprint(sp);

            Plan perObject = f.lakesetup(f.restOnly.restExecutor()).plan(blueprint);
            f.fake.resetRequests();
            Plan bulk = f.lakesetup(f.workspace.restExecutor()).plan(blueprint);
            RequestStats planning = f.fake.requests();

            assertThat(PlanFormat.TEXT.render(bulk)).isEqualTo(PlanFormat.TEXT.render(perObject));
            assertThat(bulk.changes()).isEqualTo(perObject.changes());
            assertThat(bulk.actionableChanges()).isNotEmpty();
            // the metastore is not in the privileges views, and the views would show a caller that is neither owner
            // nor admin only its own grants: the metastore and the two exclusive schemas each take one GET
            assertThat(planning.count(FakeFixture.PERMISSIONS_GET)).isEqualTo(3);
            assertThat(planning.count(FakeFixture.STATEMENTS_POST)).isEqualTo(2);
        }
    }

    @Test
    void readGrants_whenStatementFailsWithHttp200_throwsClassifiedError() {
        try (FakeFixture f = seeded()) {
            f.fake.faults().failStatement("catalog_privileges", 1, "INTERNAL_ERROR", "the warehouse went away");
            f.fake.faults().failStatement("schema_privileges", 1, "BAD_REQUEST", "[PARSE_SYNTAX_ERROR] bad");
            RestExecutor rest = f.workspace.restExecutor();
            List<Securable> catalog = List.of(Securable.catalog("sales"));
            List<Securable> schema = List.of(Securable.schema("sales", "raw"));

            assertThatThrownBy(() -> TestDispatch.readGrants(rest, catalog, f.context()))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failure())
                            .isEqualTo(ServiceException.Failure.TRANSIENT))
                    .hasMessageContaining("read catalog privileges").hasMessageContaining("went away");
            assertThatThrownBy(() -> TestDispatch.readGrants(rest, schema, f.context()))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failure())
                            .isEqualTo(ServiceException.Failure.FATAL));
            assertThat(TestDispatch.readGrants(rest, catalog, f.context()).get(Securable.catalog("sales")))
                    .singleElement().satisfies(p -> assertThat(p.privileges()).contains(USE_CATALOG));
        }
    }
}
