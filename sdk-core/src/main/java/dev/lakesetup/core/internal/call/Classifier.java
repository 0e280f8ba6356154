package dev.lakesetup.core.internal.call;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Decides how a failure is handled: by its {@link ServiceException} kind, with I/O failures transient. */
public final class Classifier {
    private static final int MAX_DEPTH = 10;

    private Classifier() {
    }

    /**
     * Classifies a failure of an executor call.
     *
     * @param failure what the call threw
     * @return the kind of what the cause chain meets first: {@code FATAL} for a fan-out whose call already failed
     *     for good or that was interrupted or stopped (also when a handler wrapped it in its own exception, so an
     *     outer retry does not make its calls again), a {@link ServiceException}'s kind, {@code TRANSIENT} for an
     *     I/O failure; otherwise {@code FATAL}
     */
    public static Failure classify(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof RetriesExhaustedException || current instanceof Retrier.InterruptedCallException) {
                return Failure.FATAL;
            }
            if (current instanceof ServiceException service) {
                return service.failure();
            }
            if (current instanceof IOException || current instanceof UncheckedIOException) {
                return Failure.TRANSIENT;
            }
            current = current.getCause();
        }
        return Failure.FATAL;
    }

    /**
     * Finds the {@link ServiceException} in a failure's cause chain.
     *
     * @param failure the failure
     * @return the service exception, or {@code null} when there is none
     */
    public static ServiceException serviceException(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof ServiceException service) {
                return service;
            }
            current = current.getCause();
        }
        return null;
    }
}
