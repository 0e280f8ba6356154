package dev.lakesetup.core.internal.read;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The application ids of service principals known by name, learnt while planning and applying; thread-safe. */
public final class Resolutions {
    private final Map<ServicePrincipal, ApplicationId> byName = new ConcurrentHashMap<>();

    /**
     * Creates the context with known resolutions.
     *
     * @param known application ids of principals known by name
     */
    public Resolutions(Map<ServicePrincipal, ApplicationId> known) {
        byName.putAll(known);
    }

    /**
     * Records the application id of a principal.
     *
     * @param principal the reference, by name or id
     * @param applicationId its application id
     */
    public void put(ServicePrincipal principal, ApplicationId applicationId) {
        if (!principal.isResolved()) {
            byName.put(principal, applicationId);
        }
    }

    /**
     * Returns the resolutions so far.
     *
     * @return a copy
     */
    public Map<ServicePrincipal, ApplicationId> snapshot() {
        return Map.copyOf(byName);
    }

    /**
     * Returns the application id of a service principal.
     *
     * @param principal a reference by application id (returned as is) or by display name
     * @return the application id, or empty while one known by name is not resolved
     */
    public Optional<ApplicationId> applicationIdOf(ServicePrincipal principal) {
        return principal.applicationId().or(() -> Optional.ofNullable(byName.get(principal)));
    }
}
