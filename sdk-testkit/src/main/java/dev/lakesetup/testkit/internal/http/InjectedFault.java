package dev.lakesetup.testkit.internal.http;

import java.time.Duration;

/**
 * What a fake server answers when a fault rule fires: the server's own copy of a {@code FaultResponse}, so this
 * package needs nothing from the testkit's public one.
 *
 * @param kind what the fault does
 * @param status the HTTP status of a {@link Kind#STATUS} fault
 * @param retryAfter the {@code Retry-After} header, or null
 * @param errorCode the error code of the service's error body, or null
 * @param message the message of the service's error body, or null
 * @param contentType the media type of a raw body, or null
 * @param body a raw body sent instead of the service's error body, or null
 * @param delay the wait before answering
 */
public record InjectedFault(Kind kind, int status, String retryAfter, String errorCode, String message,
        String contentType, String body, Duration delay) {

    /** What a fault does. */
    public enum Kind {
        /** Answer with an error status instead of the normal handler. */
        STATUS,
        /** Reset the connection without answering. */
        CONNECTION_RESET,
        /** Let the service do the work, then reset the connection instead of answering. */
        RESET_AFTER_APPLYING,
        /** Wait, then answer normally. */
        LATENCY
    }
}
