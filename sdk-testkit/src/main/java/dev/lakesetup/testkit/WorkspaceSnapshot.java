package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.databricks.UnityCatalog;
import dev.lakesetup.testkit.internal.databricks.WorkspaceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A copy of a {@link FakeWorkspace}'s state, for assertions.
 *
 * @param catalogs catalog names
 * @param schemas schema full names ({@code catalog.schema})
 * @param grants direct grants per securable, keyed {@code type:full_name} (for example {@code catalog:main}), then
 *     principal, then privileges in the REST spelling
 * @param principals service principals
 * @param warehouseAcls per warehouse id: principal ({@code kind:name}, for example
 *     {@code service_principal_name:<application id>}) to permission level
 * @param secretsPerPrincipal number of OAuth secrets per application id
 */
public record WorkspaceSnapshot(List<String> catalogs, List<String> schemas,
                                Map<String, Map<String, Set<String>>> grants, List<Principal> principals,
                                Map<String, Map<String, String>> warehouseAcls,
                                Map<String, Integer> secretsPerPrincipal) {

    /**
     * Copies the collections.
     *
     * @param catalogs catalog names
     * @param schemas schema full names ({@code catalog.schema})
     * @param grants direct grants per securable, keyed {@code type:full_name} (for example {@code catalog:main}), then principal, then privileges in the REST spelling
     * @param principals service principals
     * @param warehouseAcls per warehouse id: principal ({@code kind:name}, for example {@code service_principal_name:<application id>}) to permission level
     * @param secretsPerPrincipal number of OAuth secrets per application id
     */
    public WorkspaceSnapshot {
        catalogs = List.copyOf(catalogs);
        schemas = List.copyOf(schemas);
        grants = Map.copyOf(grants);
        principals = List.copyOf(principals);
        warehouseAcls = Map.copyOf(warehouseAcls);
        secretsPerPrincipal = Map.copyOf(secretsPerPrincipal);
    }

    /**
     * Returns the direct grants on one securable (type in REST spelling, full name lower case).
     *
     * @param type the securable type in REST spelling, e.g. {@code catalog}
     * @param fullName the securable's full name, lower case
     * @return the direct grants on one securable (type in REST spelling, full name lower case)
     */
    public Map<String, Set<String>> grantsOn(String type, String fullName) {
        return grants.getOrDefault(type + ":" + fullName, Map.of());
    }

    /**
     * A service principal.
     *
     * @param id SCIM id
     * @param applicationId application (client) id
     * @param displayName display name
     * @param inWorkspace whether it is in the workspace
     * @param entitlements workspace entitlements
     */
    public record Principal(String id, String applicationId, String displayName, boolean inWorkspace,
                            Set<String> entitlements) {

        /**
         * Copies the set.
         *
         * @param id SCIM id
         * @param applicationId application (client) id
         * @param displayName display name
         * @param inWorkspace whether it is in the workspace
         * @param entitlements workspace entitlements
         */
        public Principal {
            entitlements = Set.copyOf(entitlements);
        }
    }

    /** Copies a fake workspace's state; the caller holds the context's lock. */
    static WorkspaceSnapshot of(WorkspaceContext ctx) {
        List<String> catalogs = ctx.uc().allCatalogs().stream().map(c -> c.name).toList();
        List<String> schemas = ctx.uc().allSchemas().stream().map(UnityCatalog.Schema::fullName).toList();
        Map<String, Map<String, Set<String>>> grants = new TreeMap<>();
        ctx.uc().grants().all().forEach((s, g) -> grants.put(s.type() + ":" + s.fullName(), g));
        List<WorkspaceSnapshot.Principal> principals = ctx.identities().all(false).stream()
                .map(p -> new WorkspaceSnapshot.Principal(Long.toString(p.id), p.applicationId, p.displayName,
                        p.inWorkspace, p.entitlements)).toList();
        Map<String, Map<String, String>> acls = new TreeMap<>();
        ctx.warehouses().forEach((id, w) -> acls.put(id, Map.copyOf(new LinkedHashMap<>(w.acl))));
        return new WorkspaceSnapshot(catalogs, schemas, grants, principals, acls, ctx.identities().secretCounts());
    }
}
