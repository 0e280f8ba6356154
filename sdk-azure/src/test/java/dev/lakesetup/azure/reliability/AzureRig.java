package dev.lakesetup.azure.reliability;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.lakesetup.azure.AdlsContainer;
import dev.lakesetup.azure.AzureConnection;
import dev.lakesetup.azure.EntraServicePrincipal;
import dev.lakesetup.azure.RoleAssignment;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.testkit.FakeAzure;
import dev.lakesetup.testkit.VirtualClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * The fake Azure endpoints on loopback, the real Azure SDK clients in front of them, and lakesetup on virtual time
 * with its default retry policy; the blueprint of the Delta Lake destination's Azure half.
 */
final class AzureRig implements AutoCloseable {
    static final String APP_ID = "0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b";
    static final String GRAPH_SPS = "/+v1\\.0/servicePrincipals";
    static final String ROLE_ASSIGNMENT = ".*/providers/Microsoft\\.Authorization/roleAssignments/[^/]+";
    static final String CONTAINER = "/lake/landing";

    final FakeAzure azure;
    /** Virtual time; the rate limit's sub-millisecond spacing between calls is not recorded as a wait. */
    final VirtualClock time = new VirtualClock().recordWaitsFrom(Duration.ofMillis(1));
    final AzureConnection connection;
    final EntraServicePrincipal sp = EntraServicePrincipal.of(ApplicationId.of(APP_ID), "vendor-app");
    final AdlsContainer container = new AdlsContainer("lake", "rg-data", "landing");
    final RoleAssignment assignment = RoleAssignment.on(container, sp);
    final Blueprint blueprint = Blueprint.builder().resource(sp).resource(container).resource(assignment).build();

    AzureRig() {
        azure = FakeAzure.builder().application(APP_ID, "vendor-app").storageAccount("lake", "rg-data").build()
                .start();
        TokenCredential token = request -> Mono.just(new AccessToken(azure.accessToken(),
                OffsetDateTime.now().plusHours(1)));
        connection = AzureConnection.builder().tenantId(azure.tenantId()).subscriptionId(azure.subscriptionId())
                .credential(token).resourceManagerEndpoint(azure.resourceManagerEndpoint())
                .graphEndpoint(azure.graphEndpoint()).storageEndpoint(azure::storageEndpoint)
                .storageSharedKey("lake", Secret.of(azure.storageAccountKey("lake")))
                .callPolicy(CallPolicy.builder().rateLimitPerSecond(10_000).build()).build();
    }

    /** lakesetup on the Azure executor with the default retry policy, on virtual time. */
    Lakesetup lakesetup() {
        return Lakesetup.builder().executor(connection.executor()).retryPolicy(RetryPolicy.defaults())
                .clock(time).sleeper(time::sleep).build();
    }

    /** Plans and applies the blueprint. */
    ApplyReport apply() {
        Lakesetup lakesetup = lakesetup();
        return lakesetup.apply(lakesetup.plan(blueprint));
    }

    /** The outcome of the change on a resource. */
    static ChangeOutcome outcomeOf(ApplyReport report, Resource resource) {
        return report.outcome(ResourceChange.idOf(resource)).orElseThrow(
                () -> new AssertionError("no change on " + resource.id() + " in " + report));
    }

    @Override
    public void close() {
        azure.close();
    }
}
