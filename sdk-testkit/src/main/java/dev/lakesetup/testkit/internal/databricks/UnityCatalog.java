package dev.lakesetup.testkit.internal.databricks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The Unity Catalog objects of the fake metastore, with the access checks the service applies. */
public final class UnityCatalog {

    /** A catalog. */
    public static final class Catalog {
        public String name;
        public String comment;
        public String storageRoot;
        public String owner;
        public long createdAt;
        public String id = UUID.randomUUID().toString();
    }

    /** A schema. */
    public static final class Schema {
        public String catalog;
        public String name;
        public String comment;
        public String storageRoot;
        public String owner;
        public long createdAt;
        public String id = UUID.randomUUID().toString();

        /** Returns {@code catalog.schema}. */
        public String fullName() {
            return catalog + "." + name;
        }
    }

    /**
     * A table seeded by a test.
     *
     * @param fullName lower-case three-part name
     * @param columnNames column names
     * @param columnTypes column type names (upper case: STRING, INT, ...)
     * @param rows rows as text values (null for SQL NULL)
     */
    public record Table(String fullName, List<String> columnNames, List<String> columnTypes, List<List<String>> rows) { }

    private final Map<String, Catalog> catalogs = new TreeMap<>();
    private final Map<String, Schema> schemas = new TreeMap<>();
    private final Map<String, Table> tables = new TreeMap<>();
    private final Grants grants = new Grants();
    private final String metastoreId;
    private final UcAccess access;
    private final UcStorage storage;

    /** Creates an empty metastore. */
    public UnityCatalog(String metastoreId) {
        this.metastoreId = metastoreId;
        this.access = new UcAccess(grants, metastoreId);
        this.storage = new UcStorage(access);
    }

    /** Returns the metastore id. */
    public String metastoreId() {
        return metastoreId;
    }

    /** Returns the grants. */
    public Grants grants() {
        return grants;
    }

    /** Returns the storage credentials and external locations. */
    public UcStorage storage() {
        return storage;
    }

    /** Validates and lower-cases a Unity Catalog object name. */
    public static String name(String raw, String what) {
        if (raw == null || raw.isEmpty()) {
            throw ApiException.invalid("Missing required field: " + what);
        }
        if (raw.length() > 255 || raw.chars().anyMatch(c -> c == '.' || c == ' ' || c == '/' || c < 0x20
                || c == 0x7f)) {
            throw ApiException.invalid("Invalid " + what + " '" + raw + "': names must be 1-255 characters and "
                    + "must not contain '.', ' ', '/', control characters or DEL.");
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- catalogs

    /** Creates a catalog; 409 CATALOG_ALREADY_EXISTS unless {@code ifNotExists}. */
    public Catalog createCatalog(Caller caller, String rawName, String comment, String storageRoot,
                                 boolean ifNotExists) {
        String n = name(rawName, "name");
        access.requireMetastorePrivilege(caller, "CREATE_CATALOG");
        Catalog existing = catalogs.get(n);
        if (existing != null) {
            if (ifNotExists) {
                return existing;
            }
            throw ApiException.conflict("CATALOG_ALREADY_EXISTS", "Catalog '" + n + "' already exists");
        }
        Catalog c = new Catalog();
        c.name = n;
        c.comment = comment;
        c.storageRoot = storageRoot;
        c.owner = caller.name();
        c.createdAt = System.currentTimeMillis();
        catalogs.put(n, c);
        return c;
    }

    /** Returns a catalog the caller may see; 404 CATALOG_DOES_NOT_EXIST or 403. */
    public Catalog catalog(Caller caller, String rawName) {
        Catalog c = existingCatalog(rawName);
        if (!access.canSeeCatalog(caller, c)) {
            throw ApiException.denied("User does not have USE CATALOG on Catalog '" + c.name + "'.");
        }
        return c;
    }

    /** Returns a catalog; 404 CATALOG_DOES_NOT_EXIST. */
    public Catalog existingCatalog(String rawName) {
        String n = rawName == null ? "" : rawName.toLowerCase(Locale.ROOT);
        Catalog c = catalogs.get(n);
        if (c == null) {
            throw ApiException.notFound("CATALOG_DOES_NOT_EXIST", "Catalog '" + n + "' does not exist.");
        }
        return c;
    }

    /** Returns the catalogs the caller may see. */
    public List<Catalog> catalogs(Caller caller) {
        return catalogs.values().stream().filter(c -> access.canSeeCatalog(caller, c)).toList();
    }

    /** Updates a catalog's comment (owner or admin). */
    public Catalog updateCatalog(Caller caller, String rawName, String comment, String owner) {
        Catalog c = catalog(caller, rawName);
        access.requireOwnerOrManage(caller, new Securable("catalog", c.name), c.owner);
        if (comment != null) {
            c.comment = comment;
        }
        if (owner != null) {
            c.owner = owner;
        }
        return c;
    }

    // ---------------------------------------------------------------- schemas

    /** Creates a schema; 409 SCHEMA_ALREADY_EXISTS unless {@code ifNotExists}. */
    public Schema createSchema(Caller caller, String rawCatalog, String rawName, String comment,
                               String storageRoot, boolean ifNotExists) {
        String n = name(rawName, "name");
        Catalog c = existingCatalog(rawCatalog);
        access.requireCreateSchema(caller, c);
        String full = c.name + "." + n;
        Schema existing = schemas.get(full);
        if (existing != null) {
            if (ifNotExists) {
                return existing;
            }
            throw ApiException.conflict("SCHEMA_ALREADY_EXISTS", "Schema '" + full + "' already exists");
        }
        Schema s = new Schema();
        s.catalog = c.name;
        s.name = n;
        s.comment = comment;
        s.storageRoot = storageRoot;
        s.owner = caller.name();
        s.createdAt = System.currentTimeMillis();
        schemas.put(full, s);
        return s;
    }

    /** Returns a schema the caller may see; 404 SCHEMA_DOES_NOT_EXIST or 403. */
    public Schema schema(Caller caller, String fullName) {
        Schema s = existingSchema(fullName);
        if (!access.canSeeSchema(caller, s)) {
            throw ApiException.denied("User does not have USE SCHEMA on Schema '" + s.fullName() + "'.");
        }
        return s;
    }

    /** Returns a schema; 404 when the catalog or the schema is missing. */
    public Schema existingSchema(String fullName) {
        String n = fullName == null ? "" : fullName.toLowerCase(Locale.ROOT);
        String[] parts = n.split("\\.");
        if (parts.length != 2) {
            throw ApiException.invalid("Invalid schema full name '" + fullName + "': expected catalog.schema");
        }
        existingCatalog(parts[0]);
        Schema s = schemas.get(n);
        if (s == null) {
            throw ApiException.notFound("SCHEMA_DOES_NOT_EXIST", "Schema '" + n + "' does not exist.");
        }
        return s;
    }

    /** Returns the schemas of a catalog the caller may see; 403 without USE CATALOG. */
    public List<Schema> schemas(Caller caller, String rawCatalog) {
        Catalog c = existingCatalog(rawCatalog);
        access.requireUseCatalog(caller, c);
        return schemas.values().stream().filter(s -> s.catalog.equals(c.name) && access.canSeeSchema(caller, s)).toList();
    }

    // ---------------------------------------------------------------- tables

    /** Adds or replaces a seeded table; creates its catalog and schema when missing (owned by {@code owner}). */
    public void seedTable(String owner, Table table) {
        String[] p = table.fullName().split("\\.");
        Caller admin = new Caller(owner, true);
        if (!catalogs.containsKey(p[0])) {
            createCatalog(admin, p[0], null, null, true);
        }
        createSchema(admin, p[0], p[1], null, null, true);
        tables.put(table.fullName(), table);
    }

    /** Returns a table the caller may read (USE CATALOG, USE SCHEMA, SELECT); 404 or 403 otherwise. */
    public Table readableTable(Caller caller, String fullName) {
        String n = fullName.toLowerCase(Locale.ROOT);
        String[] p = n.split("\\.");
        Schema s = existingSchema(p[0] + "." + p[1]);
        Table t = tables.get(n);
        if (t == null) {
            throw ApiException.notFound("TABLE_OR_VIEW_NOT_FOUND", "Table '" + n + "' does not exist.");
        }
        access.requireRead(caller, s, n);
        return t;
    }

    /** Returns whether a table exists. */
    public boolean tableExists(String fullName) {
        return tables.containsKey(fullName.toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- securables

    /**
     * Resolves a securable by type and name (case-insensitive) and checks it exists; 400 for an unknown type,
     * 404 with the type's code when missing.
     */
    public Securable resolve(String rawType, String rawName) {
        String type = rawType == null ? "" : rawType.toLowerCase(Locale.ROOT);
        String n = rawName == null ? "" : rawName.toLowerCase(Locale.ROOT);
        switch (type) {
            case "catalog" -> existingCatalog(n);
            case "schema" -> existingSchema(n);
            case "table" -> {
                String[] p = n.split("\\.");
                if (p.length != 3) {
                    throw ApiException.invalid("Invalid table full name '" + rawName + "'");
                }
                existingSchema(p[0] + "." + p[1]);
                if (!tables.containsKey(n)) {
                    throw ApiException.notFound("TABLE_DOES_NOT_EXIST", "Table '" + n + "' does not exist.");
                }
            }
            case "storage_credential" -> storage.credential(new Caller("", true), n);
            case "external_location" -> storage.location(new Caller("", true), n);
            case "metastore" -> {
                if (!n.equals(metastoreId)) {
                    throw ApiException.notFound("METASTORE_DOES_NOT_EXIST", "Metastore '" + n + "' does not exist.");
                }
            }
            default -> throw ApiException.invalid("Invalid securable type '" + rawType + "'");
        }
        return new Securable(type, n);
    }

    /** Returns the owner of an existing securable. */
    public String ownerOf(Securable s) {
        return switch (s.type()) {
            case "catalog" -> catalogs.get(s.fullName()).owner;
            case "schema" -> schemas.get(s.fullName()).owner;
            default -> storage.ownerOf(s);
        };
    }

    /** Checks that the caller may see a securable (403 otherwise). */
    public void requireVisible(Caller caller, Securable s) {
        if (caller.admin()) {
            return;
        }
        switch (s.type()) {
            case "catalog" -> catalog(caller, s.fullName());
            case "schema" -> schema(caller, s.fullName());
            default -> access.requireVisible(caller, s, ownerOf(s), s.sqlType());
        }
    }

    /** Checks that the caller may change grants on a securable: admin, owner or MANAGE (403 otherwise). */
    public void requireCanGrant(Caller caller, Securable s) {
        access.requireOwnerOrManage(caller, s, ownerOf(s));
    }

    /** Returns every catalog (no access check). */
    public List<Catalog> allCatalogs() {
        return List.copyOf(catalogs.values());
    }

    /** Returns every schema (no access check). */
    public List<Schema> allSchemas() {
        return List.copyOf(schemas.values());
    }

    /** Checks that the caller is an admin or holds a metastore privilege (403 otherwise). */
    void requireMetastorePrivilege(Caller caller, String privilege) {
        access.requireMetastorePrivilege(caller, privilege);
    }

    /** Removes a catalog and the grants on it (no checks: {@link UcDeletes} makes them). */
    void removeCatalog(Catalog c) {
        catalogs.remove(c.name);
        grants.forget(new Securable("catalog", c.name));
    }

    /** Removes a schema and the grants on it (no checks: {@link UcDeletes} makes them). */
    void removeSchema(Schema s) {
        schemas.remove(s.fullName());
        grants.forget(new Securable("schema", s.fullName()));
    }

    /** Returns the number of tables in a schema. */
    long tablesIn(Schema s) {
        String prefix = s.fullName() + ".";
        return tables.keySet().stream().filter(t -> t.startsWith(prefix)).count();
    }
}
