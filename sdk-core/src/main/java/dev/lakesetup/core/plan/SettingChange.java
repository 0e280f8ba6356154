package dev.lakesetup.core.plan;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.model.Setting;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One declared setting that differs from the live object.
 *
 * @param declared the declared setting (executors read the value to write from it)
 * @param before the live value as shown to people, {@code (none)} when the object or setting is absent; never a
 *     secret
 * @param missing for a {@link Setting.Members} setting, the members to add; empty for a scalar
 */
public record SettingChange(Setting declared, String before, Set<String> missing) {
    /** What {@link #before()} shows when the live object has no value. */
    public static final String NONE = "(none)";

    /**
     * Checks and copies the components.
     *
     * @param declared the declared setting (executors read the value to write from it)
     * @param before the live value as shown to people, {@code (none)} when the object or setting is absent; never a secret
     * @param missing for a {@link Setting.Members} setting, the members to add; empty for a scalar
     */
    public SettingChange {
        InvalidInputException.requireNonNull(declared, "declared setting");
        InvalidInputException.requireNonNull(before, "before");
        InvalidInputException.requireNonNull(missing, "missing members");
        missing = Collections.unmodifiableSet(new TreeSet<>(missing));
    }

    /**
     * Returns the setting's name.
     *
     * @return the name
     */
    public String name() {
        return declared.name();
    }

    /**
     * Returns the declared value as shown to people: masked for a secret, the members for a set.
     *
     * @return the printable value
     */
    public String after() {
        if (declared instanceof Setting.Scalar scalar) {
            return scalar.shown();
        }
        return ((Setting.Members) declared).members().toString();
    }

    @Override
    public String toString() {
        return name() + ": " + before + " -> " + after();
    }
}
