package dev.lakesetup.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The value semantics the Unity Catalog resources share: two declarations are equal when they have the same
 * class, id and declared settings, which is what a blueprint checks when one object is declared twice.
 */
abstract class DeclaredResource implements Resource {

    /** Names the resource for people, e.g. {@code catalog sales}. */
    abstract String describe();

    /** The optional managed location (fixed once created) and comment (can change) of catalogs and schemas. */
    static List<Setting> locationAndComment(StorageUrl managedLocation, String comment) {
        List<Setting> settings = new ArrayList<>(2);
        if (managedLocation != null) {
            settings.add(Setting.immutable("managed location", managedLocation.value()));
        }
        if (comment != null) {
            settings.add(Setting.mutable("comment", comment));
        }
        return settings;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && id().equals(((Resource) o).id())
                && settings().equals(((Resource) o).settings());
    }

    @Override
    public final int hashCode() {
        return id().hashCode();
    }

    @Override
    public final String toString() {
        return describe() + settings();
    }
}
