package dev.lakesetup.databricks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failed answer's {@code Retry-After} reaches the failure of the call that got it, and only that one: nothing is
 * kept on a thread between a response and the exception it becomes.
 */
class RetryAfterRelayTest {
    private static final String THROTTLED_BODY = "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"slow down\","
            + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RequestInfo\",\"request_id\":\"req-7\","
            + "\"serving_data\":\"\"}]}";
    private static final String UNAVAILABLE_BODY = "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"later\"}";

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Answers {@code /catalogs/slow} 429 with {@code Retry-After: 7} and every other catalog 503 without it. */
    private static Response answer(Request request) {
        String path = request.getUri().getPath();
        if (!path.startsWith("/api/")) {
            // the SDK's start-up discovery: nothing to discover
            return new Response(request, 200, "OK", Map.of(), "{}");
        }
        if (path.endsWith("/slow")) {
            return new Response(request, 429, "Too Many Requests", Map.of("Retry-After", List.of("7")),
                    THROTTLED_BODY);
        }
        return new Response(request, 503, "Service Unavailable", Map.of(), UNAVAILABLE_BODY);
    }

    private static WorkspaceClient client(HttpClient transport) {
        return new WorkspaceClient(new DatabricksConfig().setHost("http://127.0.0.1:9").setToken("t")
                .setAuthType("pat").setDisableRetries(true).setHttpClient(transport));
    }

    private static ServiceException getCatalog(WorkspaceClient client, String name) {
        return catchThrowableOfType(ServiceException.class,
                () -> Calls.run("get catalog " + name, () -> client.catalogs().get(name)));
    }

    /** Holds every API request until the other thread's request has arrived too, so both are in flight at once. */
    private static HttpClient inLockstep(CyclicBarrier barrier) {
        return request -> {
            if (request.getUri().getPath().startsWith("/api/")) {
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted");
                } catch (BrokenBarrierException | TimeoutException e) {
                    throw new IOException("the other request did not arrive", e);
                }
            }
            return answer(request);
        };
    }

    @Test
    void run_whenConcurrentAnswersDifferInRetryAfter_eachFailureCarriesOnlyItsOwn() throws Exception {
        WorkspaceClient client = client(new RetryAfterRelay(inLockstep(new CyclicBarrier(2))));

        for (int round = 0; round < 20; round++) {
            // the pool's two threads are reused: each serves throttled and unavailable answers over the rounds
            String first = round % 2 == 0 ? "slow" : "other";
            String second = round % 2 == 0 ? "other" : "slow";
            List<Future<ServiceException>> calls = new ArrayList<>();
            calls.add(pool.submit(() -> getCatalog(client, first)));
            calls.add(pool.submit(() -> getCatalog(client, second)));
            ServiceException one = calls.get(0).get(30, TimeUnit.SECONDS);
            ServiceException two = calls.get(1).get(30, TimeUnit.SECONDS);
            ServiceException slow = round % 2 == 0 ? one : two;
            ServiceException other = round % 2 == 0 ? two : one;

            assertThat(slow.retryAfter()).as("round %d", round).contains(Duration.ofSeconds(7));
            assertThat(slow.failure()).isEqualTo(Failure.THROTTLED);
            assertThat(other.retryAfter()).as("round %d", round).isEmpty();
            assertThat(other.failure()).isEqualTo(Failure.TRANSIENT);
            assertThat(other.status()).isEqualTo(503);
        }
    }

    @Test
    void run_afterAnAnswerWithRetryAfter_theNextFailureOnTheSameThreadHasNoDelay() {
        WorkspaceClient client = client(new RetryAfterRelay(RetryAfterRelayTest::answer));

        assertThat(getCatalog(client, "slow").retryAfter()).contains(Duration.ofSeconds(7));
        ServiceException next = getCatalog(client, "other");

        assertThat(next.retryAfter()).isEmpty();
        assertThat(next.errorCode()).isEqualTo("TEMPORARILY_UNAVAILABLE");
    }

    @Test
    void run_whenAnswerCarriesRetryAfter_reportsWhatTheSdksOwnErrorSays() {
        ServiceException withoutRelay = getCatalog(client(RetryAfterRelayTest::answer), "slow");

        ServiceException relayed = getCatalog(client(new RetryAfterRelay(RetryAfterRelayTest::answer)), "slow");

        assertThat(relayed.getMessage()).isEqualTo(withoutRelay.getMessage())
                .isEqualTo("get catalog slow failed: 429 REQUEST_LIMIT_EXCEEDED: slow down");
        assertThat(relayed.errorCode()).isEqualTo(withoutRelay.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(relayed.requestId()).isEqualTo(withoutRelay.requestId()).contains("req-7");
        assertThat(relayed.status()).isEqualTo(429);
        assertThat(relayed.getCause()).isInstanceOf(withoutRelay.getCause().getClass());
        assertThat(relayed.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(withoutRelay.retryAfter()).isEmpty();
    }

    @Test
    void read_whenNotFoundAnswerCarriesRetryAfter_isEmpty() {
        WorkspaceClient client = client(new RetryAfterRelay(request -> request.getUri().getPath().startsWith("/api/")
                ? new Response(request, 404, "Not Found", Map.of("Retry-After", List.of("5")),
                        "{\"error_code\":\"CATALOG_DOES_NOT_EXIST\",\"message\":\"no\"}")
                : answer(request)));

        assertThat(Calls.read("get catalog gone", () -> client.catalogs().get("gone"))).isEmpty();
    }

    @Test
    void execute_whenTheAnswerIsNotFromTheRestApi_passesItThroughForTheSdkToRead() throws IOException {
        RetryAfterRelay relay = new RetryAfterRelay(request -> new Response(request, 429, "Too Many Requests",
                Map.of("Retry-After", List.of("7")), ""));

        Response response = relay.execute(new Request("GET", "http://127.0.0.1:9/.well-known/databricks-config"));

        assertThat(response.getStatusCode()).isEqualTo(429);
    }

    @Test
    void execute_whenRetryAfterIsMalformed_passesTheAnswerThrough() throws IOException {
        RetryAfterRelay relay = new RetryAfterRelay(request -> new Response(request, 503, "Service Unavailable",
                Map.of("Retry-After", List.of("soon")), UNAVAILABLE_BODY));

        Response response = relay.execute(new Request("GET", "http://127.0.0.1:9/api/2.1/unity-catalog/catalogs/x"));

        assertThat(response.getStatusCode()).isEqualTo(503);
    }
}
