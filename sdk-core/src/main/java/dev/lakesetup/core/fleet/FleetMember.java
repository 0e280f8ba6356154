package dev.lakesetup.core.fleet;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceText;
import java.util.function.Supplier;

/**
 * One member of a fleet: a key that names it in the report (a customer or workspace name) and a supplier of its
 * target, called on the member's own thread when its task starts. Making the connection late keeps a large fleet
 * cheap: only the members in flight hold a client, and a member whose connection cannot be made fails alone.
 *
 * @param key names the member in progress events and the report; unique within one run
 * @param connect makes the member's target (e.g. builds its {@code DatabricksWorkspace}); may throw
 * @param <W> the type of the target
 */
public record FleetMember<W>(String key, Supplier<? extends W> connect) {
    private static final int MAX_KEY_LENGTH = 200;

    /**
     * Checks the key (not blank, at most 200 characters, no control characters) and the supplier.
     *
     * @param key names the member
     * @param connect makes the member's target
     */
    public FleetMember {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH
                || key.chars().anyMatch(c -> ServiceText.isUnsafe((char) c))) {
            throw InvalidInputException.of("fleet member key", key, "it is blank, longer than 200 characters or "
                    + "holds a control character", "a short printable name such as a customer or workspace name");
        }
        InvalidInputException.requireNonNull(connect, "fleet member connection supplier");
    }

    /**
     * Declares a member.
     *
     * @param key names the member
     * @param connect makes the member's target when its task starts
     * @param <W> the type of the target
     * @return the member
     */
    public static <W> FleetMember<W> of(String key, Supplier<? extends W> connect) {
        return new FleetMember<>(key, connect);
    }

    @Override
    public String toString() {
        return "FleetMember[" + key + "]";
    }
}
