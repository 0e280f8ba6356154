package dev.lakesetup.core.model;

import java.util.List;

/**
 * A Unity Catalog object privileges can be granted on. The name is the securable: {@code CatalogName} is one.
 *
 * <p>Build one with the factories here: {@code Securable.catalog("sales")}, {@code Securable.schema("sales",
 * "raw")}. Equality ignores case, as the service does.
 */
public sealed interface Securable
        permits Metastore, CatalogName, SchemaName, TableName, StorageCredentialName, ExternalLocationName {

    /**
     * Returns the kind of object this is.
     *
     * @return the securable type
     */
    SecurableType type();

    /**
     * Returns the name parts, outermost first ({@code [sales, raw]} for a schema); empty for the metastore.
     *
     * @return the parts
     */
    List<Identifier> parts();

    /**
     * Returns the dotted full name as the REST API expects it, in the caller's spelling ({@code sales.raw}).
     *
     * @return the full name
     */
    default String fullName() {
        StringBuilder out = new StringBuilder();
        for (Identifier part : parts()) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(part.value());
        }
        return out.toString();
    }

    /**
     * Returns the securables that contain this one, outermost first: the catalog of a schema; the catalog and
     * the schema of a table; nothing for the others.
     *
     * @return the containing securables, possibly empty
     */
    default List<Securable> ancestors() {
        return List.of();
    }

    /**
     * Names the metastore.
     *
     * @return the metastore securable
     */
    static Metastore metastore() {
        return Metastore.INSTANCE;
    }

    /**
     * Names a catalog.
     *
     * @param name the catalog name
     * @return the catalog
     */
    static CatalogName catalog(String name) {
        return CatalogName.of(name);
    }

    /**
     * Names a schema.
     *
     * @param catalog the catalog name
     * @param schema the schema name
     * @return the schema
     */
    static SchemaName schema(String catalog, String schema) {
        return SchemaName.of(catalog, schema);
    }

    /**
     * Names a table.
     *
     * @param catalog the catalog name
     * @param schema the schema name
     * @param table the table name
     * @return the table
     */
    static TableName table(String catalog, String schema, String table) {
        return TableName.of(catalog, schema, table);
    }

    /**
     * Names a storage credential.
     *
     * @param name the credential name
     * @return the storage credential
     */
    static StorageCredentialName storageCredential(String name) {
        return StorageCredentialName.of(name);
    }

    /**
     * Names an external location.
     *
     * @param name the location name
     * @return the external location
     */
    static ExternalLocationName externalLocation(String name) {
        return ExternalLocationName.of(name);
    }

    /**
     * Names a securable from its type and its name parts, as saved documents (saved plans, run records) store it.
     *
     * @param type the securable type
     * @param parts the unquoted name parts: none for the metastore, one for a catalog, storage credential or
     *     external location, two for a schema, three for a table
     * @param field the field the parts were read from, named in the error
     * @return the securable
     * @throws dev.lakesetup.core.exception.InvalidInputException when the number of parts does not fit the type
     */
    static Securable of(SecurableType type, java.util.List<String> parts, String field) {
        int expected = switch (type) {
            case METASTORE -> 0;
            case CATALOG, STORAGE_CREDENTIAL, EXTERNAL_LOCATION -> 1;
            case SCHEMA -> 2;
            case TABLE -> 3;
        };
        if (parts.size() != expected) {
            throw dev.lakesetup.core.exception.InvalidInputException.of(field, parts.toString(), "a "
                    + type.apiName() + " has " + expected + " name parts", expected + " names");
        }
        return switch (type) {
            case METASTORE -> metastore();
            case CATALOG -> catalog(parts.get(0));
            case SCHEMA -> schema(parts.get(0), parts.get(1));
            case TABLE -> table(parts.get(0), parts.get(1), parts.get(2));
            case STORAGE_CREDENTIAL -> storageCredential(parts.get(0));
            case EXTERNAL_LOCATION -> externalLocation(parts.get(0));
        };
    }
}
