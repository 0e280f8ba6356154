package dev.lakesetup.databricks.reliability;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.testkit.FaultResponse;
import dev.lakesetup.testkit.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The service throttles: lakesetup waits as asked (within its caps), on virtual time, and gives up on a budget. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ThrottlingTest {
    private static final Blueprint CATALOG = Blueprint.builder()
            .resource(Catalog.named("sales").comment("orders"))
            .resource(Schema.named("sales", "raw"))
            .grant(Grant.on(Securable.catalog("sales")).to(Principal.group("analysts")).privileges(USE_CATALOG))
            .build();

    @Test
    void apply_when429WithoutRetryAfter_backsOffWithJitterAndSucceeds() {
        try (Rig rig = Rig.withPat()) {
            rig.fake.faults().on("POST", Rig.CATALOGS).times(3).respond(FaultResponse.status(429));

            ApplyReport report = rig.apply(CATALOG);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(Rig.outcomeOf(report, "catalog sales").attempts()).isEqualTo(4);
            List<Duration> waits = rig.time.waits();
            RetryPolicy policy = RetryPolicy.defaults();
            assertThat(waits).hasSize(3);
            for (int i = 0; i < waits.size(); i++) {
                double base = policy.initialBackoff().toMillis() * Math.pow(policy.multiplier(), i);
                assertThat(waits.get(i).toMillis()).as("wait %d", i + 1)
                        .isBetween(Math.round(base * (1 - policy.jitter())), Math.round(base * (1 + policy.jitter())));
            }
            assertThat(rig.time.elapsed()).isLessThan(Duration.ofSeconds(5));
            assertThat(rig.fake.snapshot().catalogs()).contains("sales");
        }
    }

    @Test
    void apply_whenRetryAfterSeconds_waitsAtLeastThatLong() {
        try (Rig rig = Rig.withPat()) {
            rig.fake.faults().on("POST", Rig.CATALOGS).times(1)
                    .respond(FaultResponse.status(429).retryAfter("7").errorCode("REQUEST_LIMIT_EXCEEDED"));

            ApplyReport report = rig.apply(CATALOG);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rig.time.waits()).containsExactly(Duration.ofSeconds(7));
            assertThat(Rig.outcomeOf(report, "catalog sales").attempts()).isEqualTo(2);
        }
    }

    @Test
    void apply_whenRetryAfterIsPastHttpDate_retriesWithoutWaiting() {
        try (Rig rig = Rig.withPat()) {
            FaultRule rule = rig.fake.faults().on("POST", Rig.CATALOGS).times(1)
                    .respond(FaultResponse.status(429).retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));

            ApplyReport report = rig.apply(CATALOG);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rule.hits()).isEqualTo(1);
            assertThat(Rig.outcomeOf(report, "catalog sales").attempts()).isEqualTo(2);
            assertThat(rig.time.longestWait()).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void apply_whenRetryAfterIsADay_waitsOnlyTheCap() {
        try (Rig rig = Rig.withPat()) {
            rig.fake.faults().on("POST", Rig.CATALOGS).times(1).respond(FaultResponse.status(429).retryAfter("86400"));

            ApplyReport report = rig.apply(CATALOG);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rig.time.waits()).containsExactly(RetryPolicy.defaults().maxRetryAfter());
        }
    }

    @Test
    void apply_when429StormOutlastsBudget_failsThatChangeByNameAndSkipsItsDependents() {
        try (Rig rig = Rig.withPat()) {
            rig.fake.faults().on("POST", Rig.CATALOGS).always().respond(FaultResponse.status(429).retryAfter("30"));

            ApplyReport report = rig.apply(CATALOG);

            ChangeOutcome catalog = Rig.outcomeOf(report, "catalog sales");
            assertThat(catalog.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(catalog.attempts()).isEqualTo(RetryPolicy.defaults().maxAttempts());
            assertThat(catalog.reason()).contains("THROTTLED").contains("429").contains("sales");
            assertThat(Rig.outcomeOf(report, "schema sales.raw").outcome()).isEqualTo(Outcome.SKIPPED);
            int retries = RetryPolicy.defaults().maxAttempts() - 1;
            // the Retry-After waits, plus the rate limit's 0.1 ms between calls
            assertThat(rig.time.elapsed()).isBetween(Duration.ofSeconds(30L * retries),
                    Duration.ofSeconds(30L * retries).plusMillis(10));
            assertThat(rig.fake.snapshot().catalogs()).doesNotContain("sales");
        }
    }

    @Test
    void apply_whenTokenBucketLimitComesAs400_retriesItAsThrottled() {
        try (Rig rig = Rig.withPat()) {
            rig.fake.faults().on("PATCH", Rig.PERMISSIONS).times(2).respond(FaultResponse.status(400)
                    .message("RPC token bucket limit has been exceeded"));

            ApplyReport report = rig.apply(CATALOG);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(Rig.outcomeOf(report, "grants on catalog sales").attempts()).isEqualTo(3);
            assertThat(rig.fake.snapshot().grantsOn("catalog", "sales").get("analysts")).contains("USE_CATALOG");
        }
    }

    @Test
    void apply_whenOAuthTokenEndpointThrottledForADay_waitsOnlyTheCapOnLakesetupsClock() {
        try (Rig rig = Rig.withOAuth()) {
            rig.fake.faults().on("POST", "/oidc/v1/token").times(1).respond(FaultResponse.status(429)
                    .retryAfter("86400"));

            ApplyReport report = rig.apply(CATALOG);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rig.time.waits()).containsExactly(RetryPolicy.defaults().maxRetryAfter());
        }
    }

    @Test
    void plan_whenOAuthTokenEndpointThrottledBeyondBudget_failsAsThrottledNotAsBadCredentials() {
        try (Rig rig = Rig.withOAuth()) {
            rig.fake.faults().on("POST", "/oidc/v1/token").always().respond(FaultResponse.status(429));
            Lakesetup lakesetup = rig.lakesetup();

            Throwable failure = catchThrowable(() -> lakesetup.plan(CATALOG));

            assertThat(failure).isInstanceOf(LakesetupException.class).hasMessageContaining("OAuth token")
                    .hasMessageContaining("429").hasMessageNotContaining("invalid_client");
            assertThat(Rig.serviceCause(failure).failure()).isEqualTo(ServiceException.Failure.THROTTLED);
            // the planner's three reads (one per handler and store over REST: catalog, schema, grants) and its
            // look-up of the group run in parallel; each gets the policy's attempts, no more
            assertThat(rig.fake.requests().count("POST /oidc/v1/token"))
                    .isBetween((long) RetryPolicy.defaults().maxAttempts(), 4L * RetryPolicy.defaults().maxAttempts());
        }
    }

    @Test
    void apply_whenOAuthTokenEndpointThrottled_retriesAndDoesNotBlameCredentials() {
        try (Rig rig = Rig.withOAuth()) {
            FaultRule rule = rig.fake.faults().on("POST", "/oidc/v1/token").times(2)
                    .respond(FaultResponse.status(429).retryAfter("3"));

            ApplyReport report = rig.apply(CATALOG);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rule.hits()).isEqualTo(2);
            assertThat(rig.time.waits()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
            assertThat(report.toString()).doesNotContainIgnoringCase("invalid_client")
                    .doesNotContainIgnoringCase("credentials");
            assertThat(rig.fake.snapshot().catalogs()).contains("sales");
        }
    }
}
