package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An external location that should exist: a storage URL governed by Unity Catalog through a storage credential.
 * The URL and the credential are fixed once created (changing them is a conflict, never a silent move); the
 * comment and read-only flag can change. It requires its credential when the blueprint declares it.
 */
public final class ExternalLocation extends DeclaredResource {
    private final ExternalLocationName name;
    private final StorageUrl url;
    private final StorageCredentialName credential;
    private final String comment;
    private final Boolean readOnly;

    private ExternalLocation(ExternalLocationName name, StorageUrl url, StorageCredentialName credential,
            String comment, Boolean readOnly) {
        this.name = InvalidInputException.requireNonNull(name, "external location name");
        this.url = InvalidInputException.requireNonNull(url, "external location URL");
        this.credential = InvalidInputException.requireNonNull(credential, "external location credential");
        this.comment = comment;
        this.readOnly = readOnly;
    }

    /**
     * Declares an external location.
     *
     * @param name the location name
     * @param url the storage URL it governs
     * @param credential the storage credential it uses
     * @return the location
     */
    public static ExternalLocation named(String name, String url, String credential) {
        return new ExternalLocation(ExternalLocationName.of(name), StorageUrl.of(url),
                StorageCredentialName.of(credential), null, null);
    }

    /**
     * Returns a copy with a comment.
     *
     * @param comment the comment
     * @return the copy
     */
    public ExternalLocation comment(String comment) {
        return new ExternalLocation(name, url, credential,
                InvalidInputException.requireNonNull(comment, "external location comment"), readOnly);
    }

    /**
     * Returns a copy that is (or is not) read-only.
     *
     * @param readOnly whether only reads are allowed
     * @return the copy
     */
    public ExternalLocation readOnly(boolean readOnly) {
        return new ExternalLocation(name, url, credential, comment, readOnly);
    }

    /**
     * Returns the location's name.
     *
     * @return the name
     */
    public ExternalLocationName name() {
        return name;
    }

    /**
     * Returns the storage URL.
     *
     * @return the URL
     */
    public StorageUrl url() {
        return url;
    }

    /**
     * Returns the storage credential's name.
     *
     * @return the credential name
     */
    public StorageCredentialName credential() {
        return credential;
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
        return ResourceId.of("external_location", name.name().normalized());
    }

    @Override
    public List<Setting> settings() {
        List<Setting> settings = new ArrayList<>(4);
        settings.add(Setting.immutable("url", url.value()));
        settings.add(Setting.immutable("credential", credential.name().normalized()));
        if (comment != null) {
            settings.add(Setting.mutable("comment", comment));
        }
        if (readOnly != null) {
            settings.add(Setting.mutable("read only", readOnly.toString()));
        }
        return settings;
    }

    @Override
    public Set<ResourceId> requires() {
        return Set.of(ResourceId.of("storage_credential", credential.name().normalized()));
    }

    @Override
    public Optional<Securable> securable() {
        return Optional.of(name);
    }

    @Override
    String describe() {
        return "external location " + name;
    }
}
