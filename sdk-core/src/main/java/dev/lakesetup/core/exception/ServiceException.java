package dev.lakesetup.core.exception;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to a service failed; executors raise this at their boundary so the applier can classify the failure
 * without knowing any vendor type.
 *
 * <p>It carries the HTTP status (0 when there was none, e.g. a JDBC error), the service's error code, the request
 * id when the service returned one, the {@link Failure} kind that decides whether and how the call is retried, and
 * the {@code Retry-After} the service asked for. The message never contains a secret. The message, error code and
 * request id are stored as {@link ServiceText#escape(String)} shows them: a service's line breaks or terminal escapes
 * never reach a log line or console through this exception.
 */
public final class ServiceException extends LakesetupException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status, or 0 when there was none. */
    private final int status;
    /** The service's error code, or null. */
    private final String errorCode;
    /** The service's request id, or null. */
    private final String requestId;
    /** How the retry policy treats it. */
    private final Failure failure;
    /** How long the service asked to wait, or null. */
    private final Duration retryAfter;

    /** How a failed call is handled by the retry policy. */
    public enum Failure {
        /** The service throttled the call (HTTP 429, {@code REQUEST_LIMIT_EXCEEDED}): retried, honouring Retry-After. */
        THROTTLED,
        /** A temporary failure (502, 503, 504, connection reset, timeout): retried with backoff. */
        TRANSIENT,
        /** A principal created moments ago is not visible yet: retried within its own bounded window. */
        NOT_YET_VISIBLE,
        /** The object already exists: the applier re-reads it and counts it done when it matches. */
        ALREADY_EXISTS,
        /** Permission denied, invalid input, not found: never retried. */
        FATAL
    }

    private ServiceException(Builder builder) {
        super(ServiceText.escape(builder.message), builder.cause);
        this.status = builder.status;
        this.errorCode = ServiceText.escape(builder.errorCode);
        this.requestId = builder.requestId == null ? null : ServiceText.escape(builder.requestId);
        this.failure = builder.failure;
        this.retryAfter = builder.retryAfter;
    }

    /**
     * Starts an exception of a failure kind.
     *
     * @param failure how the failure is handled
     * @param message what failed, naming the call and object, with no secret in it
     * @return a builder
     */
    public static Builder builder(Failure failure, String message) {
        return new Builder(InvalidInputException.requireNonNull(failure, "failure"),
                InvalidInputException.requireNonNull(message, "message"));
    }

    /**
     * Returns the HTTP status of the failed response.
     *
     * @return the status, or 0 when the call had none
     */
    public int status() {
        return status;
    }

    /**
     * Returns the service's error code, e.g. {@code RESOURCE_ALREADY_EXISTS}.
     *
     * @return the code, or an empty string when the service gave none
     */
    public String errorCode() {
        return errorCode;
    }

    /**
     * Returns the request id the service assigned, for support cases.
     *
     * @return the request id, when known
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * Returns the failure kind.
     *
     * @return the kind
     */
    public Failure failure() {
        return failure;
    }

    /**
     * Returns how long the service asked to wait before the next call.
     *
     * @return the {@code Retry-After} delay, when the service sent one (a past date gives zero)
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Tells whether repeating the call may succeed: throttled, transient and not-yet-visible failures.
     *
     * @return {@code true} for retryable kinds
     */
    @Override
    public boolean retryable() {
        return switch (failure) {
            case THROTTLED, TRANSIENT, NOT_YET_VISIBLE -> true;
            case ALREADY_EXISTS, FATAL -> false;
        };
    }

    /** Builds a {@link ServiceException}. */
    public static final class Builder {
        private final Failure failure;
        private final String message;
        private int status;
        private String errorCode = "";
        private String requestId;
        private Duration retryAfter;
        private Throwable cause;

        private Builder(Failure failure, String message) {
            this.failure = failure;
            this.message = message;
        }

        /**
         * Sets the HTTP status.
         *
         * @param status the status, or 0 for none
         * @return this builder
         */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the service's error code.
         *
         * @param errorCode the code
         * @return this builder
         */
        public Builder errorCode(String errorCode) {
            this.errorCode = Objects.requireNonNullElse(errorCode, "");
            return this;
        }

        /**
         * Sets the request id.
         *
         * @param requestId the request id
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * Sets the delay the service asked for; a negative one (a date in the past) counts as zero.
         *
         * @param retryAfter the delay
         * @return this builder
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter == null || !retryAfter.isNegative() ? retryAfter : Duration.ZERO;
            return this;
        }

        /**
         * Sets the underlying vendor failure.
         *
         * @param cause the cause
         * @return this builder
         */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /**
         * Builds the exception.
         *
         * @return the exception, to be thrown
         */
        public ServiceException build() {
            return new ServiceException(this);
        }
    }
}
