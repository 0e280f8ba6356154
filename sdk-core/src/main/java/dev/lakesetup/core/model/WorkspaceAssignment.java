package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.List;
import java.util.Set;

/**
 * The assignment of an account-level service principal to the workspace, which a
 * {@link WorkspaceServicePrincipal#throughAccount() principal created through the account} gets. A teardown removes
 * it (through a handler that {@link dev.lakesetup.core.spi.ResourceHandler#canDelete() can delete} it) without
 * deleting the principal, which is deleted only when the caller names it.
 *
 * @param principal the service principal assigned
 */
public record WorkspaceAssignment(ServicePrincipal principal) implements Resource {

    /**
     * Validates the principal.
     *
     * @param principal the service principal assigned
     */
    public WorkspaceAssignment {
        InvalidInputException.requireNonNull(principal, "assigned service principal");
    }

    /**
     * Returns the workspace assignment of a declared service principal.
     *
     * @param declared the declared principal
     * @return its assignment
     */
    public static WorkspaceAssignment of(WorkspaceServicePrincipal declared) {
        return new WorkspaceAssignment(InvalidInputException.requireNonNull(declared, "service principal").principal());
    }

    @Override
    public ResourceId id() {
        return ResourceId.of("workspace_assignment", WorkspaceServicePrincipal.idOf(principal).key());
    }

    @Override
    public List<Setting> settings() {
        return List.of();
    }

    @Override
    public Set<ResourceId> requires() {
        return Set.of(WorkspaceServicePrincipal.idOf(principal));
    }

    @Override
    public Set<Principal> principals() {
        return Set.of(principal);
    }
}
