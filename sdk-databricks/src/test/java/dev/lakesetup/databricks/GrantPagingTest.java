package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.testkit.FaultResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The grants listing as the service serves it: paginated with {@code max_results=0}, possibly empty pages that
 * still carry a token, a token that must not repeat, and deleted principals listed by {@code principal_id}.
 */
class GrantPagingTest {
    private static final String PERMISSIONS = "/api/2.1/unity-catalog/permissions/catalog/sales";
    private static final String JSON = "application/json";

    private static Blueprint exclusiveSales() {
        return Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(Principal.group("analysts")).privileges(USE_CATALOG))
                .exclusive(Securable.catalog("sales")).build();
    }

    private static FakeFixture salesWithThreeGrantees() {
        FakeFixture f = FakeFixture.start(dev.lakesetup.testkit.FakeWorkspace.builder().group("analysts")
                .group("auditors").group("old-team"));
        f.fake.seedCatalog("sales").seedGrant("catalog", "sales", "analysts", "USE_CATALOG")
                .seedGrant("catalog", "sales", "auditors", "SELECT")
                .seedGrant("catalog", "sales", "old-team", "USE_CATALOG", "SELECT");
        return f;
    }

    @Test
    void plan_whenGrantsSpanSeveralPages_readsEveryPageOfThePaginatedListing() {
        try (FakeFixture f = salesWithThreeGrantees()) {
            f.fake.grantsPageSize(1);
            Lakesetup lakesetup = f.lakesetup(f.restOnly.restExecutor());
            f.fake.resetRequests();

            Plan plan = lakesetup.plan(exclusiveSales());

            assertThat(PlanFormat.TEXT.render(plan)).contains("- grants on catalog sales")
                    .contains("auditors: SELECT").contains("old-team: USE CATALOG, SELECT");
            assertThat(f.fake.requests().count(FakeFixture.PERMISSIONS_GET)).isEqualTo(3);
        }
    }

    @Test
    void plan_whenAPageIsEmptyButCarriesAToken_readsOn() {
        try (FakeFixture f = salesWithThreeGrantees()) {
            f.fake.faults().on("GET", PERMISSIONS).times(1).respond(FaultResponse.raw(200, JSON,
                    "{\"privilege_assignments\":[],\"next_page_token\":\"pa-0\"}"));
            Lakesetup lakesetup = f.lakesetup(f.restOnly.restExecutor());

            Plan plan = lakesetup.plan(exclusiveSales());

            assertThat(plan.changes()).anyMatch(c -> c.action() == Action.REVOKE);
            assertThat(PlanFormat.TEXT.render(plan)).contains("auditors: SELECT");
        }
    }

    @Test
    void plan_whenNextPageTokenRepeats_failsClearlyWithoutRetrying() {
        try (FakeFixture f = salesWithThreeGrantees()) {
            f.fake.faults().on("GET", PERMISSIONS).times(5).respond(FaultResponse.raw(200, JSON,
                    "{\"privilege_assignments\":[],\"next_page_token\":\"again\"}"));
            Lakesetup lakesetup = f.lakesetup(f.restOnly.restExecutor());
            f.fake.resetRequests();

            LakesetupException e = catchThrowableOfType(LakesetupException.class,
                    () -> lakesetup.plan(exclusiveSales()));

            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("get grants on catalog sales")
                    .contains("the grants listing did not end").contains("next_page_token");
            assertThat(f.fake.requests().count(FakeFixture.PERMISSIONS_GET)).isEqualTo(2);
        }
    }

    @Test
    void plan_whenAGranteeWasDeleted_revokesItsGrantByIdOnAnExclusiveSecurable() {
        try (FakeFixture f = salesWithThreeGrantees()) {
            String id = f.fake.deletePrincipalKeepingGrants("old-team");
            Lakesetup lakesetup = f.lakesetup(f.restOnly.restExecutor());

            Plan plan = lakesetup.plan(exclusiveSales());

            assertThat(PlanFormat.TEXT.render(plan)).contains("deleted principal " + id + ": USE CATALOG, SELECT");
            assertThat(PlanFormat.SQL.render(plan)).contains("from principal_id " + id)
                    .doesNotContain("`deleted principal");
            assertThat(lakesetup.apply(plan, ApplyOptions.defaults().withRevokesAllowed()).isSuccess()).isTrue();
            assertThat(f.fake.snapshot().grantsOn("catalog", "sales"))
                    .isEqualTo(Map.of("analysts", Set.of("USE_CATALOG")));
            assertThat(lakesetup.plan(exclusiveSales()).isEmpty()).isTrue();
        }
    }

    @Test
    void plan_whenAGranteeWasDeletedAndTheSecurableIsNotExclusive_leavesItsGrant() {
        try (FakeFixture f = salesWithThreeGrantees()) {
            f.fake.deletePrincipalKeepingGrants("old-team");
            Lakesetup lakesetup = f.lakesetup(f.restOnly.restExecutor());

            Plan plan = lakesetup.plan(Blueprint.builder().grant(Grant.on(Securable.catalog("sales"))
                    .to(Principal.group("analysts")).privileges(USE_CATALOG, SELECT)).build());

            assertThat(plan.changes()).noneMatch(c -> c.action() == Action.REVOKE);
        }
    }
}
