package dev.lakesetup.core.render;

import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.Setting;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceAssignment;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.List;

/**
 * Renders a plan as a reviewable Databricks SQL script: statements for what has a SQL form, comments naming the
 * API call for the rest, and a placeholder for service principals not created yet. Text inside comments, which
 * carries values the service returned, is escaped by {@link ServiceText}; statements quote through
 * {@link UnityCatalogSql}.
 */
final class SqlPlanRenderer {
    private static final String CATALOGS = "/api/2.1/unity-catalog/";

    private SqlPlanRenderer() {
    }

    static String render(Plan plan) {
        // a principal resolved while planning goes by its application id; one not created yet by a placeholder
        UnityCatalogSql sql = UnityCatalogSql.standard().withUnresolvedPrincipalsAs(sp -> {
            ApplicationId id = plan.resolvedPrincipals().get(sp);
            return id != null ? id.toString() : "<application id of " + sp.displayName().orElse(sp.grantName()) + ">";
        });
        StringBuilder out = new StringBuilder("-- lakesetup plan: ").append(plan.summary()).append('\n');
        plan.notes().forEach(note -> out.append("-- note: ").append(comment(note)).append('\n'));
        for (Change change : plan.changes()) {
            switch (change.action()) {
                case NO_OP -> { }
                case CONFLICT -> out.append("-- CONFLICT, not applied: ").append(comment(change.object()))
                        .append(": ").append(comment(String.join("; ", ChangeLines.of(change)))).append('\n');
                case DELETE -> delete(out, sql, (ResourceChange) change);
                case CREATE, UPDATE, GRANT, REVOKE -> {
                    if (change instanceof GrantChange grants) {
                        grants(out, sql, grants);
                    } else {
                        resource(out, sql, (ResourceChange) change);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void grants(StringBuilder out, UnityCatalogSql sql, GrantChange change) {
        for (Grant grant : change.asGrants()) {
            if (grant.principal() instanceof DeletedPrincipal deleted) {
                // SQL cannot name a principal that no longer exists; the grants API removes it by id
                out.append("-- API: PATCH ").append(CATALOGS).append("permissions/")
                        .append(change.securable().type().apiName()).append("/{full_name} (remove ")
                        .append(comment(String.join(", ", grant.privileges().stream().map(Privilege::sqlName)
                                .toList())))
                        .append(" from principal_id ").append(comment(deleted.principalId())).append(")\n");
                continue;
            }
            out.append(change.action() == Action.REVOKE ? sql.revoke(grant) : sql.grant(grant)).append(";\n");
        }
    }

    private static void resource(StringBuilder out, UnityCatalogSql sql, ResourceChange change) {
        Resource resource = change.resource();
        boolean create = change.action() == Action.CREATE;
        if (create && resource instanceof Catalog catalog) {
            out.append(sql.createCatalog(catalog)).append(";\n");
        } else if (create && resource instanceof Schema schema) {
            out.append(sql.createSchema(schema)).append(";\n");
        } else if (create && resource instanceof ExternalLocation location && !location.readOnly().orElse(false)) {
            out.append(sql.createExternalLocation(location)).append(";\n");
        } else if (!create && onlyComment(change) && commentable(resource)) {
            String comment = ((Setting.Scalar) change.settings().get(0).declared()).value();
            out.append(sql.commentOn(resource.securable().orElseThrow(), comment)).append(";\n");
        } else {
            out.append("-- API: ").append(comment(call(change))).append(" (").append(comment(change.object()));
            List<String> details = ChangeLines.of(change);
            if (!details.isEmpty()) {
                out.append(": ").append(comment(String.join("; ", details)));
            }
            out.append(")\n");
        }
    }

    /**
     * A deletion: {@code DROP} (never cascading) for a catalog, schema, storage credential or external location the
     * caller named, and a comment naming the REST call for the others.
     */
    private static void delete(StringBuilder out, UnityCatalogSql sql, ResourceChange change) {
        Resource resource = change.resource();
        boolean droppable = resource instanceof Catalog || resource instanceof Schema
                || resource instanceof StorageCredential || resource instanceof ExternalLocation;
        if (droppable) {
            out.append(sql.drop(resource.securable().orElseThrow())).append(";\n");
        } else {
            out.append("-- API: ").append(comment(deleteCall(resource))).append(" (delete ")
                    .append(comment(change.object())).append(")\n");
        }
    }

    /** Names the REST call that deletes an object SQL cannot drop. */
    private static String deleteCall(Resource resource) {
        if (resource instanceof WorkspaceServicePrincipal sp) {
            return sp.isThroughAccount() ? "DELETE /api/2.0/accounts/{account_id}/scim/v2/ServicePrincipals/{id}"
                    : "DELETE /api/2.0/preview/scim/v2/ServicePrincipals/{id}";
        } else if (resource instanceof WorkspaceAssignment) {
            return "DELETE /api/2.0/accounts/{account_id}/workspaces/{workspace_id}/permissionassignments/"
                    + "principals/{id}";
        } else if (resource instanceof WarehousePermission permission) {
            return "PUT /api/2.0/permissions/warehouses/" + permission.warehouseId()
                    + " (the access control list without the principal)";
        } else if (resource instanceof OAuthSecret) {
            return "DELETE /api/2.0/accounts/{account_id}/servicePrincipals/{id}/credentials/secrets/{secret_id} "
                    + "(each of the principal's secrets)";
        }
        return "DELETE " + resource.id().kind();
    }

    /** Text inside a {@code --} comment: escaped, so no line break ends the comment and starts a statement. */
    private static String comment(String text) {
        return ServiceText.escape(text);
    }

    private static boolean onlyComment(ResourceChange change) {
        return change.settings().size() == 1 && change.settings().get(0).name().equals("comment");
    }

    /** The documented COMMENT ON covers catalogs and schemas but not external locations (changed through the API). */
    private static boolean commentable(Resource resource) {
        return resource instanceof Catalog || resource instanceof Schema;
    }

    /** Names the REST call an API-only change makes. */
    static String call(ResourceChange change) {
        Resource resource = change.resource();
        boolean create = change.action() == Action.CREATE;
        if (resource instanceof StorageCredential) {
            return create ? "POST " + CATALOGS + "storage-credentials"
                    : "PATCH " + CATALOGS + "storage-credentials/{name}";
        } else if (resource instanceof ExternalLocation) {
            return create ? "POST " + CATALOGS + "external-locations"
                    : "PATCH " + CATALOGS + "external-locations/{name}";
        } else if (resource instanceof Catalog) {
            return "PATCH " + CATALOGS + "catalogs/{name}";
        } else if (resource instanceof Schema) {
            return "PATCH " + CATALOGS + "schemas/{full_name}";
        } else if (resource instanceof WorkspaceServicePrincipal sp) {
            if (sp.isThroughAccount()) {
                return create ? "POST /api/2.0/accounts/{account_id}/scim/v2/ServicePrincipals + PUT "
                        + "/api/2.0/accounts/{account_id}/workspaces/{workspace_id}/permissionassignments/principals/{id}"
                        : "PUT /api/2.0/accounts/{account_id}/workspaces/{workspace_id}/permissionassignments/"
                        + "principals/{id}";
            }
            return create ? "POST /api/2.0/preview/scim/v2/ServicePrincipals"
                    : "PATCH /api/2.0/preview/scim/v2/ServicePrincipals/{id}";
        } else if (resource instanceof WarehousePermission permission) {
            return "PATCH /api/2.0/permissions/warehouses/" + permission.warehouseId();
        } else if (resource instanceof OAuthSecret) {
            return "POST /api/2.0/accounts/servicePrincipals/{id}/credentials/secrets (secret handed to the sink)";
        }
        return change.action() + " " + change.kind();
    }
}
