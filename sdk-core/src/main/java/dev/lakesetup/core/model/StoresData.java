package dev.lakesetup.core.model;

import java.util.Optional;

/** A resource whose managed data can live under a storage URL (a catalog, a schema). */
public interface StoresData {
    /**
     * Returns where managed tables are stored, when declared.
     *
     * @return the managed location, or empty for the parent's or metastore's default
     */
    Optional<StorageUrl> managedLocation();
}
