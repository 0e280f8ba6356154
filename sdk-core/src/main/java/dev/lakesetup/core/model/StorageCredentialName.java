package dev.lakesetup.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The name of a storage credential; also the storage credential as a {@link Securable}.
 *
 * @param name the validated name
 */
public record StorageCredentialName(Identifier name) implements Securable {
    /**
     * Checks the component.
     *
     * @param name the validated name
     */
    public StorageCredentialName {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Validates and wraps a storage credential name.
     *
     * @param name the name, 1 to 255 characters without '.', space, '/', control characters or DEL
     * @return the storage credential name
     * @throws dev.lakesetup.core.exception.InvalidInputException if the name is invalid
     */
    public static StorageCredentialName of(String name) {
        return new StorageCredentialName(Identifier.of("storage credential name", name));
    }

    @Override
    public SecurableType type() {
        return SecurableType.STORAGE_CREDENTIAL;
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
