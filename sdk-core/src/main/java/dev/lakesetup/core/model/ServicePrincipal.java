package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Optional;

/**
 * A service principal as a grantee: known by application id, or by display name when lakesetup creates it and
 * the id is not known yet (then grants to it are resolved late, once the principal exists).
 *
 * <p>Two references are equal when both carry an application id and the ids match, or when neither does and
 * the display names match.
 */
public final class ServicePrincipal implements Principal {
    private final ApplicationId applicationId;
    private final String displayName;
    /** The application id as text, made on first use (benign race: any thread computes the same string). */
    private String idText;

    private ServicePrincipal(ApplicationId applicationId, String displayName) {
        this.applicationId = applicationId;
        this.displayName = displayName;
    }

    /**
     * Refers to a service principal by application id.
     *
     * @param applicationId the application id
     * @return the reference
     */
    public static ServicePrincipal of(ApplicationId applicationId) {
        return new ServicePrincipal(InvalidInputException.requireNonNull(applicationId, "application id"), null);
    }

    /**
     * Refers to a service principal by display name.
     *
     * @param displayName the display name, 1 to 255 characters without control characters
     * @return the reference
     */
    public static ServicePrincipal named(String displayName) {
        return new ServicePrincipal(null, PrincipalNames.requireText("service principal display name", displayName));
    }

    /**
     * Returns the application id, when known.
     *
     * @return the application id, or empty for a reference by display name
     */
    public Optional<ApplicationId> applicationId() {
        return Optional.ofNullable(applicationId);
    }

    /**
     * Returns the display name, for a reference by display name.
     *
     * @return the display name, or empty for a reference by application id
     */
    public Optional<String> displayName() {
        return Optional.ofNullable(displayName);
    }

    /**
     * Tells whether the application id is known, so grants can name the principal.
     *
     * @return {@code true} for a reference by application id
     */
    public boolean isResolved() {
        return applicationId != null;
    }

    @Override
    public String grantName() {
        if (applicationId == null) {
            return displayName;
        }
        String text = idText;
        if (text == null) {
            text = applicationId.toString();
            idText = text;
        }
        return text;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServicePrincipal other)) {
            return false;
        }
        return applicationId != null
                ? applicationId.equals(other.applicationId)
                : other.applicationId == null && displayName.equals(other.displayName);
    }

    @Override
    public int hashCode() {
        return applicationId != null ? applicationId.hashCode() : displayName.hashCode();
    }

    @Override
    public String toString() {
        return applicationId != null
                ? "service principal " + applicationId
                : "service principal named '" + displayName + "'";
    }
}
