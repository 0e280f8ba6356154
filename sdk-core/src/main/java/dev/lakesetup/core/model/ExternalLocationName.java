package dev.lakesetup.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The name of a external location; also the external location as a {@link Securable}.
 *
 * @param name the validated name
 */
public record ExternalLocationName(Identifier name) implements Securable {
    /**
     * Checks the component.
     *
     * @param name the validated name
     */
    public ExternalLocationName {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Validates and wraps a external location name.
     *
     * @param name the name, 1 to 255 characters without '.', space, '/', control characters or DEL
     * @return the external location name
     * @throws dev.lakesetup.core.exception.InvalidInputException if the name is invalid
     */
    public static ExternalLocationName of(String name) {
        return new ExternalLocationName(Identifier.of("external location name", name));
    }

    @Override
    public SecurableType type() {
        return SecurableType.EXTERNAL_LOCATION;
    }

    @Override
    public List<Identifier> parts() {
        return List.of(name);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
