package dev.lakesetup.testkit.internal.databricks;

import java.util.List;

/**
 * Deleting Unity Catalog objects, by REST ({@code DELETE /api/2.1/unity-catalog/...}, with the optional
 * {@code force} query parameter) and by SQL ({@code DROP ... [IF EXISTS] ... [RESTRICT | CASCADE]}): only the owner
 * or an admin may delete (403 otherwise), a missing object is 404 {@code *_DOES_NOT_EXIST}, and a catalog with
 * schemas, a schema with tables or a credential that external locations use is refused with 400
 * {@code INVALID_STATE} unless forced. Grants on a deleted object go with it.
 */
final class UcDeletes {

    private final WorkspaceContext ctx;

    UcDeletes(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    /** Deletes a catalog; with {@code force} its schemas (and their tables) too. */
    void catalog(String rawName, boolean force) {
        UnityCatalog uc = ctx.uc();
        UnityCatalog.Catalog c = uc.existingCatalog(rawName);
        requireOwner(c.owner, "Catalog", c.name);
        List<UnityCatalog.Schema> schemas = uc.allSchemas().stream().filter(s -> s.catalog.equals(c.name)).toList();
        if (!schemas.isEmpty() && !force) {
            throw new ApiException(400, "INVALID_STATE", "Catalog '" + c.name + "' is not empty. The catalog has "
                    + schemas.size() + " schemas(s) (and 0 functions(s)). Use force=true to force delete.");
        }
        schemas.forEach(uc::removeSchema);
        uc.removeCatalog(c);
    }

    /** Deletes a schema; with {@code force} its tables too. */
    void schema(String fullName, boolean force) {
        UnityCatalog uc = ctx.uc();
        UnityCatalog.Schema s = uc.existingSchema(fullName);
        requireOwner(s.owner, "Schema", s.fullName());
        long tables = uc.tablesIn(s);
        if (tables > 0 && !force) {
            throw new ApiException(400, "INVALID_STATE", "Schema '" + s.fullName() + "' is not empty. The schema has "
                    + tables + " tables(s), 0 functions(s), 0 volumes(s)");
        }
        uc.removeSchema(s);
    }

    /** Deletes a storage credential; refused while external locations use it, unless forced. */
    void credential(String rawName, boolean force) {
        UcStorage storage = ctx.uc().storage();
        UcStorage.Credential c = storage.credential(ctx.caller(), rawName);
        requireOwner(c.owner, "Storage Credential", c.name);
        List<String> users = storage.locationsUsing(c);
        if (!users.isEmpty() && !force) {
            throw new ApiException(400, "INVALID_STATE", "Storage Credential '" + c.name + "' cannot be deleted "
                    + "because it is used by external locations " + users + ". Use force=true to force delete.");
        }
        storage.removeCredential(c);
        ctx.uc().grants().forget(new Securable("storage_credential", c.name));
    }

    /** Deletes an external location. */
    void location(String rawName) {
        UcStorage storage = ctx.uc().storage();
        UcStorage.Location l = storage.location(ctx.caller(), rawName);
        requireOwner(l.owner, "External Location", l.name);
        storage.removeLocation(l);
        ctx.uc().grants().forget(new Securable("external_location", l.name));
    }

    /** Runs a SQL drop: {@code IF EXISTS} turns a missing object into success. */
    void drop(String type, String name, boolean ifExists, boolean cascade) {
        try {
            switch (type) {
                case "CATALOG" -> catalog(name, cascade);
                case "SCHEMA" -> schema(name, cascade);
                default -> location(name);
            }
        } catch (ApiException e) {
            if (!(ifExists && e.status() == 404)) {
                throw e;
            }
        }
    }

    private void requireOwner(String owner, String label, String name) {
        if (!UcAccess.isOwnerOrAdmin(ctx.caller(), owner)) {
            throw ApiException.denied("User is not an owner of " + label + " '" + name + "'.");
        }
    }
}
