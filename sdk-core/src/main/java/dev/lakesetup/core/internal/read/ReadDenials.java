package dev.lakesetup.core.internal.read;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.internal.call.Classifier;
import dev.lakesetup.core.model.Resource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The reads a verify could not make because the identity may not read: a read call that fails with a permission
 * error (HTTP 403, or the error codes {@code PERMISSION_DENIED} / {@code INSUFFICIENT_PERMISSIONS}) answers empty and
 * records, for each object it was reading, the service's message. Every other failure still fails the read. Plans
 * never use it: a plan that cannot read what it changes must fail. Thread-safe.
 */
public final class ReadDenials {
    private static final Set<String> DENIED_CODES = Set.of("PERMISSION_DENIED", "INSUFFICIENT_PERMISSIONS",
            "AUTHORIZATIONFAILED", "FORBIDDEN");

    private final Map<Object, String> denied = new ConcurrentHashMap<>();

    /**
     * Makes a read call; when it fails with a permission error, records each item and answers {@code empty}.
     *
     * @param items what the call reads: resources (recorded by id), securables or principals
     * @param call the read call
     * @param empty the answer for a denied read
     * @param <T> the answer's type
     * @return the call's answer, or {@code empty}
     * @throws RuntimeException the call's failure when it is not a permission error
     */
    public <T> T guard(List<?> items, Supplier<T> call, T empty) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            Optional<ServiceException> denial = permissionDenied(e);
            if (denial.isEmpty()) {
                throw e;
            }
            String message = denial.get().getMessage();
            items.forEach(item -> denied.putIfAbsent(keyOf(item), message));
            return empty;
        }
    }

    /**
     * Returns the service's message for an object whose read was denied.
     *
     * @param item a resource id, securable or principal
     * @return the message, or empty when its read was not denied
     */
    public Optional<String> reasonFor(Object item) {
        return Optional.ofNullable(denied.get(keyOf(item)));
    }

    /**
     * Tells whether any read was denied.
     *
     * @return {@code true} when at least one was
     */
    public boolean any() {
        return !denied.isEmpty();
    }

    /**
     * Finds the permission error in a failure's cause chain.
     *
     * @param failure what a read threw
     * @return the service exception when it is a permission error
     */
    public static Optional<ServiceException> permissionDenied(Throwable failure) {
        ServiceException service = Classifier.serviceException(failure);
        if (service == null) {
            return Optional.empty();
        }
        boolean denied = service.status() == 403
                || DENIED_CODES.contains(service.errorCode().toUpperCase(Locale.ROOT));
        return denied ? Optional.of(service) : Optional.empty();
    }

    private static Object keyOf(Object item) {
        return item instanceof Resource resource ? resource.id() : item;
    }
}
