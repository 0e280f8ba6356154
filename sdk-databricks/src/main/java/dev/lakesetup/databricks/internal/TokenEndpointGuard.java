package dev.lakesetup.databricks.internal;

import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import java.io.IOException;
import java.time.Clock;

/**
 * Guards the OAuth token requests the Databricks SDK sends through the HTTP client it was given.
 *
 * <p>The SDK sends them through an internal API client of its own that ignores the workspace configuration: it
 * retries 429 and 503 answers and connection errors itself, sleeping for real and for as long as
 * {@code Retry-After} says (no cap), and it logs the first bytes of the answer, the access token included, at DEBUG.
 * So for a token request this client turns a throttled or failed answer, or an I/O error, into a classified
 * {@link ServiceException} that the SDK does not retry and lakesetup's retry policy does (on its own clock, with
 * its cap), and hands a successful answer over as a stream, which the SDK reads but does not log. A 4xx answer such
 * as {@code invalid_client} passes through: those are bad credentials, not a reason to retry.
 */
public final class TokenEndpointGuard implements HttpClient {
    private final HttpClient delegate;
    private final Clock clock;

    /**
     * Wraps a client.
     *
     * @param delegate the client that sends the requests
     * @param clock the clock a {@code Retry-After} date is measured against: the call policy's, which the retry
     *     waits on
     */
    public TokenEndpointGuard(HttpClient delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Response execute(Request request) throws IOException {
        if (!isTokenRequest(request)) {
            return delegate.execute(request);
        }
        String what = "request an OAuth token from " + request.getUri().getPath();
        Response response;
        try {
            response = delegate.execute(request);
        } catch (IOException e) {
            throw ServiceException.builder(Failure.TRANSIENT, what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())).cause(e).build();
        }
        int status = response.getStatusCode();
        if (status == 429 || status >= 500) {
            drain(response);
            String retryAfter = response.getFirstHeader("Retry-After");
            throw ServiceException.builder(status == 429 ? Failure.THROTTLED : Failure.TRANSIENT, what + " failed: "
                    + status + (status == 429 ? " (throttled; the credentials were not rejected)" : ""))
                    .status(status).errorCode(status == 429 ? "REQUEST_LIMIT_EXCEEDED" : "TEMPORARILY_UNAVAILABLE")
                    .retryAfter(retryAfter == null ? null
                            : RetryAfterRelay.parse(retryAfter, clock.instant()).orElse(null))
                    .build();
        }
        return new Response(request, response.getUrl(), status, response.getStatus(), response.getAllHeaders(),
                response.getBody());
    }

    /**
     * Tells whether a request asks an OAuth token endpoint for a token: a form post with a {@code grant_type}.
     *
     * @param request the request
     * @return {@code true} for a token request
     */
    static boolean isTokenRequest(Request request) {
        if (!Request.POST.equals(request.getMethod())) {
            return false;
        }
        String body = request.isBodyString() ? request.getBodyString() : null;
        return request.getUri().getPath().endsWith("/token") || (body != null && body.contains("grant_type="));
    }

    private static void drain(Response response) {
        try {
            if (response.getBody() != null) {
                response.getBody().close();
            }
        } catch (IOException ignored) {
            // the answer is discarded either way
        }
    }

    @Override
    public String toString() {
        return "TokenEndpointGuard[" + delegate + "]";
    }
}
