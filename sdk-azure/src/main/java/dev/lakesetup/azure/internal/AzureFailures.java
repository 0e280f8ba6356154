package dev.lakesetup.azure.internal;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementException;
import com.azure.storage.file.datalake.models.DataLakeStorageException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Supplier;

/** Turns the Azure libraries' exceptions into {@link ServiceException}s with the right failure kind. */
public final class AzureFailures {

    private static final Set<String> ALREADY_EXISTS = Set.of("RoleAssignmentExists",
            "Request_MultipleObjectsWithSameKeyValue", "ContainerAlreadyExists");
    private static final Set<String> TRANSIENT_CODES = Set.of("ContainerBeingDeleted", "ServerBusy",
            "OperationTimedOut", "InternalError");

    private AzureFailures() {
    }

    /**
     * Makes one call, wrapping a library failure.
     *
     * @param operation what is called, naming the object, for the message
     * @param body the call
     * @param <T> the result type
     * @return the call's result
     * @throws ServiceException when the call fails
     */
    public static <T> T call(String operation, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            throw wrap(operation, e);
        }
    }

    /**
     * Wraps a failure of a call.
     *
     * @param operation what was called, naming the object, for the message
     * @param e the library's exception
     * @return the exception to throw
     */
    public static ServiceException wrap(String operation, RuntimeException e) {
        if (e instanceof ServiceException se) {
            return se;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpResponseException http && http.getResponse() != null) {
                return fromResponse(operation, http);
            }
        }
        Failure kind = e instanceof UncheckedIOException || e.getCause() instanceof java.io.IOException
                ? Failure.TRANSIENT : Failure.FATAL;
        return ServiceException.builder(kind, operation + " failed: " + e.getClass().getSimpleName()).cause(e)
                .build();
    }

    private static ServiceException fromResponse(String operation, HttpResponseException e) {
        HttpResponse response = e.getResponse();
        int status = response.getStatusCode();
        String code = code(e);
        String message = serviceMessage(e);
        Failure kind = classify(status, code, message);
        String requestId = response.getHeaderValue("x-ms-request-id");
        ServiceException.Builder b = ServiceException.builder(kind, operation + " failed: HTTP " + status
                        + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message))
                .status(status).errorCode(code).cause(e)
                .requestId(requestId != null ? requestId : response.getHeaderValue("request-id"));
        String retryAfter = response.getHeaderValue("Retry-After");
        if (retryAfter != null) {
            b.retryAfter(retryAfter(retryAfter.trim(), Instant.now()));
        }
        return b.build();
    }

    /** Classifies a failed response by status, error code and message. */
    static Failure classify(int status, String code, String message) {
        if (status == 429) {
            return Failure.THROTTLED;
        }
        if (ALREADY_EXISTS.contains(code)) {
            return Failure.ALREADY_EXISTS;
        }
        if ("PrincipalNotFound".equals(code)
                || ("Request_BadRequest".equals(code) && message.contains("does not reference a valid application"))) {
            return Failure.NOT_YET_VISIBLE;
        }
        if (status >= 500 || status == 408 || TRANSIENT_CODES.contains(code)) {
            return Failure.TRANSIENT;
        }
        return Failure.FATAL;
    }

    /**
     * Reads a {@code Retry-After} value: seconds, or an HTTP date (a past date asks for no wait).
     *
     * @param value the header value
     * @param now the current time
     * @return the wait, or {@code null} when the value is neither
     */
    static Duration retryAfter(String value, Instant now) {
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            return Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String code(HttpResponseException e) {
        if (e instanceof ManagementException m && m.getValue() != null && m.getValue().getCode() != null) {
            return m.getValue().getCode();
        }
        if (e instanceof DataLakeStorageException s && s.getErrorCode() != null) {
            return s.getErrorCode();
        }
        String header = e.getResponse().getHeaderValue("x-ms-error-code");
        return header == null ? "" : header;
    }

    private static String serviceMessage(HttpResponseException e) {
        if (e instanceof ManagementException m && m.getValue() != null && m.getValue().getMessage() != null) {
            return m.getValue().getMessage();
        }
        if (e instanceof DataLakeStorageException s) {
            String text = s.getServiceMessage();
            int xml = text == null ? -1 : text.indexOf("<Message>");
            if (xml >= 0) {
                int end = text.indexOf('\n', xml);
                return text.substring(xml + 9, end > xml ? end : Math.max(xml + 9, text.indexOf("</Message>")));
            }
        }
        return "";
    }

    /**
     * Makes one delete call; a 404 answer (the object is gone already) counts as done, so a teardown re-run after a
     * crash converges. Other failures are wrapped as {@link #call} does.
     *
     * @param operation what is deleted, naming the object, for the message
     * @param body the call
     * @return {@code true} when the call deleted the object, {@code false} when it was gone already
     * @throws ServiceException when the call fails otherwise
     */
    public static boolean delete(String operation, Runnable body) {
        try {
            body.run();
            return true;
        } catch (RuntimeException e) {
            ServiceException wrapped = wrap(operation, e);
            if (wrapped.status() == 404) {
                return false;
            }
            throw wrapped;
        }
    }
}
