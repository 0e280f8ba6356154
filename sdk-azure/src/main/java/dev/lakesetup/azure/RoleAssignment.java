package dev.lakesetup.azure;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Setting;
import java.util.List;
import java.util.Set;

/**
 * A role assignment of an Entra service principal on an ADLS container, or on its whole storage account. Its
 * Azure name is a name-based UUID of scope, principal and role, so applying it twice creates it once.
 *
 * @param container the container (and through it the storage account)
 * @param principal the service principal, by application id
 * @param role the role (Storage Blob Data Contributor by default)
 * @param accountWide whether the scope is the storage account rather than the container
 */
public record RoleAssignment(AdlsContainer container, EntraServicePrincipal principal, AzureRole role,
                             boolean accountWide) implements Resource {

    /** The resource kind. */
    public static final String KIND = "role_assignment";

    /**
     * Checks the components.
     *
     * @param container the container (and through it the storage account)
     * @param principal the service principal, by application id
     * @param role the role (Storage Blob Data Contributor by default)
     * @param accountWide whether the scope is the storage account rather than the container
     */
    public RoleAssignment {
        InvalidInputException.requireNonNull(container, "container");
        InvalidInputException.requireNonNull(principal, "principal");
        InvalidInputException.requireNonNull(role, "role");
    }

    /**
     * Declares Storage Blob Data Contributor for a principal on a container.
     *
     * @param container the container
     * @param principal the principal
     * @return the assignment
     */
    public static RoleAssignment on(AdlsContainer container, EntraServicePrincipal principal) {
        return new RoleAssignment(container, principal, AzureRole.STORAGE_BLOB_DATA_CONTRIBUTOR, false);
    }

    /**
     * Returns a copy with another role.
     *
     * @param value the role
     * @return the copy
     */
    public RoleAssignment withRole(AzureRole value) {
        return new RoleAssignment(container, principal, value, accountWide);
    }

    /**
     * Returns a copy scoped to the whole storage account.
     *
     * @return the copy
     */
    public RoleAssignment onAccount() {
        return new RoleAssignment(container, principal, role, true);
    }

    /**
     * Returns the scope (a Resource Manager id) in a subscription.
     *
     * @param subscriptionId the subscription
     * @return the container's or the account's id
     */
    public String scope(String subscriptionId) {
        return accountWide ? container.accountScope(subscriptionId) : container.scope(subscriptionId);
    }

    @Override
    public ResourceId id() {
        String target = accountWide ? container.storageAccount() : container.storageAccount() + "/"
                + container.container();
        return ResourceId.of(KIND, role.id() + "@" + target + "@" + principal.applicationId());
    }

    @Override
    public List<Setting> settings() {
        return List.of();
    }

    @Override
    public Set<ResourceId> requires() {
        return accountWide ? Set.of(principal.id()) : Set.of(principal.id(), container.id());
    }
}
