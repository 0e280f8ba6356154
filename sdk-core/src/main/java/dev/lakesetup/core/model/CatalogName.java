package dev.lakesetup.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The name of a catalog; also the catalog as a {@link Securable}.
 *
 * @param name the validated name
 */
public record CatalogName(Identifier name) implements Securable {
    /**
     * Checks the component.
     *
     * @param name the validated name
     */
    public CatalogName {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Validates and wraps a catalog name.
     *
     * @param name the name, 1 to 255 characters without '.', space, '/', control characters or DEL
     * @return the catalog name
     * @throws dev.lakesetup.core.exception.InvalidInputException if the name is invalid
     */
    public static CatalogName of(String name) {
        return new CatalogName(Identifier.of("catalog name", name));
    }

    /**
     * Names a schema in this catalog.
     *
     * @param schema the schema name
     * @return the schema
     */
    public SchemaName schema(String schema) {
        return new SchemaName(this, Identifier.of("schema name", schema));
    }

    @Override
    public SecurableType type() {
        return SecurableType.CATALOG;
    }

    @Override
    public List<Identifier> parts() {
        return List.of(name);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
