package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.PrincipalLookup;
import dev.lakesetup.core.plan.PrincipalNotFoundException;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.FaultResponse;
import dev.lakesetup.testkit.RequestStats;
import org.junit.jupiter.api.Test;

/** Planning through the REST executor looks every named principal up in SCIM and fails on the missing ones. */
class PrincipalLookupTest {
    private static final String GHOST_APP = "9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f";
    private static final String SP_LOOKUP = "GET /api/2.0/preview/scim/v2/ServicePrincipals";
    private static final String USER_LOOKUP = "GET /api/2.0/preview/scim/v2/Users";
    private static final String GROUP_LOOKUP = "GET /api/2.0/preview/scim/v2/Groups";

    private static Blueprint grantsTo(Principal... principals) {
        Blueprint.Builder blueprint = Blueprint.builder();
        for (Principal principal : principals) {
            blueprint.grant(Grant.on(Securable.catalog("sales")).to(principal).privileges(USE_CATALOG));
            blueprint.grant(Grant.on(Securable.schema("sales", "s")).to(principal).privileges(SELECT));
        }
        return blueprint.build();
    }

    @Test
    void plan_whenGranteesDoNotExist_failsNamingEachAndTheScimQueries_beforeAnyChange() {
        try (FakeFixture f = FakeFixture.start()) {
            f.fake.seedCatalog("sales").seedSchema("sales.s");
            Lakesetup lakesetup = f.lakesetup(f.restOnly.restExecutor());
            f.fake.resetRequests();

            PrincipalNotFoundException e = catchThrowableOfType(PrincipalNotFoundException.class,
                    () -> lakesetup.plan(grantsTo(Principal.group("analysts"),
                            Principal.servicePrincipal(ApplicationId.of(GHOST_APP)), Principal.user("bo@example.com"),
                            Principal.group("ghosts"))));

            assertThat(e).isNotNull();
            assertThat(e.missing()).extracting(PrincipalLookup::principal).containsExactly(
                    Principal.servicePrincipal(ApplicationId.of(GHOST_APP)), Principal.user("bo@example.com"),
                    Principal.group("ghosts"));
            assertThat(e.getMessage())
                    .contains("service principal " + GHOST_APP + " not found (no match in workspace SCIM: GET "
                            + "/api/2.0/preview/scim/v2/ServicePrincipals?filter=applicationId eq \"" + GHOST_APP
                            + "\", then GET /api/2.0/accounts/{account_id}/scim/v2/ServicePrincipals")
                    .contains("user bo@example.com not found (no match in workspace SCIM: GET "
                            + "/api/2.0/preview/scim/v2/Users?filter=userName eq \"bo@example.com\"")
                    .contains("group ghosts not found (no match in workspace SCIM: GET "
                            + "/api/2.0/preview/scim/v2/Groups?filter=displayName eq \"ghosts\"");
            RequestStats requests = f.fake.requests();
            assertThat(requests.count(SP_LOOKUP) + requests.count(USER_LOOKUP) + requests.count(GROUP_LOOKUP))
                    .as("one workspace look-up per distinct principal: %s", requests.perEndpoint()).isEqualTo(4);
            assertThat(requests.perEndpoint().keySet())
                    .noneMatch(k -> k.startsWith("POST") || k.startsWith("PATCH") || k.startsWith("PUT"));
        }
    }

    @Test
    void plan_whenGranteesExist_looksEachUpOnce_andRemembersThemForTheNextPlan() {
        try (FakeFixture f = FakeFixture.start(FakeWorkspace.builder().user("ana@example.com"))) {
            f.fake.seedCatalog("sales").seedSchema("sales.s");
            String reader = f.fake.seedServicePrincipal("reader").applicationId();
            Lakesetup lakesetup = f.lakesetup(f.restOnly.restExecutor());
            Blueprint blueprint = grantsTo(Principal.group("analysts"), Principal.user("ANA@example.com"),
                    Principal.servicePrincipal(ApplicationId.of(reader)), Principal.group("account users"));
            f.fake.resetRequests();

            assertThat(lakesetup.plan(blueprint).actionableChanges()).hasSize(2);
            RequestStats first = f.fake.requests();
            f.fake.resetRequests();
            lakesetup.plan(blueprint);
            RequestStats second = f.fake.requests();

            assertThat(first.count(SP_LOOKUP)).isEqualTo(1);
            assertThat(first.count(USER_LOOKUP)).isEqualTo(1);
            assertThat(first.count(GROUP_LOOKUP)).as("account users is built in").isEqualTo(1);
            assertThat(second.count(SP_LOOKUP) + second.count(USER_LOOKUP) + second.count(GROUP_LOOKUP)).isZero();
        }
    }

    @Test
    void plan_whenScimIgnoresTheFilter_countsOnlyThePrincipalAskedFor() {
        try (FakeFixture f = FakeFixture.start(FakeWorkspace.builder().user("ana@example.com"))) {
            f.fake.seedCatalog("sales").seedSchema("sales.s");
            String other = f.fake.seedServicePrincipal("other").applicationId();
            // a service (or a proxy) that answers every look-up with the first principals it has
            f.fake.faults().on("GET", "/api/2.0/preview/scim/v2/Users").always().respond(FaultResponse.raw(200,
                    "application/json", "{\"totalResults\":1,\"Resources\":[{\"id\":\"7\","
                            + "\"userName\":\"ana@example.com\"}]}"));
            f.fake.faults().on("GET", "/api/2.0/preview/scim/v2/ServicePrincipals").always().respond(
                    FaultResponse.raw(200, "application/json", "{\"totalResults\":1,\"Resources\":"
                            + "[{\"id\":\"8\",\"applicationId\":\"" + other + "\"}]}"));
            Lakesetup lakesetup = f.lakesetup(f.restOnly.restExecutor());

            PrincipalNotFoundException e = catchThrowableOfType(PrincipalNotFoundException.class,
                    () -> lakesetup.plan(grantsTo(Principal.user("bo@example.com"),
                            Principal.servicePrincipal(ApplicationId.of(GHOST_APP)))));

            assertThat(e).as("the look-ups must not take another principal for the one asked for").isNotNull();
            assertThat(e.missing()).extracting(PrincipalLookup::principal).containsExactly(
                    Principal.user("bo@example.com"), Principal.servicePrincipal(ApplicationId.of(GHOST_APP)));
        }
    }

    @Test
    void plan_whenTheCallerMayNotListPrincipals_leavesThemUnchecked() {
        try (FakeFixture f = FakeFixture.start()) {
            f.fake.seedCatalog("sales").seedSchema("sales.s");
            f.fake.faults().on("GET", "/api/2.0/preview/scim/v2/Groups").always().respond(
                    dev.lakesetup.testkit.FaultResponse.status(403).errorCode("PERMISSION_DENIED"));
            Lakesetup lakesetup = f.lakesetup(f.restOnly.restExecutor());

            assertThat(lakesetup.plan(grantsTo(Principal.group("ghosts"))).actionableChanges()).hasSize(2);
        }
    }
}
