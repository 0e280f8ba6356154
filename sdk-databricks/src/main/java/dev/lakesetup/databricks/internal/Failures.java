package dev.lakesetup.databricks.internal;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.core.error.details.ErrorDetails;
import com.databricks.sdk.core.error.details.RequestInfo;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.exception.ServiceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the failures of the Databricks SDK and the JDBC driver into the kinds lakesetup's retry policy knows,
 * and wraps them once in a {@link ServiceException}.
 *
 * <p>The error code decides first, the HTTP status second: {@code REQUEST_LIMIT_EXCEEDED} or 429 is throttled,
 * {@code PRINCIPAL_DOES_NOT_EXIST} (or a message saying a principal is not in the workspace) is not yet visible,
 * any {@code *_ALREADY_EXISTS} code or a 409 is already-exists, 500/502/503/504, connection errors and
 * {@code TEMPORARILY_UNAVAILABLE} are transient, everything else is fatal; an answer longer than the transport's
 * size limit is fatal too, although it surfaces as an I/O error. The SDK's "failed after N retries"
 * wrapper is unwrapped to its typed cause. An answer that asked for a delay with {@code Retry-After} arrives as a
 * {@link RetryAfterAnswer} (from {@link RetryAfterRelay}): it is classified like the SDK's error it holds, which
 * becomes the cause, and its delay goes on the exception.
 */
public final class Failures {
    private static final Set<String> THROTTLED = Set.of("REQUEST_LIMIT_EXCEEDED", "RESOURCE_EXHAUSTED",
            "TOO_MANY_REQUESTS");
    private static final Set<String> TRANSIENT = Set.of("TEMPORARILY_UNAVAILABLE", "INTERNAL_ERROR",
            "DEADLINE_EXCEEDED", "IO_ERROR", "ABORTED", "UNAVAILABLE", "SERVICE_UNDER_MAINTENANCE",
            "WORKSPACE_TEMPORARILY_UNAVAILABLE", "BAD_GATEWAY", "GATEWAY_TIMEOUT");
    private static final Set<String> ALREADY_EXISTS = Set.of("RESOURCE_ALREADY_EXISTS", "ALREADY_EXISTS",
            "SCIM_409", "RESOURCE_CONFLICT");
    private static final Pattern NOT_VISIBLE = Pattern.compile(
            "(?i)principal\\b.*\\b(does not exist|not found|not in (the )?workspace|cannot be found)"
                    + "|\\bnot in workspace\\b|could not find principal");
    private static final Pattern RETRIES_EXHAUSTED = Pattern.compile("failed after \\d+ retries");
    private static final Pattern TOKEN_BUCKET = Pattern.compile("(?i)token bucket|rate limit|too many requests");
    private static final Pattern CODE_IN_TEXT = Pattern.compile("\\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\\b");
    /** How the JDBC driver reports a statement the service answered FAILED: its message, then its error code. */
    private static final Pattern DRIVER_STATEMENT_FAILED =
            Pattern.compile("(?s)Error Message: (.*), Error code: ([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern ERROR_CLASS = Pattern.compile("\\[([A-Z][A-Z0-9_]*)(?:\\.[A-Z0-9_]+)*\\]");
    private static final int MAX_SHOWN = 1000;
    private static final Pattern STATUS_ONLY = Pattern.compile("(?i)(?:http )?status(?: code)?:? *\\d{3}");
    private static final Pattern STATUS_IN_TEXT = Pattern.compile("(?i)\\b(?:http(?: status)?|status code)[: ]+(\\d{3})\\b");

    private Failures() {
    }

    /**
     * Wraps a failure of a call through the Databricks SDK.
     *
     * @param what the call and object, e.g. {@code create catalog sales}
     * @param failure what the SDK threw
     * @return the classified exception, to be thrown
     */
    public static LakesetupException fromSdk(String what, RuntimeException failure) {
        if (failure instanceof LakesetupException already) {
            return already;
        }
        ServiceException inner = serviceCause(failure);
        if (inner != null) {
            return ServiceException.builder(inner.failure(), what + " failed: " + inner.getMessage())
                    .status(inner.status()).errorCode(inner.errorCode()).requestId(inner.requestId().orElse(null))
                    .retryAfter(inner.retryAfter().orElse(null)).cause(inner).build();
        }
        BoundedBody.TooLarge tooLarge = causeOfType(failure, BoundedBody.TooLarge.class);
        if (tooLarge != null) {
            return ServiceException.builder(Failure.FATAL, what + " failed: " + tooLarge.getMessage()
                    + " (an oversized answer is not retried)").cause(failure).build();
        }
        RetryAfterAnswer delayed = causeOfType(failure, RetryAfterAnswer.class);
        if (delayed != null) {
            return fromError(what, delayed.error(), delayed.retryAfter(), delayed.error());
        }
        DatabricksError typed = causeOfType(failure, DatabricksError.class);
        if (typed != null) {
            return fromError(what, typed, null, failure);
        }
        if (failure instanceof UncheckedIOException || failure.getCause() instanceof IOException
                || (failure instanceof DatabricksException && RETRIES_EXHAUSTED.matcher(
                        String.valueOf(failure.getMessage())).find())) {
            return ServiceException.builder(Failure.TRANSIENT, what + " failed: " + failure.getMessage())
                    .cause(failure).build();
        }
        return ServiceException.builder(Failure.FATAL, what + " failed: " + failure).cause(failure).build();
    }

    /**
     * Returns the SDK's error for a failed answer when a call threw one directly: a {@link DatabricksError}, or the
     * error of an answer that carried {@code Retry-After}.
     *
     * @param failure what the call threw
     * @return the error, or {@code null} when the call failed otherwise (or the error is wrapped deeper)
     */
    static DatabricksError answerError(RuntimeException failure) {
        if (failure instanceof DatabricksError error) {
            return error;
        }
        return failure instanceof RetryAfterAnswer delayed ? delayed.error() : null;
    }

    private static ServiceException fromError(String what, DatabricksError typed, Duration retryAfter,
            Throwable cause) {
        int status = typed.getStatusCode();
        String code = typed.getErrorCode() == null ? "" : typed.getErrorCode();
        String message = typed.getMessage() == null ? "" : typed.getMessage();
        Failure kind = typed.getCause() instanceof IOException ? Failure.TRANSIENT : classify(status, code, message);
        return ServiceException.builder(kind, what + " failed: " + describe(status, code, message))
                .status(status).errorCode(code).requestId(requestId(typed.getErrorDetails()))
                .retryAfter(retryAfter).cause(cause).build();
    }

    /**
     * Wraps a failure of a SQL statement; the error code and status are read from the driver's message when it
     * names them (a statement that the service reports as FAILED arrives as an {@link SQLException}).
     *
     * @param what the statement's purpose, e.g. {@code grant on catalog sales}
     * @param failure what the driver threw
     * @return the classified exception, to be thrown
     */
    public static ServiceException fromSql(String what, SQLException failure) {
        String message = allMessages(failure);
        Matcher statement = DRIVER_STATEMENT_FAILED.matcher(String.valueOf(failure.getMessage()));
        if (statement.find()) {
            return statementFailed(what, "FAILED", statement.group(2), statement.group(1).trim(), failure);
        }
        int status = 0;
        Matcher statusMatch = STATUS_IN_TEXT.matcher(message);
        if (statusMatch.find()) {
            status = Integer.parseInt(statusMatch.group(1));
        }
        String code = firstKnownCode(message);
        Failure kind = classify(status, code, message);
        if (kind == Failure.FATAL && (failure instanceof SQLTransientException
                || failure instanceof SQLRecoverableException
                || (failure.getSQLState() != null && failure.getSQLState().startsWith("08")))) {
            kind = Failure.TRANSIENT;
        }
        return ServiceException.builder(kind, what + " failed: " + firstLine(failure.getMessage()))
                .status(status).errorCode(code).cause(failure).build();
    }

    /**
     * Wraps a statement that ended in a state other than SUCCEEDED (a FAILED one typically comes with HTTP 200),
     * keeping the service's message (control characters escaped, shortened) and error code: the error class the
     * message opens with ({@code [INSUFFICIENT_PERMISSIONS] ...}) when it names one, else the {@code error_code}.
     *
     * @param what the statement's purpose
     * @param state the statement's end state, e.g. {@code FAILED}
     * @param code the service's {@code error_code}, empty when none
     * @param message the service's message, empty when none
     * @param cause what the client threw, or {@code null}
     * @return the classified exception, to be thrown
     */
    public static ServiceException statementFailed(String what, String state, String code, String message,
            Throwable cause) {
        Failure kind = "FAILED".equals(state) ? classify(0, firstKnownCode(message + "\n" + code), message)
                : Failure.FATAL;
        Matcher errorClass = ERROR_CLASS.matcher(message);
        String shown = printable(message);
        return ServiceException.builder(kind, what + " failed: statement " + state
                + (code.isEmpty() ? "" : " " + code) + (shown.isEmpty() ? "" : ": " + shown))
                .errorCode(errorClass.lookingAt() ? errorClass.group(1) : code).cause(cause).build();
    }

    /**
     * Classifies a failure by the service's error code, HTTP status and message.
     *
     * @param status the HTTP status, 0 when unknown
     * @param code the error code, empty when unknown
     * @param message the message
     * @return the failure kind
     */
    public static Failure classify(int status, String code, String message) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (THROTTLED.contains(upper) || status == 429 || TOKEN_BUCKET.matcher(message).find()) {
            return Failure.THROTTLED;
        }
        if (upper.equals("PRINCIPAL_DOES_NOT_EXIST") || NOT_VISIBLE.matcher(message).find()) {
            return Failure.NOT_YET_VISIBLE;
        }
        if (ALREADY_EXISTS.contains(upper) || upper.endsWith("_ALREADY_EXISTS")) {
            return Failure.ALREADY_EXISTS;
        }
        if (TRANSIENT.contains(upper) || status == 500 || status == 502 || status == 503 || status == 504
                || status == 523) {
            return Failure.TRANSIENT;
        }
        if (status == 409) {
            return Failure.ALREADY_EXISTS;
        }
        return Failure.FATAL;
    }

    private static ServiceException serviceCause(Throwable failure) {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceException service) {
                return service;
            }
        }
        return null;
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String requestId(ErrorDetails details) {
        if (details == null) {
            return null;
        }
        return details.requestInfo().map(RequestInfo::requestId).orElse(null);
    }

    private static String describe(int status, String code, String message) {
        StringBuilder out = new StringBuilder();
        if (status > 0) {
            out.append(status).append(' ');
        }
        if (!code.isEmpty()) {
            out.append(code).append(": ");
        }
        String line = firstLine(message).strip();
        if (line.isEmpty() || (status > 0 && STATUS_ONLY.matcher(line).matches()
                && line.endsWith(Integer.toString(status)))) {
            // a body that is not a Databricks error (empty, or a proxy's page) leaves only the status to tell
            return out.append(code.isEmpty() ? "no Databricks error in the answer" : "no message").toString();
        }
        return out.append(line).toString();
    }

    private static String firstKnownCode(String message) {
        Matcher m = CODE_IN_TEXT.matcher(message);
        String first = "";
        while (m.find()) {
            String candidate = m.group(1);
            if (classify(0, candidate, "") != Failure.FATAL) {
                return candidate;
            }
            if (first.isEmpty()) {
                first = candidate;
            }
        }
        return first;
    }

    private static String allMessages(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                out.append(t.getMessage()).append('\n');
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != t) {
                out.append(sql.getNextException().getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    /** Returns service text on one line, escaped as all service text is, at most 1000 characters. */
    private static String printable(String text) {
        String escaped = ServiceText.escape(text);
        return escaped.length() > MAX_SHOWN ? escaped.substring(0, MAX_SHOWN) + "..." : escaped;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }
}
