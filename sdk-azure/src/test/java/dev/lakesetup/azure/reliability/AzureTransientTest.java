package dev.lakesetup.azure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.testkit.FaultResponse;
import dev.lakesetup.testkit.FaultRule;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Throttling and temporary failures on Microsoft Graph, Resource Manager and ADLS: waits as asked within the cap
 * (on virtual time), retries to the declared end state, and reconciles a create whose answer was lost.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AzureTransientTest {

    @Test
    void apply_whenRoleAssignmentThrottledWithRetryAfter_waitsThatLong() {
        try (AzureRig rig = new AzureRig()) {
            rig.azure.faults().on("PUT", AzureRig.ROLE_ASSIGNMENT).times(1)
                    .respond(FaultResponse.status(429).retryAfter("7"));

            ApplyReport report = rig.apply();

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rig.time.waits()).containsExactly(Duration.ofSeconds(7));
            assertThat(AzureRig.outcomeOf(report, rig.assignment).attempts()).isEqualTo(2);
        }
    }

    @Test
    void apply_whenRetryAfterIsAnHttpDate_waitsUntilThen() {
        try (AzureRig rig = new AzureRig()) {
            String inTwentySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
            rig.azure.faults().on("PUT", AzureRig.ROLE_ASSIGNMENT).times(1)
                    .respond(FaultResponse.status(429).retryAfter(inTwentySeconds));

            ApplyReport report = rig.apply();

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rig.time.longestWait()).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
        }
    }

    @Test
    void apply_whenRetryAfterIsADay_waitsOnlyTheCap() {
        try (AzureRig rig = new AzureRig()) {
            rig.azure.faults().on("PUT", AzureRig.ROLE_ASSIGNMENT).times(1)
                    .respond(FaultResponse.status(429).retryAfter("86400"));

            ApplyReport report = rig.apply();

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rig.time.waits()).containsExactly(RetryPolicy.defaults().maxRetryAfter());
        }
    }

    @Test
    void apply_whenThrottlingOutlastsBudget_failsTheAssignmentAndChangesNothingElse() {
        try (AzureRig rig = new AzureRig()) {
            rig.azure.faults().on("PUT", AzureRig.ROLE_ASSIGNMENT).always().respond(FaultResponse.status(429));

            ApplyReport report = rig.apply();

            ChangeOutcome assignment = AzureRig.outcomeOf(report, rig.assignment);
            assertThat(assignment.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(assignment.attempts()).isEqualTo(RetryPolicy.defaults().maxAttempts());
            assertThat(assignment.reason()).contains("THROTTLED").contains("429");
            assertThat(rig.azure.snapshot().roleAssignments()).isEmpty();
        }
    }

    @Test
    void apply_whenGraphAnswers503Twice_createsThePrincipalOnce() {
        try (AzureRig rig = new AzureRig()) {
            FaultRule rule = rig.azure.faults().on("POST", AzureRig.GRAPH_SPS).times(2).respond(FaultResponse.status(503));

            ApplyReport report = rig.apply();

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rule.hits()).isEqualTo(2);
            assertThat(AzureRig.outcomeOf(report, rig.sp).attempts()).isEqualTo(3);
            assertThat(rig.azure.snapshot().servicePrincipals()).hasSize(1);
        }
    }

    @Test
    void apply_whenConnectionResetOnRoleAssignmentAndContainer_reachesEndState() {
        try (AzureRig rig = new AzureRig()) {
            rig.azure.faults().on("PUT", AzureRig.ROLE_ASSIGNMENT).times(1).respond(FaultResponse.connectionReset());
            rig.azure.faults().on("PUT", AzureRig.CONTAINER).times(1).respond(FaultResponse.status(502).htmlBody());

            ApplyReport report = rig.apply();

            assertThat(report.isSuccess()).as(report.failures().toString()).isTrue();
            assertThat(rig.azure.snapshot().roleAssignments()).hasSize(1);
            assertThat(rig.azure.snapshot().containersOf("lake")).containsExactly("landing");
        }
    }

    @Test
    void apply_whenPrincipalCreatedButAnswerLost_adoptsItWithoutASecondCreate() {
        try (AzureRig rig = new AzureRig()) {
            rig.azure.faults().on("POST", AzureRig.GRAPH_SPS).times(1).respond(FaultResponse.resetAfterApplying());

            ApplyReport report = rig.apply();

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rig.azure.snapshot().servicePrincipals()).hasSize(1);
            assertThat(AzureRig.outcomeOf(report, rig.sp).reason()).contains("answer was lost");
            assertThat(rig.azure.snapshot().roleAssignments()).hasSize(1);
        }
    }

    @Test
    void apply_whenContainerCreatedButAnswerLost_countsItApplied() {
        try (AzureRig rig = new AzureRig()) {
            rig.azure.faults().on("PUT", AzureRig.CONTAINER).times(1).respond(FaultResponse.resetAfterApplying());

            ApplyReport report = rig.apply();

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rig.azure.snapshot().containersOf("lake")).containsExactly("landing");
        }
    }
}
