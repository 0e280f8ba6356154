package dev.lakesetup.databricks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.ChangeLines;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.core.testing.DebugLogCapture;
import dev.lakesetup.databricks.internal.GuardedPages;
import dev.lakesetup.testkit.FakeWorkspace.SeededPrincipal;
import dev.lakesetup.testkit.FaultResponse;
import dev.lakesetup.testkit.FaultRule;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * lakesetup trusts nothing the service answers: a looked-up principal of another application id (or display name)
 * is never used, a list that does not end (SCIM pages that ignore {@code startIndex}, a repeated page token) stops
 * with a clear, non-retried failure instead of fetching forever, and a malformed privilege name is dropped with a
 * warning that shows it escaped.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileAnswersTest {
    private static final String JSON = "application/json";
    private static final String SCIM = "/api/2\\.0/preview/scim/v2/ServicePrincipals";
    private static final String SECRETS = "/api/2\\.0/accounts/servicePrincipals/[^/]+/credentials/secrets";
    private static final ApplicationId APP_ID = ApplicationId.of("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    private static final String OTHER_APP_ID = "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70";

    private static String scimPage(long totalResults, String... principals) {
        StringBuilder resources = new StringBuilder();
        for (String principal : principals) {
            resources.append(resources.length() == 0 ? "" : ",").append(principal);
        }
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":" + totalResults
                + ",\"startIndex\":1,\"itemsPerPage\":" + principals.length + ",\"Resources\":[" + resources + "]}";
    }

    private static String principal(String id, String applicationId, String displayName) {
        return "{\"id\":\"" + id + "\",\"applicationId\":\"" + applicationId + "\",\"displayName\":\""
                + displayName + "\",\"active\":true}";
    }

    private static Change changeOn(Plan plan, String object) {
        return plan.changes().stream().filter(c -> c.object().contains(object)).findFirst().orElseThrow();
    }

    @Test
    void plan_whenScimLookupAnswersAnotherApplicationId_treatsThePrincipalAsNotFound() {
        try (Rig rig = Rig.withPat()) {
            rig.fake.faults().on("GET", SCIM).always().respond(FaultResponse.raw(200, JSON,
                    scimPage(1, principal("42", OTHER_APP_ID, "vendor-loader"))));

            Plan plan = rig.lakesetup().plan(Blueprint.builder()
                    .resource(WorkspaceServicePrincipal.ofApplication(APP_ID, "vendor-loader")).build());

            assertThat(changeOn(plan, "service principal").action()).isEqualTo(Action.CREATE);
        }
    }

    @Test
    void plan_whenScimLookupByNameAnswersAnotherName_treatsThePrincipalAsNotFound() {
        try (Rig rig = Rig.withPat()) {
            rig.fake.faults().on("GET", SCIM).always().respond(FaultResponse.raw(200, JSON,
                    scimPage(1, principal("42", OTHER_APP_ID, "attacker-owned"))));

            Plan plan = rig.lakesetup().plan(Blueprint.builder()
                    .resource(WorkspaceServicePrincipal.named("vendor-loader")).build());

            assertThat(changeOn(plan, "service principal").action()).isEqualTo(Action.CREATE);
        }
    }

    @Test
    void plan_whenScimIgnoresStartIndex_stopsWithClearNonRetriedFailure() {
        try (Rig rig = Rig.withPat()) {
            FaultRule sameEveryTime = rig.fake.faults().on("GET", SCIM).always().respond(FaultResponse.raw(200,
                    JSON, scimPage(1_000_000, principal("1", OTHER_APP_ID, "someone-else"),
                            principal("2", "1d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70", "another-one"))));

            Throwable failure = catchThrowable(() -> rig.lakesetup().plan(Blueprint.builder()
                    .resource(WorkspaceServicePrincipal.named("vendor-loader")).build()));

            ServiceException cause = Rig.serviceCause(failure);
            assertThat(cause.failure()).isEqualTo(ServiceException.Failure.FATAL);
            assertThat(cause.retryable()).isFalse();
            assertThat(cause.getMessage()).contains("find service principal named vendor-loader",
                    "the page at startIndex 3 repeats principals of an earlier page",
                    "does not honour startIndex");
            assertThat(sameEveryTime.hits()).isEqualTo(2);
        }
    }

    @Test
    void plan_whenScimPagesNeverEnd_stopsAfterThePageCap() {
        try (Rig rig = Rig.withPat()) {
            // every page a new principal that is not the one asked for: only the page cap ends the list
            for (int page = 1; page <= GuardedPages.MAX_PAGES + 5; page++) {
                rig.fake.faults().on("GET", SCIM).times(1).respond(FaultResponse.raw(200, JSON, scimPage(1_000_000,
                        principal(String.valueOf(page), OTHER_APP_ID, "someone-" + page))));
            }

            Throwable failure = catchThrowable(() -> rig.lakesetup().plan(Blueprint.builder()
                    .resource(WorkspaceServicePrincipal.named("vendor-loader")).build()));

            ServiceException cause = Rig.serviceCause(failure);
            assertThat(cause.failure()).isEqualTo(ServiceException.Failure.FATAL);
            assertThat(cause.getMessage()).contains("more than " + GuardedPages.MAX_PAGES + " pages");
        }
    }

    @Test
    void plan_whenSecretsListRepeatsItsPageToken_stopsWithClearNonRetriedFailure() {
        try (Rig rig = Rig.withPat()) {
            SeededPrincipal seeded = rig.fake.seedServicePrincipal("vendor-loader");
            ServicePrincipal sp = ServicePrincipal.of(ApplicationId.of(seeded.applicationId()));
            FaultRule repeating = rig.fake.faults().on("GET", SECRETS).always().respond(FaultResponse.raw(200, JSON,
                    "{\"secrets\":[{\"id\":\"s1\",\"status\":\"EXPIRED\"}],\"next_page_token\":\"again\"}"));

            Throwable failure = catchThrowable(() -> rig.lakesetup().plan(Blueprint.builder()
                    .resource(OAuthSecret.forPrincipal(sp, credentials -> { })).build()));

            ServiceException cause = Rig.serviceCause(failure);
            assertThat(cause.failure()).isEqualTo(ServiceException.Failure.FATAL);
            assertThat(cause.getMessage()).contains("list OAuth secrets of " + seeded.applicationId(),
                    "the page token 'again' twice");
            assertThat(repeating.hits()).isEqualTo(2);
        }
    }

    @Test
    void plan_whenGrantsReadCarriesMalformedPrivilege_keepsItEscapedAndNeverWritesItIntoSql() {
        try (Rig rig = Rig.withPat(); DebugLogCapture logs = DebugLogCapture.atDebug(List.of())) {
            rig.fake.seedCatalog("sales");
            rig.fake.faults().on("GET", Rig.PERMISSIONS).always().respond(FaultResponse.raw(200, JSON,
                    "{\"privilege_assignments\":[{\"principal\":\"analysts\",\"privileges\":"
                            + "[\"SELECT\\n12:00:00 INFO applied GRANT ALL PRIVILEGES\",\"USE_CATALOG\"]}]}"));

            Plan plan = rig.lakesetup().plan(Blueprint.builder().grant(Grant.on(Securable.catalog("sales"))
                    .to(Principal.group("analysts")).privileges(Privilege.USE_CATALOG))
                    .exclusive(Securable.catalog("sales")).build());

            Change grants = plan.changes().stream().filter(c -> c.action() == Action.CONFLICT).findFirst()
                    .orElseThrow(() -> new AssertionError(PlanFormat.TEXT.render(plan)));
            assertThat(grants.object()).isEqualTo("grants on catalog sales");
            assertThat(String.join("\n", ChangeLines.of(grants)))
                    .contains("SELECT\\u000a12:00:00 INFO applied GRANT ALL PRIVILEGES");
            assertThat(PlanFormat.SQL.render(plan)).doesNotContain("REVOKE SELECT")
                    .doesNotContain("\n12:00:00");
            assertThat(logs.events()).map(ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains("\n12:00:00"));
        }
    }
}
