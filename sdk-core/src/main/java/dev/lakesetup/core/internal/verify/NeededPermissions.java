package dev.lakesetup.core.internal.verify;

import java.util.Map;

/**
 * What an identity needs to make each read a verify makes, by the kind of object read, as the services document it
 * (docs/fidelity.md): the text a skipped item carries after the service's own message.
 */
final class NeededPermissions {
    private static final Map<String, String> BY_KIND = Map.ofEntries(
            Map.entry("catalog", "the catalog's owner, a metastore admin, or a privilege on it such as BROWSE or "
                    + "USE CATALOG"),
            Map.entry("schema", "the schema's owner, a metastore admin, or USE CATALOG on its catalog and a "
                    + "privilege on it such as BROWSE or USE SCHEMA"),
            Map.entry("storage_credential", "the credential's owner, a metastore admin, or a privilege on it"),
            Map.entry("external_location", "the location's owner, a metastore admin, or a privilege on it"),
            Map.entry("service_principal", "a workspace admin (lists service principals through SCIM)"),
            Map.entry("principal", "a workspace admin (looks principals up through SCIM)"),
            Map.entry("oauth_secret", "a workspace admin (lists the principal's OAuth secrets)"),
            Map.entry("warehouse_permission", "CAN MANAGE on the SQL warehouse, or a workspace admin (reads its "
                    + "permissions)"),
            Map.entry("grants", "a metastore admin, the object's owner, or MANAGE on it (reads every grant on it)"),
            Map.entry("entra_service_principal", "Microsoft Graph Application.Read.All (reads applications and "
                    + "service principals)"),
            Map.entry("adls_container", "Reader on the storage account (reads its containers)"),
            Map.entry("role_assignment", "Microsoft.Authorization/roleAssignments/read on the scope (Reader)"));

    private NeededPermissions() {
    }

    /**
     * Returns the reason a denied read gives: the service's message and what the read needs.
     *
     * @param kind the kind of object read, e.g. {@code catalog} or {@code grants}
     * @param message the service's message (already escaped)
     * @return the reason
     */
    static String reason(String kind, String message) {
        return "not readable by this identity (" + message + "); needs "
                + BY_KIND.getOrDefault(kind, "a permission to read it");
    }
}
