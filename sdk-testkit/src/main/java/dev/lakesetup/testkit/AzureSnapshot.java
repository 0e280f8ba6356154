package dev.lakesetup.testkit;

import java.util.List;
import java.util.Map;

/**
 * A copy of a {@link FakeAzure}'s state, for assertions.
 *
 * @param servicePrincipals Entra service principals in creation order
 * @param roleAssignments role assignments in creation order
 * @param containers container names per storage account
 */
public record AzureSnapshot(List<ServicePrincipal> servicePrincipals, List<RoleAssignment> roleAssignments,
                            Map<String, List<String>> containers) {

    /**
     * Copies the collections.
     *
     * @param servicePrincipals Entra service principals in creation order
     * @param roleAssignments role assignments in creation order
     * @param containers container names per storage account
     */
    public AzureSnapshot {
        servicePrincipals = List.copyOf(servicePrincipals);
        roleAssignments = List.copyOf(roleAssignments);
        containers = Map.copyOf(containers);
    }

    /**
     * Returns the containers of one storage account (empty when none or unknown).
     *
     * @param account the storage account name
     * @return the containers of one storage account (empty when none or unknown)
     */
    public List<String> containersOf(String account) {
        return containers.getOrDefault(account, List.of());
    }

    /**
     * An Entra service principal.
     *
     * @param id object id
     * @param appId application (client) id
     * @param displayName display name
     * @param accountEnabled whether sign-in is enabled
     */
    public record ServicePrincipal(String id, String appId, String displayName, boolean accountEnabled) { }

    /**
     * A role assignment.
     *
     * @param name the assignment name (a GUID)
     * @param scope the scope it was created at
     * @param roleDefinitionId the role definition GUID
     * @param principalId the principal's object id
     * @param principalType the principal type ({@code ServicePrincipal})
     */
    public record RoleAssignment(String name, String scope, String roleDefinitionId, String principalId,
                                 String principalType) { }
}
