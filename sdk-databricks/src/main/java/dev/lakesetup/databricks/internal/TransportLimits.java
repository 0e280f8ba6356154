package dev.lakesetup.databricks.internal;

import java.time.Duration;

/**
 * The bounds put on what the service may send: the most bytes of one answer, the time one HTTP request may take in
 * all, and the time one SQL statement run over REST may take, polling included. Validated by the public builders.
 *
 * @param maxResponseBytes the most bytes of one answer's body
 * @param requestDeadline the time one request may take, redirects and the whole body included
 * @param statementTimeout the time one statement may take until it ends
 */
public record TransportLimits(long maxResponseBytes, Duration requestDeadline, Duration statementTimeout) {
    /** The default time one statement may take: room for a stopped warehouse to start. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(15);

    /**
     * Returns the default limits.
     *
     * @return 64 MiB per answer, 5 minutes per request, 15 minutes per statement
     */
    public static TransportLimits defaults() {
        return new TransportLimits(JdkHttpClient.DEFAULT_MAX_RESPONSE_BYTES, JdkHttpClient.DEFAULT_REQUEST_DEADLINE,
                DEFAULT_STATEMENT_TIMEOUT);
    }
}
