package dev.lakesetup.testkit.internal.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The access rules of the fake metastore, as the service applies them: who may see an object, create in it, read a
 * table or change an object's grants. Each {@code require} method answers 403 with the service's wording.
 */
final class UcAccess {

    private final Grants grants;
    private final String metastoreId;

    UcAccess(Grants grants, String metastoreId) {
        this.grants = grants;
        this.metastoreId = metastoreId;
    }

    /** Returns whether the caller is a workspace admin or the object's owner. */
    static boolean isOwnerOrAdmin(Caller caller, String owner) {
        return caller.admin() || caller.name().equals(owner);
    }

    /** Returns a type's label as the service writes it in messages ({@code External location}). */
    static String label(Securable s) {
        return s.sqlType().charAt(0) + s.sqlType().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Returns whether the caller may see an object: owner, admin or any privilege on it. */
    boolean canSee(Caller caller, Securable s, String owner) {
        return isOwnerOrAdmin(caller, owner) || grants.holdsAny(caller.name(), s, false);
    }

    /** Returns whether the caller may see a catalog: owner, admin or any privilege on it or below it. */
    boolean canSeeCatalog(Caller caller, UnityCatalog.Catalog c) {
        return isOwnerOrAdmin(caller, c.owner) || grants.holdsAny(caller.name(), new Securable("catalog", c.name), true);
    }

    /** Returns whether the caller may see a schema: owner, admin, or USE CATALOG and a privilege on or below it. */
    boolean canSeeSchema(Caller caller, UnityCatalog.Schema s) {
        if (isOwnerOrAdmin(caller, s.owner)) {
            return true;
        }
        return grants.holds(caller.name(), new Securable("catalog", s.catalog), "USE_CATALOG")
                && grants.holdsAnyExcept(caller.name(), new Securable("schema", s.fullName()), true,
                Set.of("USE_CATALOG"));
    }

    /** Checks that the caller may see an object (403 otherwise). */
    void requireVisible(Caller caller, Securable s, String owner, String label) {
        if (!canSee(caller, s, owner)) {
            throw ApiException.denied("User does not have privileges on " + label + " '" + s.fullName() + "'.");
        }
    }

    /** Checks that the caller owns the object, is an admin or holds MANAGE on it (403 otherwise). */
    void requireOwnerOrManage(Caller caller, Securable s, String owner) {
        if (!isOwnerOrAdmin(caller, owner) && !grants.holds(caller.name(), s, "MANAGE")) {
            throw ApiException.denied("User does not have MANAGE on " + label(s) + " '" + s.fullName() + "'.");
        }
    }

    /** Checks that the caller is an admin or holds a metastore privilege (403 otherwise). */
    void requireMetastorePrivilege(Caller caller, String privilege) {
        if (!caller.admin() && !grants.holds(caller.name(), new Securable("metastore", metastoreId), privilege)) {
            throw ApiException.denied("User does not have " + Privileges.toSql(privilege) + " on Metastore '"
                    + metastoreId + "'.");
        }
    }

    /** Checks that the caller may use a catalog: owner, admin or USE CATALOG (403 otherwise). */
    void requireUseCatalog(Caller caller, UnityCatalog.Catalog c) {
        if (!isOwnerOrAdmin(caller, c.owner)
                && !grants.holds(caller.name(), new Securable("catalog", c.name), "USE_CATALOG")) {
            throw ApiException.denied("User does not have USE CATALOG on Catalog '" + c.name + "'.");
        }
    }

    /** Checks that the caller may create a schema in a catalog: owner, admin, or USE CATALOG and CREATE SCHEMA. */
    void requireCreateSchema(Caller caller, UnityCatalog.Catalog c) {
        Securable cat = new Securable("catalog", c.name);
        if (!isOwnerOrAdmin(caller, c.owner) && !(grants.holds(caller.name(), cat, "USE_CATALOG")
                && grants.holds(caller.name(), cat, "CREATE_SCHEMA"))) {
            throw ApiException.denied("User does not have USE CATALOG and CREATE SCHEMA on Catalog '" + c.name
                    + "'.");
        }
    }

    /** Checks that the caller may read a table: admin, or USE CATALOG, USE SCHEMA and SELECT; names all it lacks. */
    void requireRead(Caller caller, UnityCatalog.Schema s, String table) {
        if (caller.admin()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!grants.holds(caller.name(), new Securable("catalog", s.catalog), "USE_CATALOG")) {
            missing.add("USE CATALOG on Catalog '" + s.catalog + "'");
        }
        if (!grants.holds(caller.name(), new Securable("schema", s.fullName()), "USE_SCHEMA")) {
            missing.add("USE SCHEMA on Schema '" + s.fullName() + "'");
        }
        if (!grants.holds(caller.name(), new Securable("table", table), "SELECT")) {
            missing.add("SELECT on Table '" + table + "'");
        }
        if (!missing.isEmpty()) {
            throw ApiException.denied("User does not have " + String.join(" and ", missing) + ".");
        }
    }
}
