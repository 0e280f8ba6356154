package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.testkit.FakeAzure;
import dev.lakesetup.testkit.VirtualClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Every Azure request (Graph, Resource Manager, storage) takes one permit of the connection's rate limiter. */
class AzureRateLimitTest {
    private static final String APP_ID = "0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b";

    private final FakeAzure azure = FakeAzure.builder().application(APP_ID, "app").storageAccount("lake", "rg-data")
            .build().start();

    @AfterEach
    void stop() {
        azure.close();
    }

    @Test
    void apply_withCallPolicy_takesOnePermitPerRequestOnTheWire() {
        VirtualClock time = new VirtualClock();
        CallPolicy calls = CallPolicy.builder().rateLimitPerSecond(2).clock(time).sleeper(time::sleep).build();
        TokenCredential token = request -> Mono.just(new AccessToken(azure.accessToken(),
                OffsetDateTime.now().plusHours(1)));
        EntraServicePrincipal sp = EntraServicePrincipal.of(ApplicationId.of(APP_ID), "app");
        AdlsContainer container = new AdlsContainer("lake", "rg-data", "landing");
        Blueprint blueprint = Blueprint.builder().resource(sp).resource(container)
                .resource(RoleAssignment.on(container, sp)).build();

        try (AzureConnection connection = AzureConnection.builder().tenantId(azure.tenantId())
                .subscriptionId(azure.subscriptionId()).credential(token).callPolicy(calls)
                .resourceManagerEndpoint(azure.resourceManagerEndpoint()).graphEndpoint(azure.graphEndpoint())
                .storageEndpoint(azure::storageEndpoint).build()) {
            Lakesetup lakesetup = Lakesetup.builder().executor(connection.executor()).concurrency(1)
                    .sleeper(d -> { }).build();
            assertThat(lakesetup.apply(lakesetup.plan(blueprint)).isSuccess()).isTrue();

            assertThat(connection.callPolicy()).isSameAs(calls);
        }

        // one call at a time: the first permit is granted at once, every later request waits one interval
        // (1.03 s / 2) for its own, on the policy's clock
        long requests = azure.requests().total();
        assertThat(requests).isGreaterThanOrEqualTo(6);
        assertThat(time.waits()).hasSize((int) requests - 1).containsOnly(Duration.ofMillis(515));
        assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(515).multipliedBy(requests - 1));
    }
}
