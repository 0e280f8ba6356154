package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * The Unity Catalog updates (PATCH of schemas, storage credentials and external locations) and the validation of
 * credentials and locations against the cloud behind the workspace. The owner may change every field; a metastore
 * admin who is not the owner may change only the owner.
 */
final class UcUpdates {

    private static final Set<String> UNSUPPORTED = Set.of("new_name");

    private final WorkspaceContext ctx;

    UcUpdates(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    /** Applies a schema PATCH body ({@code comment}, {@code owner}). */
    UnityCatalog.Schema updateSchema(String fullName, ObjectNode body) {
        Caller caller = ctx.caller();
        UnityCatalog.Schema s = ctx.uc().schema(caller, fullName);
        requireAllowed(caller, s.owner, body, "Schema '" + s.fullName() + "'");
        String comment = Json.text(body, "comment");
        String owner = Json.text(body, "owner");
        if (comment != null) {
            s.comment = comment;
        }
        if (owner != null) {
            s.owner = owner;
        }
        return s;
    }

    /** Applies a storage credential PATCH body ({@code comment}, {@code read_only}, {@code owner}, identity). */
    UcStorage.Credential updateCredential(String name, ObjectNode body) {
        Caller caller = ctx.caller();
        UcStorage.Credential c = ctx.uc().storage().credential(caller, name);
        requireAllowed(caller, c.owner, body, "Storage Credential '" + c.name + "'");
        UcStorage.Credential next = copy(c);
        JsonNode mi = body.get("azure_managed_identity");
        if (mi != null) {
            if (c.accessConnectorId == null) {
                throw ApiException.invalid("Cannot change the type of Storage Credential '" + c.name + "'.");
            }
            next.accessConnectorId = accessConnector(mi);
            next.managedIdentityId = Json.text(mi, "managed_identity_id");
            if (!skipValidation(body)) {
                validateCredential(next);
            }
        }
        String comment = Json.text(body, "comment");
        next.comment = comment != null ? comment : c.comment;
        next.readOnly = body.has("read_only") ? body.get("read_only").asBoolean() : c.readOnly;
        String owner = Json.text(body, "owner");
        next.owner = owner != null ? owner : c.owner;
        c.accessConnectorId = next.accessConnectorId;
        c.managedIdentityId = next.managedIdentityId;
        c.comment = next.comment;
        c.readOnly = next.readOnly;
        c.owner = next.owner;
        return c;
    }

    /** Applies an external location PATCH body ({@code comment}, {@code read_only}, {@code owner}, url, credential). */
    UcStorage.Location updateLocation(String name, ObjectNode body) {
        Caller caller = ctx.caller();
        UcStorage.Location l = ctx.uc().storage().location(caller, name);
        requireAllowed(caller, l.owner, body, "External Location '" + l.name + "'");
        String url = Json.text(body, "url");
        String credentialName = Json.text(body, "credential_name");
        boolean readOnly = body.has("read_only") ? body.get("read_only").asBoolean() : l.readOnly;
        String newUrl = url != null ? url : l.url;
        UcStorage.Credential cred = ctx.uc().storage().credential(caller, credentialName != null ? credentialName
                : l.credentialName);
        if (url != null) {
            UcStorage.requireStorageUrl(url);
            for (UcStorage.Location other : ctx.uc().storage().locations(new Caller("", true))) {
                if (other != l && other.url.equals(url)) {
                    throw ApiException.invalid("Cannot update external location '" + l.name + "': url '" + url
                            + "' is already used by external location '" + other.name + "'.");
                }
            }
        }
        boolean storageChanged = url != null || credentialName != null || readOnly != l.readOnly;
        if (storageChanged && !skipValidation(body)) {
            validateLocation(cred, newUrl, readOnly);
        }
        String comment = Json.text(body, "comment");
        String owner = Json.text(body, "owner");
        l.url = newUrl;
        l.credentialName = cred.name;
        l.credentialId = cred.id;
        l.readOnly = readOnly;
        if (comment != null) {
            l.comment = comment;
        }
        if (owner != null) {
            l.owner = owner;
        }
        return l;
    }

    /** Checks the caller's privilege, then validates a credential about to be created unless the body skips it. */
    void beforeCreate(UcStorage.Credential draft, ObjectNode body) {
        ctx.uc().requireMetastorePrivilege(ctx.caller(), "CREATE_STORAGE_CREDENTIAL");
        if (!skipValidation(body)) {
            validateCredential(draft);
        }
    }

    /** Checks the caller's privilege, then validates a location about to be created unless the body skips it. */
    void beforeCreate(UcStorage.Location draft, ObjectNode body) {
        ctx.uc().requireMetastorePrivilege(ctx.caller(), "CREATE_EXTERNAL_LOCATION");
        if (!skipValidation(body)) {
            UcStorage.requireStorageUrl(draft.url);
            validateLocation(ctx.uc().storage().credential(ctx.caller(), draft.credentialName), draft.url, draft.readOnly);
        }
    }

    /** Reads and checks the access connector id of an {@code azure_managed_identity} object. */
    static String accessConnector(JsonNode mi) {
        String id = Json.requiredText(mi, "access_connector_id");
        if (!id.matches("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/"
                + "Microsoft\\.Databricks/accessConnectors/[^/]+")) {
            throw ApiException.invalid("Invalid access_connector_id '" + id + "'.");
        }
        return id;
    }

    private void validateCredential(UcStorage.Credential c) {
        String problem = ctx.storageAccess().credentialProblem(c);
        if (problem != null) {
            throw ApiException.invalid(problem);
        }
    }

    private void validateLocation(UcStorage.Credential c, String url, boolean readOnly) {
        String problem = ctx.storageAccess().locationProblem(c, url, readOnly);
        if (problem != null) {
            throw ApiException.denied(problem);
        }
    }

    private static boolean skipValidation(ObjectNode body) {
        return body.path("skip_validation").asBoolean(false);
    }

    private static void requireAllowed(Caller caller, String owner, ObjectNode body, String label) {
        for (String field : UNSUPPORTED) {
            if (body.hasNonNull(field)) {
                throw ApiException.invalid("Field '" + field + "' is not supported by this fake.");
            }
        }
        if (caller.name().equals(owner)) {
            return;
        }
        if (!caller.admin()) {
            throw ApiException.denied("User is not an owner of " + label + ".");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!Set.of("owner", "name", "full_name", "skip_validation", "force").contains(f.toLowerCase(Locale.ROOT))) {
                throw ApiException.denied("Only the owner of " + label + " may change '" + f + "'; a metastore "
                        + "admin may change only the owner.");
            }
        });
    }

    private static UcStorage.Credential copy(UcStorage.Credential c) {
        UcStorage.Credential n = new UcStorage.Credential();
        n.name = c.name;
        n.id = c.id;
        n.accessConnectorId = c.accessConnectorId;
        n.managedIdentityId = c.managedIdentityId;
        n.directoryId = c.directoryId;
        n.applicationId = c.applicationId;
        n.clientSecret = c.clientSecret;
        return n;
    }
}
