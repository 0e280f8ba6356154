package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.testkit.FakeAzure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * An AzureConnection owns the I/O threads of the HTTP client it builds and closing it releases them; without a shared
 * key it reaches ADLS with bearer tokens, also on a local fake over http.
 */
class AzureConnectionTest {

    private final FakeAzure azure = FakeAzure.builder().application("0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b", "app")
            .storageAccount("lake", "rg-data").build().start();

    @AfterEach
    void stop() {
        azure.close();
    }

    private AzureConnection connect() {
        return builder().storageSharedKey("lake", Secret.of(azure.storageAccountKey("lake"))).build();
    }

    private AzureConnection.Builder builder() {
        TokenCredential token = request -> Mono.just(new AccessToken(azure.accessToken(),
                OffsetDateTime.now().plusHours(1)));
        return AzureConnection.builder().tenantId(azure.tenantId()).subscriptionId(azure.subscriptionId())
                .credential(token).resourceManagerEndpoint(azure.resourceManagerEndpoint())
                .graphEndpoint(azure.graphEndpoint()).storageEndpoint(azure::storageEndpoint);
    }

    @Test
    void apply_whenNoSharedKey_createsTheContainerWithBearerTokens() {
        try (AzureConnection connection = builder().build()) {
            Lakesetup lakesetup = Lakesetup.builder().executor(connection.executor()).sleeper(d -> { }).build();

            assertThat(lakesetup.apply(lakesetup.plan(blueprint())).isSuccess()).isTrue();
        }

        assertThat(azure.snapshot().containersOf("lake")).containsExactly("landing");
    }

    private static Blueprint blueprint() {
        EntraServicePrincipal sp = EntraServicePrincipal.of(ApplicationId.of("0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b"),
                "app");
        AdlsContainer container = new AdlsContainer("lake", "rg-data", "landing");
        return Blueprint.builder().resource(sp).resource(container).resource(RoleAssignment.on(container, sp))
                .build();
    }

    /** The io threads once those not in {@code expected} have ended, or after ten seconds. */
    private static List<String> ioThreadsOnceSettled(List<String> expected) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        List<String> now = ioThreads();
        while (!expected.containsAll(now) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            now = ioThreads();
        }
        return now;
    }

    private static List<String> ioThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("lakesetup-azure-io")).toList();
    }

    @Test
    void close_afterApplying_endsTheConnectionsIoThreads() {
        List<String> before = ioThreads();
        AzureConnection connection = connect();
        Lakesetup lakesetup = Lakesetup.builder().executor(connection.executor()).sleeper(d -> { }).build();
        assertThat(lakesetup.apply(lakesetup.plan(blueprint())).isSuccess()).isTrue();
        List<String> own = ioThreads().stream().filter(n -> !before.contains(n)).toList();
        assertThat(own).isNotEmpty();

        connection.close();

        assertThat(ioThreadsOnceSettled(before)).doesNotContainAnyElementsOf(own);
    }

    @Test
    void build_whenTheCredentialCannotBeBuilt_releasesTheOwnedClient() {
        Assumptions.assumeTrue(Files.isDirectory(OPEN_DESCRIPTORS), "counts open file descriptors");
        List<String> before = ioThreads();
        long descriptorsBefore = openDescriptors();
        int attempts = 10;
        for (int i = 0; i < attempts; i++) {
            // azure-identity accepts tenant ids of letters, digits, '-' and '.' only
            assertThatThrownBy(() -> AzureConnection.builder().tenantId("not a tenant!").subscriptionId("s")
                    .clientSecret("client", Secret.of("secret-value")).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret-value");
        }

        // close() waits up to two seconds for the threads; on a loaded machine they may end a little later
        assertThat(ioThreadsOnceSettled(before)).isSubsetOf(before);
        // each owned client opens selectors for its event loops when built; a leaked one keeps them open
        assertThat(openDescriptors() - descriptorsBefore).isLessThan(attempts);
    }

    private static final Path OPEN_DESCRIPTORS = Path.of("/proc/self/fd");

    private static long openDescriptors() {
        try (var entries = Files.list(OPEN_DESCRIPTORS)) {
            return entries.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void executor_afterClose_failsClearly() {
        AzureConnection connection = connect();
        connection.close();
        connection.close();
        Lakesetup lakesetup = Lakesetup.builder().executor(connection.executor()).sleeper(d -> { }).build();

        assertThatThrownBy(() -> lakesetup.plan(blueprint())).hasStackTraceContaining("AzureConnection is closed");
    }
}
