package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.http.InjectedFault;
import java.time.Duration;
import java.util.Objects;

/**
 * What a fake answers when a fault rule matches: an error status (with optional {@code Retry-After}, error code,
 * message or a raw body), a connection reset, or extra latency before the normal answer.
 *
 * <p>Instances are immutable; each {@code with}-style method returns a new one.
 * <pre>{@code
 * FaultResponse.status(429).retryAfter("7").errorCode("REQUEST_LIMIT_EXCEEDED")
 * FaultResponse.status(502).htmlBody()
 * FaultResponse.connectionReset()
 * FaultResponse.latency(Duration.ofMillis(200))
 * }</pre>
 */
public final class FaultResponse {

    /** The kind of fault. */
    public enum Kind {
        /** Answer with an error status instead of the normal handler. */
        STATUS,
        /** Reset the connection without answering. */
        CONNECTION_RESET,
        /** Let the service do the work, then reset the connection instead of answering: the outcome is unknown. */
        RESET_AFTER_APPLYING,
        /** Wait, then answer normally. */
        LATENCY
    }

    private final Kind kind;
    private final int status;
    private final String retryAfter;
    private final String errorCode;
    private final String message;
    private final String contentType;
    private final String body;
    private final Duration delay;

    private FaultResponse(Kind kind, int status, String retryAfter, String errorCode, String message,
                          String contentType, String body, Duration delay) {
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.errorCode = errorCode;
        this.message = message;
        this.contentType = contentType;
        this.body = body;
        this.delay = delay;
    }

    /**
     * Returns a fault that answers with the given HTTP status (400..599) and the service's error body shape.
     *
     * @param status the HTTP status
     * @return a fault that answers with the given HTTP status (400..599) and the service's error body shape
     */
    public static FaultResponse status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("fault status must be 400..599, was " + status);
        }
        return new FaultResponse(Kind.STATUS, status, null, null, null, null, null, Duration.ZERO);
    }

    /** {@return a fault that resets the connection (the client sees an I/O error)} */
    public static FaultResponse connectionReset() {
        return new FaultResponse(Kind.CONNECTION_RESET, 0, null, null, null, null, null, Duration.ZERO);
    }

    /**
     * Returns a fault where the service applies the request and the connection is then reset, so the client cannot
     * tell whether its write happened.
     *
     * @return a fault where the service applies the request and the connection is then reset, so the client cannot tell whether its write happened
     */
    public static FaultResponse resetAfterApplying() {
        return new FaultResponse(Kind.RESET_AFTER_APPLYING, 0, null, null, null, null, null, Duration.ZERO);
    }

    /**
     * Returns a fault that answers with any status (200 included) and this raw body instead of the normal handler:
     * for malformed answers such as truncated JSON or an HTML page with status 200.
     *
     * @param status the HTTP status
     * @param mediaType the media type
     * @param text the text
     * @return a fault that answers with any status (200 included) and this raw body instead of the normal handler: for malformed answers such as truncated JSON or an HTML page with status 200
     */
    public static FaultResponse raw(int status, String mediaType, String text) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("raw status must be 200..599, was " + status);
        }
        return new FaultResponse(Kind.STATUS, status, null, null, null, Objects.requireNonNull(mediaType, "mediaType"),
                Objects.requireNonNull(text, "body"), Duration.ZERO);
    }

    /**
     * Returns a fault that delays the request by {@code delay}, then lets the service answer normally.
     *
     * @param delay how long it lasts
     * @return a fault that delays the request by {@code delay}, then lets the service answer normally
     */
    public static FaultResponse latency(Duration delay) {
        return new FaultResponse(Kind.LATENCY, 0, null, null, null, null, null, requireDelay(delay));
    }

    /**
     * Returns a copy that sends {@code Retry-After} with this value (seconds or an HTTP date, as given).
     *
     * @param value the value
     * @return a copy that sends {@code Retry-After} with this value (seconds or an HTTP date, as given)
     */
    public FaultResponse retryAfter(String value) {
        return new FaultResponse(kind, status, Objects.requireNonNull(value, "retryAfter"), errorCode, message,
                contentType, body, delay);
    }

    /**
     * Returns a copy whose error body carries this error code.
     *
     * @param code the error code, e.g. {@code REQUEST_LIMIT_EXCEEDED}
     * @return a copy whose error body carries this error code
     */
    public FaultResponse errorCode(String code) {
        return new FaultResponse(kind, status, retryAfter, Objects.requireNonNull(code, "errorCode"), message,
                contentType, body, delay);
    }

    /**
     * Returns a copy whose error body carries this message.
     *
     * @param text the text
     * @return a copy whose error body carries this message
     */
    public FaultResponse message(String text) {
        return new FaultResponse(kind, status, retryAfter, errorCode, Objects.requireNonNull(text, "message"),
                contentType, body, delay);
    }

    /**
     * Returns a copy that answers with this raw body instead of the service's error shape.
     *
     * @param mediaType the media type
     * @param text the text
     * @return a copy that answers with this raw body instead of the service's error shape
     */
    public FaultResponse body(String mediaType, String text) {
        return new FaultResponse(kind, status, retryAfter, errorCode, message,
                Objects.requireNonNull(mediaType, "mediaType"), Objects.requireNonNull(text, "body"), delay);
    }

    /** {@return a copy that answers with an HTML error page, as a gateway in front of the service does} */
    public FaultResponse htmlBody() {
        return body("text/html", "<html><head><title>" + status + "</title></head><body><h1>" + status
                + " Error</h1></body></html>");
    }

    /**
     * Returns a copy that waits {@code wait} before answering.
     *
     * @param wait how long to wait
     * @return a copy that waits {@code wait} before answering
     */
    public FaultResponse after(Duration wait) {
        return new FaultResponse(kind, status, retryAfter, errorCode, message, contentType, body, requireDelay(wait));
    }

    /** {@return the kind of fault} */
    public Kind kind() {
        return kind;
    }

    /** {@return the HTTP status of a {@link Kind#STATUS} fault (0 otherwise)} */
    public int statusCode() {
        return status;
    }

    /** {@return the {@code Retry-After} value, or null} */
    public String retryAfterValue() {
        return retryAfter;
    }

    /** {@return the error code, or null for the service's default for the status} */
    public String errorCodeValue() {
        return errorCode;
    }

    /** {@return the message, or null for a default one} */
    public String messageValue() {
        return message;
    }

    /** {@return the raw body's media type, or null when the service's error shape is used} */
    public String contentTypeValue() {
        return contentType;
    }

    /** {@return the raw body, or null when the service's error shape is used} */
    public String bodyValue() {
        return body;
    }

    /** {@return the delay applied before answering} */
    public Duration delay() {
        return delay;
    }

    /** Returns the fake server's copy of this response. */
    InjectedFault toFault() {
        return new InjectedFault(InjectedFault.Kind.valueOf(kind.name()), status, retryAfter, errorCode, message,
                contentType, body, delay);
    }

    @Override
    public String toString() {
        return "FaultResponse[" + kind + (status == 0 ? "" : " " + status)
                + (errorCode == null ? "" : " " + errorCode) + (delay.isZero() ? "" : " after " + delay) + "]";
    }

    private static Duration requireDelay(Duration d) {
        Objects.requireNonNull(d, "delay");
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + d);
        }
        return d;
    }
}
