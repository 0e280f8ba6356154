package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Unity Catalog REST endpoints ({@code /api/2.1/unity-catalog/...}). */
final class UcApi {

    private static final String UC = "/api/2.1/unity-catalog";

    private final WorkspaceContext ctx;
    private final UcUpdates updates;

    UcApi(WorkspaceContext ctx) {
        this.ctx = ctx;
        this.updates = new UcUpdates(ctx);
    }

    void register(Router r) {
        r.add("GET", UC + "/current-metastore-assignment", this::currentMetastore)
                .add("POST", UC + "/catalogs", this::createCatalog)
                .add("GET", UC + "/catalogs", ex -> list("catalogs",
                        ctx.uc().catalogs(ctx.caller()).stream().map(this::catalogJson).toList()))
                .add("GET", UC + "/catalogs/{name}", ex -> Json.ok(catalogJson(ctx.uc().catalog(ctx.caller(),
                        ex.param("name")))))
                .add("PATCH", UC + "/catalogs/{name}", this::updateCatalog)
                .add("POST", UC + "/schemas", this::createSchema)
                .add("GET", UC + "/schemas", ex -> list("schemas", ctx.uc().schemas(ctx.caller(),
                        required(ex, "catalog_name")).stream().map(this::schemaJson).toList()))
                .add("GET", UC + "/schemas/{full_name}", ex -> Json.ok(schemaJson(ctx.uc().schema(ctx.caller(),
                        ex.param("full_name")))))
                .add("PATCH", UC + "/schemas/{full_name}", ex -> Json.ok(schemaJson(updates.updateSchema(
                        ex.param("full_name"), Json.parseBody(ex.body())))))
                .add("POST", UC + "/storage-credentials", this::createCredential)
                .add("GET", UC + "/storage-credentials", ex -> list("storage_credentials",
                        ctx.uc().credentials(ctx.caller()).stream().map(this::credentialJson).toList()))
                .add("GET", UC + "/storage-credentials/{name}", ex -> Json.ok(credentialJson(
                        ctx.uc().credential(ctx.caller(), ex.param("name")))))
                .add("PATCH", UC + "/storage-credentials/{name}", ex -> Json.ok(credentialJson(
                        updates.updateCredential(ex.param("name"), Json.parseBody(ex.body())))))
                .add("POST", UC + "/external-locations", this::createLocation)
                .add("GET", UC + "/external-locations", ex -> list("external_locations",
                        ctx.uc().locations(ctx.caller()).stream().map(this::locationJson).toList()))
                .add("GET", UC + "/external-locations/{name}", ex -> Json.ok(locationJson(
                        ctx.uc().location(ctx.caller(), ex.param("name")))))
                .add("PATCH", UC + "/external-locations/{name}", ex -> Json.ok(locationJson(
                        updates.updateLocation(ex.param("name"), Json.parseBody(ex.body())))))
                .add("GET", UC + "/permissions/{type}/{name}", this::getPermissions)
                .add("PATCH", UC + "/permissions/{type}/{name}", this::updatePermissions)
                .add("GET", UC + "/effective-permissions/{type}/{name}", this::effectivePermissions);
    }

    private HttpReply currentMetastore(HttpExchange ex) {
        WorkspaceContext.Settings s = ctx.settings();
        if (!s.metastoreAssigned()) {
            throw ApiException.notFound("METASTORE_DOES_NOT_EXIST", "No metastore assigned for the current workspace.");
        }
        ObjectNode o = Json.object();
        o.put("metastore_id", s.metastoreId());
        o.put("workspace_id", s.workspaceId());
        o.put("default_catalog_name", "main");
        return Json.ok(o);
    }

    private HttpReply createCatalog(HttpExchange ex) {
        ObjectNode body = Json.parseBody(ex.body());
        UnityCatalog.Catalog c = ctx.uc().createCatalog(ctx.caller(), Json.requiredText(body, "name"),
                Json.text(body, "comment"), Json.text(body, "storage_root"), false);
        return Json.ok(catalogJson(c));
    }

    private HttpReply updateCatalog(HttpExchange ex) {
        ObjectNode body = Json.parseBody(ex.body());
        return Json.ok(catalogJson(ctx.uc().updateCatalog(ctx.caller(), ex.param("name"), Json.text(body, "comment"),
                Json.text(body, "owner"))));
    }

    private HttpReply createSchema(HttpExchange ex) {
        ObjectNode body = Json.parseBody(ex.body());
        UnityCatalog.Schema s = ctx.uc().createSchema(ctx.caller(), Json.requiredText(body, "catalog_name"),
                Json.requiredText(body, "name"), Json.text(body, "comment"), Json.text(body, "storage_root"), false);
        return Json.ok(schemaJson(s));
    }

    private HttpReply createCredential(HttpExchange ex) {
        ObjectNode body = Json.parseBody(ex.body());
        UnityCatalog.Credential c = new UnityCatalog.Credential();
        c.name = Json.requiredText(body, "name");
        c.comment = Json.text(body, "comment");
        c.readOnly = body.path("read_only").asBoolean(false);
        JsonNode mi = body.get("azure_managed_identity");
        JsonNode sp = body.get("azure_service_principal");
        if ((mi == null) == (sp == null)) {
            throw ApiException.invalid("Exactly one of azure_managed_identity or azure_service_principal must be "
                    + "specified.");
        }
        if (mi != null) {
            c.accessConnectorId = UcUpdates.accessConnector(mi);
            c.managedIdentityId = Json.text(mi, "managed_identity_id");
        } else {
            c.directoryId = Json.requiredText(sp, "directory_id");
            c.applicationId = Json.requiredText(sp, "application_id");
            c.clientSecret = Json.requiredText(sp, "client_secret");
        }
        if (!ctx.uc().credentialExists(c.name)) {
            updates.beforeCreate(c, body);
        }
        return Json.ok(credentialJson(ctx.uc().createCredential(ctx.caller(), c)));
    }

    private HttpReply createLocation(HttpExchange ex) {
        ObjectNode body = Json.parseBody(ex.body());
        UnityCatalog.Location l = new UnityCatalog.Location();
        l.name = Json.requiredText(body, "name");
        l.url = Json.requiredText(body, "url");
        l.credentialName = Json.requiredText(body, "credential_name");
        l.comment = Json.text(body, "comment");
        l.readOnly = body.path("read_only").asBoolean(false);
        if (!ctx.uc().locationExists(l.name)) {
            updates.beforeCreate(l, body);
        }
        return Json.ok(locationJson(ctx.uc().createLocation(ctx.caller(), l, false)));
    }

    private HttpReply getPermissions(HttpExchange ex) {
        Securable s = securable(ex);
        ctx.uc().requireVisible(ctx.caller(), s);
        String principal = ex.queryParam("principal");
        List<ObjectNode> assignments = new ArrayList<>();
        Grants grants = ctx.uc().grants();
        ctx.grantsForRead(s).forEach((p, privs) -> {
            if (principal == null || principal.equals(p)) {
                assignments.add(GrantPages.assignment(grants, p, privs));
            }
        });
        return Json.ok(GrantPages.page(ex, assignments, "privilege_assignments", grants.pageSize()));
    }

    private HttpReply updatePermissions(HttpExchange ex) {
        Securable s = securable(ex);
        ObjectNode body = Json.parseBody(ex.body());
        JsonNode changes = body.get("changes");
        if (changes != null && !changes.isArray()) {
            throw ApiException.invalid("Field 'changes' must be an array");
        }
        ctx.uc().requireCanGrant(ctx.caller(), s);
        List<Object[]> parsed = new ArrayList<>();
        if (changes != null) {
            for (JsonNode ch : changes) {
                String principal = changePrincipal(ch);
                List<String> add = normalise(s, Json.strings(ch, "add"));
                List<String> remove = normalise(s, Json.strings(ch, "remove"));
                if (Json.text(ch, "principal_id") == null || !add.isEmpty()) {
                    // a deleted principal's privileges can only be removed, by id
                    ctx.requireGrantable(principal);
                }
                parsed.add(new Object[] {principal, add, remove});
            }
        }
        ctx.beforeGrantChange(s);
        for (Object[] p : parsed) {
            apply(s, (String) p[0], (List<?>) p[1], (List<?>) p[2]);
        }
        List<ObjectNode> assignments = new ArrayList<>();
        Grants grants = ctx.uc().grants();
        grants.direct(s).forEach((p, privs) -> assignments.add(GrantPages.assignment(grants, p, privs)));
        ObjectNode out = Json.object();
        out.putArray("privilege_assignments").addAll(assignments);
        return Json.ok(out);
    }

    private void apply(Securable s, String principal, List<?> add, List<?> remove) {
        ctx.uc().grants().add(s, principal, add.stream().map(Object::toString).toList());
        ctx.uc().grants().remove(s, principal, remove.stream().map(Object::toString).toList());
    }

    private HttpReply effectivePermissions(HttpExchange ex) {
        Securable s = securable(ex);
        ctx.uc().requireVisible(ctx.caller(), s);
        String principal = ex.queryParam("principal");
        Map<String, ArrayNode> byPrincipal = new java.util.TreeMap<>();
        for (Grants.Effective e : ctx.uc().grants().effective(s, principal)) {
            ObjectNode p = Json.object();
            p.put("privilege", e.privilege());
            if (e.inheritedFrom() != null) {
                p.put("inherited_from_type", e.inheritedFrom().upperType());
                p.put("inherited_from_name", e.inheritedFrom().fullName());
            }
            byPrincipal.computeIfAbsent(e.principal(), k -> Json.array()).add(p);
        }
        List<ObjectNode> assignments = new ArrayList<>();
        byPrincipal.forEach((p, privs) -> {
            ObjectNode a = Json.object();
            a.put("principal", p);
            a.set("privileges", privs);
            assignments.add(a);
        });
        return Json.ok(GrantPages.page(ex, assignments, "privilege_assignments", ctx.uc().grants().pageSize()));
    }

    private List<String> normalise(Securable s, List<String> raw) {
        return raw.stream().map(p -> Privileges.normalise(s.type(), p)).toList();
    }

    private Securable securable(HttpExchange ex) {
        String type = ex.param("type").toLowerCase(java.util.Locale.ROOT);
        if (!Privileges.supportsType(type)) {
            throw ApiException.invalid("Invalid securable type '" + ex.param("type") + "'");
        }
        return ctx.uc().resolve(type, ex.param("name"));
    }

    /**
     * Returns whom one change of a PATCH names: {@code principal}, or {@code principal_id} (never both), which only
     * a deleted principal's grants are known by here.
     */
    private String changePrincipal(JsonNode change) {
        String name = Json.text(change, "principal");
        String id = Json.text(change, "principal_id");
        if ((name == null || name.isEmpty()) == (id == null || id.isEmpty())) {
            throw ApiException.invalid("Only one of principal or principal_id should be specified, never both");
        }
        if (name != null && !name.isEmpty()) {
            return name;
        }
        String deleted = ctx.uc().grants().deletedName(id);
        if (deleted == null) {
            throw new ApiException(404, "PRINCIPAL_DOES_NOT_EXIST", "Could not find principal with id " + id);
        }
        return deleted;
    }

    private static HttpReply list(String field, List<ObjectNode> items) {
        ObjectNode out = Json.object();
        out.putArray(field).addAll(items);
        return Json.ok(out);
    }

    private static String required(HttpExchange ex, String param) {
        String v = ex.queryParam(param);
        if (v == null || v.isBlank()) {
            throw ApiException.invalid("Missing required parameter: " + param);
        }
        return v;
    }

    private void audit(ObjectNode o, String owner, long createdAt) {
        o.put("owner", owner);
        o.put("metastore_id", ctx.uc().metastoreId());
        o.put("created_at", createdAt);
        o.put("created_by", owner);
    }

    private ObjectNode catalogJson(UnityCatalog.Catalog c) {
        ObjectNode o = Json.object();
        o.put("name", c.name);
        o.put("full_name", c.name);
        if (c.comment != null) {
            o.put("comment", c.comment);
        }
        if (c.storageRoot != null) {
            o.put("storage_root", c.storageRoot);
        }
        o.put("catalog_type", "MANAGED_CATALOG");
        o.put("isolation_mode", "OPEN");
        o.put("securable_type", "CATALOG");
        audit(o, c.owner, c.createdAt);
        o.put("id", c.id);
        return o;
    }

    private ObjectNode schemaJson(UnityCatalog.Schema s) {
        ObjectNode o = Json.object();
        o.put("name", s.name);
        o.put("catalog_name", s.catalog);
        o.put("full_name", s.fullName());
        if (s.comment != null) {
            o.put("comment", s.comment);
        }
        if (s.storageRoot != null) {
            o.put("storage_root", s.storageRoot);
        }
        audit(o, s.owner, s.createdAt);
        o.put("schema_id", s.id);
        return o;
    }

    private ObjectNode credentialJson(UnityCatalog.Credential c) {
        ObjectNode o = Json.object();
        o.put("name", c.name);
        o.put("full_name", c.name);
        o.put("id", c.id);
        o.put("read_only", c.readOnly);
        if (c.comment != null) {
            o.put("comment", c.comment);
        }
        if (c.accessConnectorId != null) {
            ObjectNode mi = o.putObject("azure_managed_identity").put("access_connector_id", c.accessConnectorId);
            if (c.managedIdentityId != null) {
                mi.put("managed_identity_id", c.managedIdentityId);
            }
            mi.put("credential_id", c.id);
        } else {
            // client_secret is never returned, as the service does
            o.putObject("azure_service_principal").put("directory_id", c.directoryId)
                    .put("application_id", c.applicationId);
        }
        audit(o, c.owner, c.createdAt);
        o.put("isolation_mode", "ISOLATION_MODE_OPEN");
        return o;
    }

    private ObjectNode locationJson(UnityCatalog.Location l) {
        ObjectNode o = Json.object();
        o.put("name", l.name);
        o.put("url", l.url);
        o.put("credential_name", l.credentialName);
        o.put("credential_id", l.credentialId);
        o.put("read_only", l.readOnly);
        if (l.comment != null) {
            o.put("comment", l.comment);
        }
        audit(o, l.owner, l.createdAt);
        o.put("isolation_mode", "ISOLATION_MODE_OPEN");
        return o;
    }
}
