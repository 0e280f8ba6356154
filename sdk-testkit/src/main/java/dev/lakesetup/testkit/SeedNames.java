package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.databricks.UnityCatalog;

/** Checks the names a test seeds, as the service would check them. */
final class SeedNames {
    private SeedNames() {
    }

    /** Checks one part of a seeded name, failing with an {@code IllegalArgumentException} naming the whole name. */
    static String part(String part, String fullName) {
        try {
            return UnityCatalog.name(part, "name");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid name '" + fullName + "': " + e.getMessage(), e);
        }
    }
}
