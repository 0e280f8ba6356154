package dev.lakesetup.core.plan;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Setting;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One declared setting that differs from the live object, as values: what the service holds and what the
 * blueprint declares.
 *
 * @param declared the declared setting (executors read the value to write from it)
 * @param before the live values: one for a scalar, the live members for a set, none when the object or setting is
 *     absent; never a secret
 * @param missing for a {@link Setting.Members} setting, the members to add; empty for a scalar
 */
public record SettingChange(Setting declared, Set<String> before, Set<String> missing) {

    /**
     * Checks and copies the components.
     *
     * @param declared the declared setting (executors read the value to write from it)
     * @param before the live values: one for a scalar, the live members for a set, none when the object or setting
     *     is absent; never a secret
     * @param missing for a {@link Setting.Members} setting, the members to add; empty for a scalar
     */
    public SettingChange {
        InvalidInputException.requireNonNull(declared, "declared setting");
        InvalidInputException.requireNonNull(before, "before");
        InvalidInputException.requireNonNull(missing, "missing members");
        before = Collections.unmodifiableSet(new TreeSet<>(before));
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
     * Tells whether the declared setting is fixed once the object exists, so that a difference in it is a conflict.
     *
     * @return {@code true} for an immutable scalar (a secret included), {@code false} for a mutable one or members
     */
    public boolean isImmutable() {
        return declared instanceof Setting.Scalar scalar && !scalar.mutable();
    }

    /**
     * Tells whether the declared value is a secret, which every rendering shows masked.
     *
     * @return {@code true} for a secret scalar
     */
    public boolean isSensitive() {
        return declared instanceof Setting.Scalar scalar && scalar.secret();
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

    /**
     * Returns the live value as shown to people: {@code (none)} when absent, the value of a scalar, the members of a
     * set.
     *
     * @return the printable value
     */
    public String beforeText() {
        return before.isEmpty() ? "(none)" : before.size() == 1 && declared instanceof Setting.Scalar
                ? before.iterator().next() : before.toString();
    }

    @Override
    public String toString() {
        return name() + ": " + beforeText() + " -> " + after();
    }
}
