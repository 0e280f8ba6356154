package dev.lakesetup.databricks.internal;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.ApiErrors;
import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Hands the {@code Retry-After} header of a failed REST API answer to lakesetup's retry policy together with the
 * failure itself, so that nothing is remembered between a response and the exception it becomes.
 *
 * <p>databricks-sdk-java turns an error answer into a {@link DatabricksError} that keeps the status, the error code,
 * the message and the error details of the body, but none of the headers. So for an answer of the REST API (a path
 * under {@code /api/}) whose status is not 2xx and which carries a valid {@code Retry-After} (seconds or an HTTP
 * date), this client builds that same error with the SDK's own parser, {@link ApiErrors#getDatabricksError}, and
 * throws it with the delay as a {@link RetryAfterAnswer}. The SDK's API client catches only {@code IOException}
 * from its HTTP client, so the answer reaches the caller unchanged, whatever the SDK's retry setting: the SDK does
 * not retry it, and {@link Failures#fromSdk} classifies the error as it would the SDK's own, with the delay.
 * Other answers pass through, and so do the OAuth token requests ({@link TokenEndpointGuard} handles their
 * {@code Retry-After}) and the SDK's start-up discovery requests, whose answers the SDK reads itself.
 * Stateless and thread-safe.
 */
public final class RetryAfterRelay implements HttpClient {
    private static final String API_PATHS = "/api/";

    private final HttpClient delegate;
    private final Clock clock;

    /**
     * Wraps a client; a {@code Retry-After} date is measured against the system clock (for tests).
     *
     * @param delegate the client that sends the requests
     */
    RetryAfterRelay(HttpClient delegate) {
        this(delegate, Clock.systemUTC());
    }

    /**
     * Wraps a client.
     *
     * @param delegate the client that sends the requests
     * @param clock the clock a {@code Retry-After} date is measured against: the call policy's, which the retry
     *     waits on
     */
    public RetryAfterRelay(HttpClient delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Response execute(Request request) throws IOException {
        Response response = delegate.execute(request);
        int status = response.getStatusCode();
        if ((status >= 200 && status < 300) || !request.getUri().getPath().startsWith(API_PATHS)) {
            return response;
        }
        String header = response.getFirstHeader("Retry-After");
        Optional<Duration> delay = header == null ? Optional.empty() : parse(header, clock.instant());
        if (delay.isEmpty()) {
            return response;
        }
        throw new RetryAfterAnswer(ApiErrors.getDatabricksError(response), delay.get());
    }

    /**
     * Parses a {@code Retry-After} value: seconds, or an HTTP date.
     *
     * @param value the header value
     * @param now the current time, for a date
     * @return the delay (negative for a date in the past), or empty when the value is malformed
     */
    static Optional<Duration> parse(String value, Instant now) {
        String text = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(Duration.between(now, at));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    @Override
    public String toString() {
        return "RetryAfterRelay[" + delegate + "]";
    }
}
