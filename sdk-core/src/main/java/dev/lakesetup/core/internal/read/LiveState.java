package dev.lakesetup.core.internal.read;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the services hold of what a blueprint touches: each existing resource as a value of its own kind, the direct
 * grants on each securable read, and the application ids of service principals known by display name.
 *
 * @param resources the declared resources that exist, live, keyed by declared id; one not in it does not exist
 * @param grants each principal's direct privileges on the securables read; a securable not in it has none
 * @param resolved the application ids of service principals known by display name that exist
 */
public record LiveState(Map<ResourceId, Resource> resources, Map<Securable, List<PrincipalPrivileges>> grants,
        Map<ServicePrincipal, ApplicationId> resolved) {

    /**
     * Checks the components; the maps are kept as given (a large grant map is not copied).
     *
     * @param resources the declared resources that exist, live, keyed by declared id
     * @param grants each principal's direct privileges on the securables read
     * @param resolved the application ids of service principals known by display name that exist
     */
    public LiveState {
        resources = Map.copyOf(resources);
        grants = Collections.unmodifiableMap(grants);
        resolved = Map.copyOf(resolved);
    }
}
