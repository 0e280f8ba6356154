package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * The name of a schema: its catalog and its own name. Also the schema as a {@link Securable}.
 *
 * @param catalog the catalog the schema belongs to
 * @param name the schema's own name
 */
public record SchemaName(CatalogName catalog, Identifier name) implements Securable {
    /**
     * Checks the components.
     *
     * @param catalog the catalog the schema belongs to
     * @param name the schema's own name
     */
    public SchemaName {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Validates and combines a catalog and a schema name.
     *
     * @param catalog the catalog name
     * @param schema the schema name
     * @return the schema name
     * @throws InvalidInputException if either name is invalid
     */
    public static SchemaName of(String catalog, String schema) {
        return CatalogName.of(catalog).schema(schema);
    }

    /**
     * Parses {@code catalog.schema}. The dot is unambiguous because names cannot contain one.
     *
     * @param fullName the two-part name
     * @return the schema name
     * @throws InvalidInputException if the text is not two valid names joined by one dot
     */
    public static SchemaName parse(String fullName) {
        String[] parts = NameParts.split("schema full name", fullName, 2, "catalog.schema");
        return of(parts[0], parts[1]);
    }

    /**
     * Names a table in this schema.
     *
     * @param table the table name
     * @return the table
     */
    public TableName table(String table) {
        return new TableName(this, Identifier.of("table name", table));
    }

    @Override
    public SecurableType type() {
        return SecurableType.SCHEMA;
    }

    @Override
    public List<Identifier> parts() {
        return List.of(catalog.name(), name);
    }

    @Override
    public List<Securable> ancestors() {
        return List.of(catalog);
    }

    @Override
    public String fullName() {
        return catalog.name().value() + "." + name.value();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaName other && name.equals(other.name) && catalog.equals(other.catalog);
    }

    /** Mixes both parts, so that numbered names ({@code c1.s2}) do not share hash codes. */
    @Override
    public int hashCode() {
        return Identifier.mix(31 * catalog.hashCode() + name.hashCode());
    }

    @Override
    public String toString() {
        return fullName();
    }
}
