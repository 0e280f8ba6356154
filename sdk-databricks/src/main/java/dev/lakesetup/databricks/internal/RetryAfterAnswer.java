package dev.lakesetup.databricks.internal;

import com.databricks.sdk.core.DatabricksError;
import java.time.Duration;
import java.util.Objects;

/**
 * A failed REST API answer that asked, with {@code Retry-After}, to be retried after a delay: the error the
 * Databricks SDK makes of the answer, and the delay. {@link RetryAfterRelay} throws it from the HTTP client, the SDK
 * lets it pass, and {@link Failures#fromSdk} reads both. Its message names only the status and the delay; the
 * service's text stays in the error.
 */
public final class RetryAfterAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final DatabricksError error;
    private final Duration retryAfter;

    /**
     * Pairs an answer's error with its delay.
     *
     * @param error the error the SDK makes of the answer
     * @param retryAfter the delay the answer asked for (negative for an HTTP date in the past)
     */
    public RetryAfterAnswer(DatabricksError error, Duration retryAfter) {
        super("answer " + error.getStatusCode() + " asking to retry after " + retryAfter, error);
        this.error = error;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * Returns the error the SDK makes of the answer: status, error code, message and error details.
     *
     * @return the error
     */
    public DatabricksError error() {
        return error;
    }

    /**
     * Returns the delay the answer asked for.
     *
     * @return the delay, negative for an HTTP date in the past
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
