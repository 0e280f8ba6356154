package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Locale;

/**
 * Identifies a resource within a blueprint and a plan: its kind and its key, e.g. {@code catalog:sales}.
 * Keys are lower-case, so ids compare as the service compares names.
 *
 * @param kind the resource kind, e.g. {@code catalog}, {@code storage_credential}
 * @param key the resource's key within its kind
 */
public record ResourceId(String kind, String key) implements Comparable<ResourceId> {
    /**
     * Validates and lower-cases the components.
     *
     * @param kind the resource kind, e.g. {@code catalog}, {@code storage_credential}
     * @param key the resource's key within its kind
     */
    public ResourceId {
        InvalidInputException.requireNonNull(kind, "resource kind");
        InvalidInputException.requireNonNull(key, "resource key");
        kind = kind.toLowerCase(Locale.ROOT);
        key = key.toLowerCase(Locale.ROOT);
    }

    /**
     * Creates an id.
     *
     * @param kind the resource kind
     * @param key the key within the kind
     * @return the id
     */
    public static ResourceId of(String kind, String key) {
        return new ResourceId(kind, key);
    }

    @Override
    public int compareTo(ResourceId other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return kind + ":" + key;
    }
}
