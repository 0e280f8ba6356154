package dev.lakesetup.azure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.testkit.FakeAzure;
import dev.lakesetup.testkit.FaultResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Azure objects that appear between plan and apply count as done ({@code RoleAssignmentExists},
 * {@code ContainerAlreadyExists}); malformed answers fail the change or the read with a typed error, never a crash.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AzureIdempotencyTest {

    @Test
    void apply_whenSameRoleAssignmentAppearedUnderAnotherName_countsItDone() {
        try (AzureRig rig = new AzureRig()) {
            String principalId = rig.azure.seedServicePrincipal(AzureRig.APP_ID, "vendor-app");
            rig.azure.seedContainer("lake", "landing");
            Lakesetup lakesetup = rig.lakesetup();
            Plan plan = lakesetup.plan(rig.blueprint);
            rig.azure.seedRoleAssignment(rig.azure.containerScope("lake", "landing"), principalId,
                    FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);

            ApplyReport report = lakesetup.apply(plan);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(AzureRig.outcomeOf(report, rig.assignment).outcome()).isEqualTo(Outcome.ALREADY_DONE);
            assertThat(rig.azure.snapshot().roleAssignments()).hasSize(1);
            assertThat(lakesetup.plan(rig.blueprint).isEmpty()).isTrue();
        }
    }

    @Test
    void apply_whenContainerAppearedAfterPlan_countsItDoneAndCreatesNothing() {
        try (AzureRig rig = new AzureRig()) {
            Lakesetup lakesetup = rig.lakesetup();
            Plan plan = lakesetup.plan(rig.blueprint);
            rig.azure.seedContainer("lake", "landing");

            ApplyReport report = lakesetup.apply(plan);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(AzureRig.outcomeOf(report, rig.container).outcome())
                    .isIn(Outcome.ALREADY_DONE, Outcome.APPLIED);
            assertThat(rig.azure.snapshot().containersOf("lake")).containsExactly("landing");
        }
    }

    @Test
    void apply_whenRoleAssignmentAnswerIsTruncatedJson_failsThatChangeWithTypedReason() {
        try (AzureRig rig = new AzureRig()) {
            rig.azure.faults().on("PUT", AzureRig.ROLE_ASSIGNMENT).always()
                    .respond(FaultResponse.raw(200, "application/json", "{\"id\": \"/subscriptions/"));

            ApplyReport report = rig.apply();

            ChangeOutcome assignment = AzureRig.outcomeOf(report, rig.assignment);
            assertThat(assignment.outcome()).isIn(Outcome.FAILED, Outcome.APPLIED);
            assertThat(assignment.reason()).doesNotContain("NullPointerException");
        }
    }

    @Test
    void apply_whenGraphAnswersHtmlWith200_failsThePrincipalAndSkipsTheAssignment() {
        try (AzureRig rig = new AzureRig()) {
            rig.azure.faults().on("POST", AzureRig.GRAPH_SPS).always()
                    .respond(FaultResponse.raw(200, "text/html", "<html><body>Sign in</body></html>"));

            ApplyReport report = rig.apply();

            assertThat(AzureRig.outcomeOf(report, rig.sp).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(AzureRig.outcomeOf(report, rig.assignment).outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(rig.azure.snapshot().roleAssignments()).isEmpty();
        }
    }

    @Test
    void plan_whenReadAnswerIsHtmlWith500_failsWithTypedException() {
        try (AzureRig rig = new AzureRig()) {
            rig.azure.faults().on("GET", AzureRig.GRAPH_SPS + ".*").always()
                    .respond(FaultResponse.raw(500, "text/html", "<html><body>oops</body></html>"));

            Throwable failure = catchThrowable(() -> rig.lakesetup().plan(rig.blueprint));

            assertThat(failure).isInstanceOf(LakesetupException.class);
            assertThat(failure).hasStackTraceContaining("ServiceException");
        }
    }
}
