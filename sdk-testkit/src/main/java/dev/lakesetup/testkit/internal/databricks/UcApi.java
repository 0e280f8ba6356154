package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.util.List;

/**
 * The Unity Catalog REST endpoints for objects ({@code /api/2.1/unity-catalog/...}): the metastore assignment,
 * catalogs, schemas, storage credentials and external locations; the grant endpoints are {@link UcPermissionsApi}.
 */
final class UcApi {

    private static final String UC = "/api/2.1/unity-catalog";

    private final WorkspaceContext ctx;
    private final UcUpdates updates;
    private final UcPermissionsApi permissions;

    UcApi(WorkspaceContext ctx) {
        this.ctx = ctx;
        this.updates = new UcUpdates(ctx);
        this.permissions = new UcPermissionsApi(ctx);
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
                .add("GET", UC + "/schemas", ex -> schemaPage(ex, ctx.uc().schemas(ctx.caller(),
                        required(ex, "catalog_name")).stream().map(this::schemaJson).toList()))
                .add("GET", UC + "/schemas/{full_name}", ex -> Json.ok(schemaJson(ctx.uc().schema(ctx.caller(),
                        ex.param("full_name")))))
                .add("PATCH", UC + "/schemas/{full_name}", ex -> Json.ok(schemaJson(updates.updateSchema(
                        ex.param("full_name"), Json.parseBody(ex.body())))))
                .add("POST", UC + "/storage-credentials", this::createCredential)
                .add("GET", UC + "/storage-credentials", ex -> list("storage_credentials",
                        ctx.uc().storage().credentials(ctx.caller()).stream().map(this::credentialJson).toList()))
                .add("GET", UC + "/storage-credentials/{name}", ex -> Json.ok(credentialJson(
                        ctx.uc().storage().credential(ctx.caller(), ex.param("name")))))
                .add("PATCH", UC + "/storage-credentials/{name}", ex -> Json.ok(credentialJson(
                        updates.updateCredential(ex.param("name"), Json.parseBody(ex.body())))))
                .add("POST", UC + "/external-locations", this::createLocation)
                .add("GET", UC + "/external-locations", ex -> list("external_locations",
                        ctx.uc().storage().locations(ctx.caller()).stream().map(this::locationJson).toList()))
                .add("GET", UC + "/external-locations/{name}", ex -> Json.ok(locationJson(
                        ctx.uc().storage().location(ctx.caller(), ex.param("name")))))
                .add("PATCH", UC + "/external-locations/{name}", ex -> Json.ok(locationJson(
                        updates.updateLocation(ex.param("name"), Json.parseBody(ex.body())))));
        new UcDeletes(ctx).register(r);
        permissions.register(r);
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
        UcStorage.Credential c = new UcStorage.Credential();
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
        if (!ctx.uc().storage().credentialExists(c.name)) {
            updates.beforeCreate(c, body);
        }
        return Json.ok(credentialJson(ctx.uc().storage().createCredential(ctx.caller(), c)));
    }

    private HttpReply createLocation(HttpExchange ex) {
        ObjectNode body = Json.parseBody(ex.body());
        UcStorage.Location l = new UcStorage.Location();
        l.name = Json.requiredText(body, "name");
        l.url = Json.requiredText(body, "url");
        l.credentialName = Json.requiredText(body, "credential_name");
        l.comment = Json.text(body, "comment");
        l.readOnly = body.path("read_only").asBoolean(false);
        if (!ctx.uc().storage().locationExists(l.name)) {
            updates.beforeCreate(l, body);
        }
        return Json.ok(locationJson(ctx.uc().storage().createLocation(ctx.caller(), l, false)));
    }

    private static HttpReply list(String field, List<ObjectNode> items) {
        ObjectNode out = Json.object();
        out.putArray(field).addAll(items);
        return Json.ok(out);
    }

    /**
     * Returns the schemas as the service pages them: all without {@code max_results}; with it, at most that many
     * (the server's own length, 1000 here, for 0; negative values are invalid) and an opaque
     * {@code next_page_token} while more follow.
     */
    private static HttpReply schemaPage(HttpExchange ex, List<ObjectNode> items) {
        String max = ex.queryParam("max_results");
        if (max == null) {
            return list("schemas", items);
        }
        int size;
        int from;
        try {
            size = Integer.parseInt(max);
            String token = ex.queryParam("page_token");
            from = token == null || token.isEmpty() ? 0 : Integer.parseInt(token.substring("sc-".length()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw ApiException.invalid("Invalid max_results or page_token.");
        }
        if (size < 0 || size > 1000 || from < 0) {
            throw ApiException.invalid("max_results must be between 0 and 1000.");
        }
        int to = Math.min(items.size(), from + (size == 0 ? 1000 : size));
        ObjectNode out = Json.object();
        out.putArray("schemas").addAll(items.subList(Math.min(from, to), to));
        if (to < items.size()) {
            out.put("next_page_token", "sc-" + to);
        }
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

    private ObjectNode credentialJson(UcStorage.Credential c) {
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

    private ObjectNode locationJson(UcStorage.Location l) {
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
