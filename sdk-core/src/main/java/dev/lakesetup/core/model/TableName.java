package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * The three-part name of a table or view. Also the table as a {@link Securable}.
 *
 * @param schema the schema the table belongs to
 * @param name the table's own name
 */
public record TableName(SchemaName schema, Identifier name) implements Securable {
    /**
     * Checks the components.
     *
     * @param schema the schema the table belongs to
     * @param name the table's own name
     */
    public TableName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Validates and combines the three names.
     *
     * @param catalog the catalog name
     * @param schema the schema name
     * @param table the table name
     * @return the table name
     * @throws InvalidInputException if any name is invalid
     */
    public static TableName of(String catalog, String schema, String table) {
        return SchemaName.of(catalog, schema).table(table);
    }

    /**
     * Parses {@code catalog.schema.table}.
     *
     * @param fullName the three-part name
     * @return the table name
     * @throws InvalidInputException if the text is not three valid names joined by dots
     */
    public static TableName parse(String fullName) {
        String[] parts = NameParts.split("table full name", fullName, 3, "catalog.schema.table");
        return of(parts[0], parts[1], parts[2]);
    }

    @Override
    public SecurableType type() {
        return SecurableType.TABLE;
    }

    @Override
    public List<Identifier> parts() {
        return List.of(schema.catalog().name(), schema.name(), name);
    }

    @Override
    public List<Securable> ancestors() {
        return List.of(schema.catalog(), schema);
    }

    @Override
    public String fullName() {
        return schema.fullName() + "." + name.value();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableName other && name.equals(other.name) && schema.equals(other.schema);
    }

    /** Mixes the parts, so that numbered names ({@code c1.s2.t3}) do not share hash codes. */
    @Override
    public int hashCode() {
        return Identifier.mix(31 * schema.hashCode() + name.hashCode());
    }

    @Override
    public String toString() {
        return fullName();
    }
}
