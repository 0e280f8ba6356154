package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.testkit.FakeAzure;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class AzureExecutorTest {

    private static final String APP_ID = "0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b";

    private FakeAzure azure;
    private AzureConnection connection;
    private EntraServicePrincipal sp;
    private AdlsContainer container;
    private RoleAssignment assignment;
    private Blueprint blueprint;

    @BeforeEach
    void start() {
        azure = FakeAzure.builder().application(APP_ID, "vendor-app").storageAccount("lake", "rg-data").build()
                .start();
        TokenCredential token = request -> Mono.just(new AccessToken(azure.accessToken(),
                OffsetDateTime.now().plusHours(1)));
        connection = AzureConnection.builder().tenantId(azure.tenantId()).subscriptionId(azure.subscriptionId())
                .credential(token).resourceManagerEndpoint(azure.resourceManagerEndpoint())
                .graphEndpoint(azure.graphEndpoint()).storageEndpoint(azure::storageEndpoint)
                .storageSharedKey("lake", Secret.of(azure.storageAccountKey("lake"))).build();
        sp = EntraServicePrincipal.of(ApplicationId.of(APP_ID), "vendor-app");
        container = new AdlsContainer("lake", "rg-data", "landing");
        assignment = RoleAssignment.on(container, sp);
        blueprint = Blueprint.builder().resource(sp).resource(container).resource(assignment).build();
    }

    @AfterEach
    void stop() {
        azure.close();
    }

    private Lakesetup lakesetup(int notYetVisibleAttempts) {
        return Lakesetup.builder().executor(connection.executor()).sleeper(d -> { })
                .retryPolicy(RetryPolicy.defaults().toBuilder().notYetVisibleMaxAttempts(notYetVisibleAttempts)
                        .build()).build();
    }

    @Test
    void apply_whenNothingExists_createsAllThreeAndReplanIsEmpty() {
        Lakesetup lakesetup = lakesetup(5);

        ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint));

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(azure.snapshot().servicePrincipals()).extracting(p -> p.appId()).containsExactly(APP_ID);
        assertThat(azure.snapshot().containersOf("lake")).containsExactly("landing");
        assertThat(azure.snapshot().roleAssignments()).singleElement().satisfies(a -> {
            assertThat(a.scope()).isEqualTo(azure.containerScope("lake", "landing"));
            assertThat(a.roleDefinitionId()).isEqualTo(FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);
            assertThat(a.principalType()).isEqualTo("ServicePrincipal");
        });
        assertThat(lakesetup.plan(blueprint).isEmpty()).isTrue();
    }

    @Test
    void plan_whenAllExistUnderOtherNames_isEmpty() {
        String oid = azure.seedServicePrincipal(APP_ID, "vendor-app");
        azure.seedContainer("lake", "landing");
        azure.seedRoleAssignment(azure.containerScope("lake", "landing"), oid, FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);

        Plan plan = lakesetup(5).plan(blueprint);

        assertThat(plan.isEmpty()).as(plan.toString()).isTrue();
    }

    @Test
    void apply_whenPrincipalInvisibleForTwoCalls_succeedsWithinWindow() {
        azure.faults().newPrincipalsInvisibleFor(2);
        Lakesetup lakesetup = lakesetup(5);

        ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint));

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(report.outcome(ResourceChange.idOf(assignment)).orElseThrow().attempts()).isEqualTo(3);
    }

    @Test
    void apply_whenPrincipalInvisibleLongerThanWindow_failsNamingPrincipal() {
        azure.faults().newPrincipalsInvisibleFor(10);
        Lakesetup lakesetup = lakesetup(3);

        ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint));

        String principalId = azure.snapshot().servicePrincipals().get(0).id();
        assertThat(report.isSuccess()).isFalse();
        assertThat(report.failures()).singleElement().satisfies(f ->
                assertThat(f.reason()).contains("PrincipalNotFound").contains(principalId));
        assertThat(azure.snapshot().roleAssignments()).isEmpty();
    }

    @Test
    void apply_whenContainerBeingDeleted_isRetriedAsTransient() {
        azure.faults().containerBeingDeleted("lake", "landing", 1);
        Lakesetup lakesetup = lakesetup(5);

        ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint));

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(azure.snapshot().containersOf("lake")).containsExactly("landing");
    }

    @Test
    void apply_whenServicePrincipalAppearedAfterPlan_isAdopted() {
        Lakesetup lakesetup = lakesetup(5);
        Plan plan = lakesetup.plan(blueprint);
        azure.seedServicePrincipal(APP_ID, "vendor-app");

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(azure.snapshot().servicePrincipals()).hasSize(1);
    }

    @Test
    void applyDirect_whenAssignmentFailsAuthorization_isFatal() {
        azure.seedServicePrincipal(APP_ID, "vendor-app");
        azure.faults().authorizationFailed(".*", Integer.MAX_VALUE);

        ServiceException e = catchThrowableOfType(ServiceException.class,
                () -> DirectCalls.create(connection.executor(), assignment));

        assertThat(e.failure()).isEqualTo(ServiceException.Failure.FATAL);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.errorCode()).isEqualTo("AuthorizationFailed");
        assertThat(e.getMessage()).doesNotContain(azure.accessToken());
    }

    @Test
    void assignmentName_isStableAndCaseInsensitive() {
        String a = RoleAssignmentHandler.assignmentName("/subscriptions/S/x", "ABC", AzureRole.READER);
        String b = RoleAssignmentHandler.assignmentName("/subscriptions/s/X", "abc", AzureRole.READER);

        assertThat(a).isEqualTo(b).isNotEqualTo(RoleAssignmentHandler.assignmentName("/subscriptions/S/x", "abc",
                AzureRole.STORAGE_BLOB_DATA_CONTRIBUTOR));
    }

    @Test
    void odataEquals_whenValueHoldsQuotes_doublesThemInsideOneStringLiteral() {
        assertThat(GraphPrincipals.odataEquals("principalId", "x' or principalId ne 'y"))
                .isEqualTo("principalId eq 'x'' or principalId ne ''y'");
        assertThat(GraphPrincipals.odataEquals("appId", "0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b"))
                .isEqualTo("appId eq '0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b'");
    }
}
