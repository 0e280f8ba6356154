package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.testkit.FakeWorkspace;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Validation over the statement execution API polls on the call policy's clock and sleeper and takes permits of its
 * rate limiter: the one given, or the admin workspace's.
 */
class ValidationCallPolicyTest {
    private static final String WH = "5f8e2b9c1d4a7e63";

    private final FakeWorkspace fake = FakeWorkspace.builder().warehouse(WH, "Starter").build().start();
    private final FakeWorkspace.SeededPrincipal principal = fake.seedAdminServicePrincipal("checker");
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        fake.close();
    }

    private PrincipalValidator.Builder validator() {
        fake.seedCatalog("policy").seedSchema("policy.sales");
        return PrincipalValidator.builder().host(fake.host()).warehouseId(WH).plainHttpForTesting()
                .credentials(new OAuthCredentials(ApplicationId.of(principal.applicationId()),
                        Secret.of(principal.secret())))
                .transport(ValidationTransport.STATEMENT_API).showSchemasIn(CatalogName.of("policy"));
    }

    @Test
    void validate_withCallPolicy_pollsAPendingStatementOnItsClockAndSleeper() {
        fake.faults().statementsPendingFor(3);

        ValidationReport report = validator().callPolicy(CallPolicy.builder().clock(time).sleeper(time).build())
                .build().validate();

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(time.nonZeroSleeps()).as("the polls' pauses").hasSizeGreaterThanOrEqualTo(3);
        assertThat(time.elapsed()).isPositive();
    }

    @Test
    void validate_withAdminWorkspaceAndNoPolicy_pollsOnTheWorkspacesClockAndSleeper() {
        DatabricksWorkspace admin = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting()
                .pat(fake.adminToken()).callPolicy(CallPolicy.builder().clock(time).sleeper(time).build()).build();
        fake.faults().statementsPendingFor(3);

        ValidationReport report = validator().adminWorkspace(admin).build().validate();

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(time.nonZeroSleeps()).as("the polls' pauses").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void validate_withCallPolicy_takesPermitsOfItsRateLimiter() {
        CallPolicy slow = CallPolicy.builder().rateLimitPerSecond(1).clock(time).sleeper(time).build();

        ValidationReport report = validator().callPolicy(slow).build().validate();

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(time.nonZeroSleeps()).as("waits for a permit of one per second")
                .anySatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofMillis(500)));
    }

    @Test
    void validate_overJdbc_takesOnePermitPerStatementOfTheGivenLimiter() {
        fake.seedCatalog("policy_more").seedSchema("policy_more.sales");
        CallPolicy slow = CallPolicy.builder().rateLimitPerSecond(1).clock(time).sleeper(time).build();

        ValidationReport report = validator().transport(ValidationTransport.JDBC)
                .showSchemasIn(CatalogName.of("policy_more")).callPolicy(slow).build().validate();

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(time.nonZeroSleeps()).as("the second statement waits for the first one's permit to age")
                .hasSize(1).allSatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofMillis(500)));
    }

    @AfterAll
    static void clearDriverTestMode() {
        System.clearProperty("isFakeServiceTest");
    }
}
