package dev.lakesetup.azure;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An Azure role definition, named by its id (a GUID, the same in every tenant for built-in roles).
 *
 * @param id the role definition id
 * @param name the role name, for plans and messages
 */
public record AzureRole(UUID id, String name) {

    /** Storage Blob Data Contributor: read, write and delete containers and blobs. */
    public static final AzureRole STORAGE_BLOB_DATA_CONTRIBUTOR =
            new AzureRole(UUID.fromString("ba92f5b4-2d11-453d-a403-e96b0029c9fe"), "Storage Blob Data Contributor");

    /** Storage Blob Data Reader: read and list containers and blobs. */
    public static final AzureRole STORAGE_BLOB_DATA_READER =
            new AzureRole(UUID.fromString("2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"), "Storage Blob Data Reader");

    /** Storage Blob Data Owner: full access to containers and blobs. */
    public static final AzureRole STORAGE_BLOB_DATA_OWNER =
            new AzureRole(UUID.fromString("b7e6dc6d-f1e8-4753-8033-0f276bb0955b"), "Storage Blob Data Owner");

    /** Reader: view all resources. */
    public static final AzureRole READER =
            new AzureRole(UUID.fromString("acdd72a7-3385-48ef-bd42-f606fba81ae7"), "Reader");

    private static final List<AzureRole> BUILT_IN =
            List.of(STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_READER, STORAGE_BLOB_DATA_OWNER, READER);

    /**
     * Checks the components.
     *
     * @param id the role definition id
     * @param name the role name, for plans and messages
     */
    public AzureRole {
        InvalidInputException.requireNonNull(id, "role id");
        InvalidInputException.requireNonNull(name, "role name");
    }

    /**
     * Returns a built-in role by its name, compared case-insensitively.
     *
     * @param name a role name such as {@code Storage Blob Data Contributor}
     * @return the role
     * @throws InvalidInputException when the name is not a built-in role this release knows (use {@link #of})
     */
    public static AzureRole builtIn(String name) {
        InvalidInputException.requireNonNull(name, "role name");
        return BUILT_IN.stream().filter(r -> r.name.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(
                Locale.ROOT))).findFirst().orElseThrow(() -> InvalidInputException.of("role", name,
                "is not a built-in role known by name", "one of " + BUILT_IN.stream().map(AzureRole::name).toList()
                        + ", or any role by id with AzureRole.of(id, name)"));
    }

    /**
     * Returns a role by id.
     *
     * @param id the role definition GUID
     * @param name its name, for plans and messages
     * @return the role
     */
    public static AzureRole of(UUID id, String name) {
        return new AzureRole(id, name);
    }
}
