package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A storage credential that should exist: how Unity Catalog reaches cloud storage. There is no SQL statement
 * that creates one; executors use the REST API. The identity is fixed once created; the comment and read-only
 * flag can change.
 */
public final class StorageCredential extends DeclaredResource {
    private final StorageCredentialName name;
    private final StorageIdentity identity;
    private final String comment;
    private final Boolean readOnly;

    private StorageCredential(StorageCredentialName name, StorageIdentity identity, String comment, Boolean readOnly) {
        this.name = InvalidInputException.requireNonNull(name, "storage credential name");
        this.identity = InvalidInputException.requireNonNull(identity, "storage credential identity");
        this.comment = comment;
        this.readOnly = readOnly;
    }

    /**
     * Declares a storage credential.
     *
     * @param name the credential name
     * @param identity the cloud identity it uses
     * @return the credential
     */
    public static StorageCredential named(String name, StorageIdentity identity) {
        return new StorageCredential(StorageCredentialName.of(name), identity, null, null);
    }

    /**
     * Returns a copy with a comment.
     *
     * @param comment the comment
     * @return the copy
     */
    public StorageCredential comment(String comment) {
        return new StorageCredential(name, identity,
                InvalidInputException.requireNonNull(comment, "storage credential comment"), readOnly);
    }

    /**
     * Returns a copy that is (or is not) read-only.
     *
     * @param readOnly whether the credential may only read
     * @return the copy
     */
    public StorageCredential readOnly(boolean readOnly) {
        return new StorageCredential(name, identity, comment, readOnly);
    }

    /**
     * Returns the credential's name.
     *
     * @return the name
     */
    public StorageCredentialName name() {
        return name;
    }

    /**
     * Returns the cloud identity.
     *
     * @return the identity
     */
    public StorageIdentity identity() {
        return identity;
    }

    /**
     * Returns the declared comment.
     *
     * @return the comment, or empty when it is left as it is
     */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /**
     * Returns the declared read-only flag.
     *
     * @return the flag, or empty when it is left as it is
     */
    public Optional<Boolean> readOnly() {
        return Optional.ofNullable(readOnly);
    }

    @Override
    public ResourceId id() {
        return ResourceId.of("storage_credential", name.name().normalized());
    }

    @Override
    public List<Setting> settings() {
        List<Setting> settings = new ArrayList<>(identity.settings());
        if (comment != null) {
            settings.add(Setting.mutable("comment", comment));
        }
        if (readOnly != null) {
            settings.add(Setting.mutable("read only", readOnly.toString()));
        }
        return settings;
    }

    @Override
    public Optional<Securable> securable() {
        return Optional.of(name);
    }

    @Override
    String describe() {
        return "storage credential " + name;
    }
}
