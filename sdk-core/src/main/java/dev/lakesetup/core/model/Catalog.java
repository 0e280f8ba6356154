package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.List;
import java.util.Optional;

/**
 * A catalog that should exist, with an optional managed location (fixed once created) and comment (can change).
 *
 * <p>Immutable; the {@code with}-style methods return a copy:
 * {@code Catalog.named("segment_profiles").comment("bookkeeping")}.
 */
public final class Catalog extends DeclaredResource implements StoresData {
    private final CatalogName name;
    private final StorageUrl managedLocation;
    private final String comment;

    private Catalog(CatalogName name, StorageUrl managedLocation, String comment) {
        this.name = InvalidInputException.requireNonNull(name, "catalog name");
        this.managedLocation = managedLocation;
        this.comment = comment;
    }

    /**
     * Declares a catalog.
     *
     * @param name the catalog name
     * @return the catalog, with no managed location and no comment
     */
    public static Catalog named(String name) {
        return new Catalog(CatalogName.of(name), null, null);
    }

    /**
     * Declares a catalog.
     *
     * @param name the catalog name
     * @return the catalog, with no managed location and no comment
     */
    public static Catalog named(CatalogName name) {
        return new Catalog(name, null, null);
    }

    /**
     * Returns a copy whose managed tables live under the URL (the catalog's storage root).
     *
     * @param url the storage URL
     * @return the copy
     */
    public Catalog managedLocation(String url) {
        return new Catalog(name, StorageUrl.of(url), comment);
    }

    /**
     * Returns a copy with a comment.
     *
     * @param comment the comment; any text
     * @return the copy
     */
    public Catalog comment(String comment) {
        return new Catalog(name, managedLocation, InvalidInputException.requireNonNull(comment, "catalog comment"));
    }

    /**
     * Returns the catalog's name.
     *
     * @return the name
     */
    public CatalogName name() {
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
        return ResourceId.of("catalog", name.name().normalized());
    }

    @Override
    public List<Setting> settings() {
        return locationAndComment(managedLocation, comment);
    }

    @Override
    public Optional<Securable> securable() {
        return Optional.of(name);
    }

    @Override
    String describe() {
        return "catalog " + name;
    }
}
