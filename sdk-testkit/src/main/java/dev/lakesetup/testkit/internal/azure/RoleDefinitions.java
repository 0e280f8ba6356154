package dev.lakesetup.testkit.internal.azure;

import java.util.List;
import java.util.Locale;

/** The built-in Azure roles the fake knows, with their well-known ids. */
final class RoleDefinitions {

    /**
     * A built-in role.
     *
     * @param id the role definition GUID (the same in every tenant)
     * @param name the role name
     * @param description what it grants
     * @param actions control-plane actions
     * @param dataActions data-plane actions
     */
    record Role(String id, String name, String description, List<String> actions, List<String> dataActions) { }

    private static final String CONTAINERS = "Microsoft.Storage/storageAccounts/blobServices/containers";

    static final List<Role> BUILT_IN = List.of(
            new Role("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner",
                    "Grants full access to manage all resources, including assigning roles.", List.of("*"), List.of()),
            new Role("b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor",
                    "Grants full access to manage all resources, but does not allow assigning roles.",
                    List.of("*"), List.of()),
            new Role("acdd72a7-3385-48ef-bd42-f606fba81ae7", "Reader", "View all resources.",
                    List.of("*/read"), List.of()),
            new Role("18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "User Access Administrator",
                    "Lets you manage user access to Azure resources.",
                    List.of("*/read", "Microsoft.Authorization/*"), List.of()),
            new Role("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner",
                    "Full access to Azure Storage blob containers and data, including assigning POSIX access control.",
                    List.of(CONTAINERS + "/*"), List.of(CONTAINERS + "/blobs/*")),
            new Role("ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Storage Blob Data Contributor",
                    "Read, write, and delete Azure Storage containers and blobs.",
                    List.of(CONTAINERS + "/delete", CONTAINERS + "/read", CONTAINERS + "/write"),
                    List.of(CONTAINERS + "/blobs/delete", CONTAINERS + "/blobs/read", CONTAINERS + "/blobs/write")),
            new Role("2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", "Storage Blob Data Reader",
                    "Read and list Azure Storage containers and blobs.",
                    List.of(CONTAINERS + "/read"), List.of(CONTAINERS + "/blobs/read")));

    private RoleDefinitions() {
    }

    /** Returns the role with this GUID (any case), or null. */
    static Role byId(String id) {
        return BUILT_IN.stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst().orElse(null);
    }

    /** Returns the GUID at the end of a role definition id ({@code .../roleDefinitions/GUID}) or the text itself. */
    static String guidOf(String roleDefinitionId) {
        int slash = roleDefinitionId.lastIndexOf('/');
        return (slash < 0 ? roleDefinitionId : roleDefinitionId.substring(slash + 1)).toLowerCase(Locale.ROOT);
    }
}
