package dev.lakesetup.core.model;

import java.util.Locale;

/**
 * A group, known by name (spaces allowed, e.g. {@code account users}). Names compare case-insensitively.
 *
 * @param name the group name
 */
public record Group(String name) implements Principal {
    /**
     * Validates the name.
     *
     * @param name the group name
     */
    public Group {
        PrincipalNames.requireText("group name", name);
    }

    /**
     * Validates a group name and names that group.
     *
     * @param name the group name
     * @return the group
     */
    public static Group of(String name) {
        return new Group(name);
    }

    @Override
    public String grantName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Group other && name.equalsIgnoreCase(other.name);
    }

    @Override
    public int hashCode() {
        return name.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return "group " + name;
    }
}
