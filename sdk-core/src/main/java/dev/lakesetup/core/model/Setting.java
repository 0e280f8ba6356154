package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One declared setting of a resource, as the planner compares it with the live object.
 *
 * <p>A {@link Scalar} must equal the live value; when it differs, a mutable one becomes an update and an
 * immutable one a conflict. {@link Members} is additive: the live set must contain the declared members, and an
 * update only adds. Settings a resource leaves unset are not compared.
 */
public sealed interface Setting {

    /**
     * Returns the setting's name as shown in plans, e.g. {@code comment}.
     *
     * @return the name
     */
    String name();

    /**
     * Declares a scalar that can be changed in place.
     *
     * @param name the setting's name
     * @param value the value
     * @return the setting
     */
    static Scalar mutable(String name, String value) {
        return new Scalar(name, value, true, false);
    }

    /**
     * Declares a scalar that is fixed once the object exists.
     *
     * @param name the setting's name
     * @param value the value
     * @return the setting
     */
    static Scalar immutable(String name, String value) {
        return new Scalar(name, value, false, false);
    }

    /**
     * Declares a secret scalar: written on creation, never read back or shown.
     *
     * @param name the setting's name
     * @param secret the secret
     * @return the setting, whose value prints masked
     */
    static Scalar secret(String name, Secret secret) {
        return new Scalar(name, secret.reveal(), false, true);
    }

    /**
     * Declares members the live set must contain.
     *
     * @param name the setting's name
     * @param members the members
     * @return the setting
     */
    static Members members(String name, Set<String> members) {
        return new Members(name, members);
    }

    /**
     * A single value.
     *
     * @param name the setting's name
     * @param value the value; for a secret, only executors read it through {@link #value()}
     * @param mutable whether the service can change it in place
     * @param secret whether it is a secret: never compared, read back or shown
     */
    record Scalar(String name, String value, boolean mutable, boolean secret) implements Setting {
        /**
         * Checks the components.
         *
         * @param name the setting's name
         * @param value the value; for a secret, only executors read it through {@link #value()}
         * @param mutable whether the service can change it in place
         * @param secret whether it is a secret: never compared, read back or shown
         */
        public Scalar {
            InvalidInputException.requireNonNull(name, "setting name");
            InvalidInputException.requireNonNull(value, "setting " + name);
        }

        /**
         * Returns the value as plans and logs may show it: masked for a secret.
         *
         * @return the printable value
         */
        public String shown() {
            return secret ? Secret.MASK : value;
        }

        @Override
        public String toString() {
            return name + "=" + shown();
        }
    }

    /**
     * Members a live set must contain (entitlements, implied permission levels).
     *
     * @param name the setting's name
     * @param members the required members, sorted
     */
    record Members(String name, Set<String> members) implements Setting {
        /**
         * Checks and sorts the members.
         *
         * @param name the setting's name
         * @param members the required members, sorted
         */
        public Members {
            InvalidInputException.requireNonNull(name, "setting name");
            InvalidInputException.requireNonNull(members, "setting " + name);
            members = Collections.unmodifiableSet(new TreeSet<>(members));
        }

        @Override
        public String toString() {
            return name + "=" + members;
        }
    }
}
