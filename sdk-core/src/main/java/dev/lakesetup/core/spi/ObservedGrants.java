package dev.lakesetup.core.spi;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Principal;
import java.util.regex.Pattern;

/** Helpers for readers that report grants. */
public final class ObservedGrants {
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ObservedGrants() {
    }

    /**
     * Makes a principal from the name a grants listing shows: an application id (a UUID) is a service principal,
     * a name with {@code @} a user, anything else a group.
     *
     * @param grantName the principal's name in the listing
     * @return the principal
     */
    public static Principal principalOf(String grantName) {
        InvalidInputException.requireNonNull(grantName, "principal name");
        String name = grantName.trim();
        if (UUID.matcher(name).matches()) {
            return Principal.servicePrincipal(ApplicationId.of(name));
        }
        return name.contains("@") ? Principal.user(name) : Principal.group(name);
    }
}
