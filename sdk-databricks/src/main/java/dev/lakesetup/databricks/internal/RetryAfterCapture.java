package dev.lakesetup.databricks.internal;

import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Wraps the SDK's HTTP client to remember the {@code Retry-After} header of the last response on the calling thread:
 * the SDK's errors do not expose response headers, and lakesetup's retry policy must honour the header.
 */
public final class RetryAfterCapture implements HttpClient {
    private static final ThreadLocal<Duration> LAST = new ThreadLocal<>();

    private final HttpClient delegate;

    /**
     * Wraps a client.
     *
     * @param delegate the client that sends the requests
     */
    public RetryAfterCapture(HttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response execute(Request request) throws IOException {
        LAST.remove();
        Response response = delegate.execute(request);
        String value = response.getFirstHeader("Retry-After");
        if (value != null) {
            parse(value, Instant.now()).ifPresent(LAST::set);
        }
        return response;
    }

    /**
     * Returns and forgets the delay the last response on this thread asked for.
     *
     * @return the delay, when the last response carried {@code Retry-After}
     */
    public static Optional<Duration> takeLast() {
        Duration last = LAST.get();
        LAST.remove();
        return Optional.ofNullable(last);
    }

    /** Forgets any remembered delay on this thread. */
    public static void clear() {
        LAST.remove();
    }

    /**
     * Parses a {@code Retry-After} value: seconds, or an HTTP date.
     *
     * @param value the header value
     * @param now the current time, for a date
     * @return the delay, or empty when the value is malformed
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
}
