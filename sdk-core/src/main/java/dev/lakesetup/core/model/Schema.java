package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A schema that should exist in a catalog, with an optional managed location (fixed) and comment (can change).
 * It requires its catalog, when the blueprint declares that catalog too.
 */
public final class Schema extends DeclaredResource implements StoresData {
    private final SchemaName name;
    private final StorageUrl managedLocation;
    private final String comment;

    private Schema(SchemaName name, StorageUrl managedLocation, String comment) {
        this.name = InvalidInputException.requireNonNull(name, "schema name");
        this.managedLocation = managedLocation;
        this.comment = comment;
    }

    /**
     * Declares a schema.
     *
     * @param catalog the catalog name
     * @param schema the schema name
     * @return the schema
     */
    public static Schema named(String catalog, String schema) {
        return new Schema(SchemaName.of(catalog, schema), null, null);
    }

    /**
     * Declares a schema.
     *
     * @param name the schema's full name
     * @return the schema
     */
    public static Schema named(SchemaName name) {
        return new Schema(name, null, null);
    }

    /**
     * Returns a copy whose managed tables live under the URL.
     *
     * @param url the storage URL
     * @return the copy
     */
    public Schema managedLocation(String url) {
        return new Schema(name, StorageUrl.of(url), comment);
    }

    /**
     * Returns a copy with a comment.
     *
     * @param comment the comment
     * @return the copy
     */
    public Schema comment(String comment) {
        return new Schema(name, managedLocation, InvalidInputException.requireNonNull(comment, "schema comment"));
    }

    /**
     * Returns the schema's full name.
     *
     * @return the name
     */
    public SchemaName name() {
        return name;
    }

    @Override
    public Optional<StorageUrl> managedLocation() {
        return Optional.ofNullable(managedLocation);
    }

    /**
     * Returns the declared comment.
     *
     * @return the comment, or empty when it is left as it is
     */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    @Override
    public ResourceId id() {
        return ResourceId.of("schema", name.catalog().name().normalized() + "." + name.name().normalized());
    }

    @Override
    public List<Setting> settings() {
        return locationAndComment(managedLocation, comment);
    }

    @Override
    public Set<ResourceId> requires() {
        return Set.of(Catalog.named(name.catalog()).id());
    }

    @Override
    public Optional<Securable> securable() {
        return Optional.of(name);
    }

    @Override
    String describe() {
        return "schema " + name;
    }
}
