package dev.lakesetup.databricks.internal;

import com.databricks.sdk.core.DatabricksError;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one SDK call, wrapping its failure once; a read turns "not found" into an empty result. */
public final class Calls {
    private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

    private Calls() {
    }

    /**
     * Runs a call that changes or must find something.
     *
     * @param what the call and object, for messages
     * @param call the call
     * @param <T> the result type
     * @return the result
     */
    public static <T> T run(String what, Supplier<T> call) {
        LOG.debug("{}", what);
        try {
            return call.get();
        } catch (LakesetupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Failures.fromSdk(what, e);
        }
    }

    /**
     * Runs a call that returns nothing.
     *
     * @param what the call and object, for messages
     * @param call the call
     */
    public static void run(String what, Runnable call) {
        run(what, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Runs a read whose object may not exist.
     *
     * @param what the read and object, for messages
     * @param call the call
     * @param <T> the result type
     * @return the result, or empty when the service answered 404 or a {@code *_DOES_NOT_EXIST} / {@code *_NOT_FOUND}
     *     code
     */
    public static <T> Optional<T> read(String what, Supplier<T> call) {
        LOG.debug("{}", what);
        try {
            return Optional.ofNullable(call.get());
        } catch (LakesetupException e) {
            throw e;
        } catch (RuntimeException e) {
            DatabricksError answer = Failures.answerError(e);
            if (answer != null && isNotFound(answer.getStatusCode(), answer.getErrorCode())) {
                return Optional.empty();
            }
            throw Failures.fromSdk(what, e);
        }
    }

    /**
     * Tells whether an error says the object does not exist (and not that a principal is not visible yet).
     *
     * @param status the HTTP status
     * @param code the error code
     * @return {@code true} for a missing object
     */
    static boolean isNotFound(int status, String code) {
        String c = code == null ? "" : code;
        if (c.equals("PRINCIPAL_DOES_NOT_EXIST") || c.equals("METASTORE_DOES_NOT_EXIST")) {
            return false;
        }
        return status == 404 || c.endsWith("_DOES_NOT_EXIST") || c.endsWith("_NOT_FOUND") || c.equals("NOT_FOUND");
    }

    /**
     * Fails because an action cannot be applied by an executor.
     *
     * @param what the change
     * @return the exception, to be thrown
     */
    public static ServiceException unsupported(String what) {
        return ServiceException.builder(ServiceException.Failure.FATAL, what).build();
    }

    /**
     * Runs a delete whose object may be gone already: a "not found" answer counts as done, so a teardown re-run
     * after a crash converges. Any other failure is wrapped once, as {@link #run} does.
     *
     * @param what the delete and object, for messages
     * @param call the call
     * @return {@code true} when the call deleted the object, {@code false} when it was gone already
     */
    public static boolean delete(String what, Runnable call) {
        Optional<Boolean> deleted = read(what, () -> {
            call.run();
            return Boolean.TRUE;
        });
        return deleted.isPresent();
    }
}
