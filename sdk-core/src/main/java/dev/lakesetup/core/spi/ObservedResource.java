package dev.lakesetup.core.spi;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.model.ResourceId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live state of an existing resource as a reader found it: each setting's value or values, under the names the
 * resource declares. A scalar is a set of one value; a members setting is the full live set. Secrets are never
 * read back, so they never appear here.
 *
 * @param id the resource id
 * @param settings the live values per setting name
 */
public record ObservedResource(ResourceId id, Map<String, Set<String>> settings) {
    /**
     * Checks and copies the components.
     *
     * @param id the resource id
     * @param settings the live values per setting name
     */
    public ObservedResource {
        InvalidInputException.requireNonNull(id, "resource id");
        InvalidInputException.requireNonNull(settings, "settings");
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        settings.forEach((name, values) -> copy.put(name, Collections.unmodifiableSet(new TreeSet<>(values))));
        settings = Collections.unmodifiableMap(copy);
    }

    /**
     * Starts the state of an existing resource with no settings reported.
     *
     * @param id the resource id
     * @return the state
     */
    public static ObservedResource of(ResourceId id) {
        return new ObservedResource(id, Map.of());
    }

    /**
     * Returns a copy with a scalar setting's live value.
     *
     * @param name the setting name
     * @param value the live value
     * @return the copy
     */
    public ObservedResource with(String name, String value) {
        return withAll(name, Set.of(InvalidInputException.requireNonNull(value, "value of " + name)));
    }

    /**
     * Returns a copy with a set setting's live members (or every permission level held).
     *
     * @param name the setting name
     * @param values the live values
     * @return the copy
     */
    public ObservedResource withAll(String name, Set<String> values) {
        InvalidInputException.requireNonNull(name, "setting name");
        InvalidInputException.requireNonNull(values, "values of " + name);
        Map<String, Set<String>> copy = new LinkedHashMap<>(settings);
        copy.put(name, values);
        return new ObservedResource(id, copy);
    }

    /**
     * Returns the live values of a setting.
     *
     * @param name the setting name
     * @return the values, or empty when the reader reported none
     */
    public Optional<Set<String>> values(String name) {
        return Optional.ofNullable(settings.get(name));
    }
}
