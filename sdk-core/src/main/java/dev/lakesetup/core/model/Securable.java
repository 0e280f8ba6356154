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
}
