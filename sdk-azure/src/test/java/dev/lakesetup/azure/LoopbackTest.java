package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.lakesetup.azure.internal.TokenPolicy;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.testkit.FakeAzure;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/** Every request goes to the local fake, and no bearer token is sent in the clear to a remote host. */
class LoopbackTest {

    private static final String APP_ID = "0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b";

    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final TokenCredential credential = request -> {
        tokensIssued.incrementAndGet();
        return Mono.just(new AccessToken("loopback-token", OffsetDateTime.now().plusHours(1)));
    };

    @Test
    void apply_whenCreatingAll_sendsEveryRequestToLoopback() {
        RecordingHttpClient http = new RecordingHttpClient();
        try (FakeAzure azure = FakeAzure.builder().accessToken("loopback-token").application(APP_ID, "vendor-app")
                .storageAccount("lake", "rg-data").build().start()) {
            AzureConnection connection = AzureConnection.builder().tenantId(azure.tenantId())
                    .subscriptionId(azure.subscriptionId()).credential(credential).httpClient(http)
                    .resourceManagerEndpoint(azure.resourceManagerEndpoint()).graphEndpoint(azure.graphEndpoint())
                    .storageEndpoint(azure::storageEndpoint)
                    .storageSharedKey("lake", Secret.of(azure.storageAccountKey("lake"))).build();
            EntraServicePrincipal sp = EntraServicePrincipal.of(ApplicationId.of(APP_ID), "vendor-app");
            AdlsContainer container = new AdlsContainer("lake", "rg-data", "landing");
            Blueprint blueprint = Blueprint.builder().resource(sp).resource(container)
                    .resource(RoleAssignment.on(container, sp)).build();
            Lakesetup lakesetup = Lakesetup.builder().executor(connection.executor()).sleeper(d -> { }).build();

            ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint));

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            List<URL> urls = http.urls();
            // plan reads the principal, the container and the principal again; apply creates the principal and the
            // container, looks the principal up and puts the assignment
            assertThat(urls).hasSizeGreaterThanOrEqualTo(7).hasSize((int) azure.requests().total());
            assertThat(urls).allSatisfy(u -> {
                assertThat(u.getHost()).isEqualTo("127.0.0.1");
                assertThat(u.getPort()).isEqualTo(azure.port());
            });
        }
    }

    @Test
    void read_whenGraphIsPlainHttpToRemoteHost_refusesBeforeSendingOrFetchingToken() {
        RecordingHttpClient http = new RecordingHttpClient();
        AzureConnection connection = AzureConnection.builder().tenantId("t").subscriptionId("s")
                .credential(credential).httpClient(http).graphEndpoint("http://graph.example.test/")
                .resourceManagerEndpoint("http://management.example.test/").build();
        EntraServicePrincipal sp = EntraServicePrincipal.of(ApplicationId.of(APP_ID), "vendor-app");

        ServiceException e = catchThrowableOfType(ServiceException.class,
                () -> DirectCalls.read(connection.executor(), sp));

        assertThat(e.failure()).isEqualTo(ServiceException.Failure.FATAL);
        assertThat(e).rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to send a bearer token over http to graph.example.test");
        assertThat(http.urls()).isEmpty();
        assertThat(tokensIssued).hasValue(0);
    }

    @Test
    void read_whenStorageIsPlainHttpWithTokenCredential_refusesBeforeSending() {
        RecordingHttpClient http = new RecordingHttpClient();
        AzureConnection connection = AzureConnection.builder().tenantId("t").subscriptionId("s")
                .credential(credential).httpClient(http).storageEndpoint(a -> "http://" + a + ".example.test")
                .build();
        AdlsContainer container = new AdlsContainer("lake", "rg-data", "landing");

        Throwable e = catchThrowableOfType(RuntimeException.class,
                () -> DirectCalls.read(connection.executor(), container));

        assertThat(e).rootCause().hasMessageContaining("requires https");
        assertThat(http.urls()).isEmpty();
        assertThat(tokensIssued).hasValue(0);
    }

    @Test
    void read_whenPlainHttpToLoopback_sendsToken() {
        RecordingHttpClient http = new RecordingHttpClient();
        try (FakeAzure azure = FakeAzure.builder().accessToken("loopback-token").build().start()) {
            AzureConnection connection = AzureConnection.builder().tenantId(azure.tenantId())
                    .subscriptionId(azure.subscriptionId()).credential(credential).httpClient(http)
                    .resourceManagerEndpoint(azure.resourceManagerEndpoint()).graphEndpoint(azure.graphEndpoint())
                    .build();
            EntraServicePrincipal sp = EntraServicePrincipal.of(ApplicationId.of(APP_ID), "vendor-app");

            Map<?, ?> found = DirectCalls.read(connection.executor(), sp);

            assertThat(found).isEmpty();
            assertThat(http.urls()).singleElement().satisfies(u -> assertThat(u.getProtocol()).isEqualTo("http"));
            assertThat(tokensIssued).hasValue(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/", "http://127.0.0.2:8080/", "http://127.255.10.1/",
            "http://localhost:80/", "http://LOCALHOST/", "http://[::1]:8080/", "http://[0:0:0:0:0:0:0:1]/"})
    void isLoopbackHttp_whenHostIsLoopbackAsDatabricksModuleDefinesIt_allowsPlainHttp(String endpoint) {
        assertThat(TokenPolicy.isLoopbackHttp(endpoint)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://128.0.0.1/", "http://127.0.0.256/", "http://127.0.0.1.example.test/",
            "http://localhost.example.test/", "http://[::2]/", "https://127.0.0.2/", "http://10.0.0.1/"})
    void isLoopbackHttp_whenHostIsNotLoopbackOrSchemeIsHttps_refuses(String endpoint) {
        assertThat(TokenPolicy.isLoopbackHttp(endpoint)).isFalse();
    }
}
