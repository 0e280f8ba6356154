package dev.lakesetup.azure;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Setting;
import java.util.List;

/**
 * An Entra ID service principal for an existing (typically multi-tenant) application: created in the tenant when
 * absent, adopted when present.
 *
 * @param applicationId the application (client) id
 * @param displayName the display name given on creation
 */
public record EntraServicePrincipal(ApplicationId applicationId, String displayName) implements Resource {

    /** The resource kind. */
    public static final String KIND = "entra_service_principal";

    /**
     * Checks the components.
     *
     * @param applicationId the application (client) id
     * @param displayName the display name given on creation
     */
    public EntraServicePrincipal {
        InvalidInputException.requireNonNull(applicationId, "application id");
        InvalidInputException.requireNonNull(displayName, "display name");
    }

    /**
     * Declares the service principal of an application.
     *
     * @param applicationId the application id
     * @param displayName the display name used when creating it
     * @return the resource
     */
    public static EntraServicePrincipal of(ApplicationId applicationId, String displayName) {
        return new EntraServicePrincipal(applicationId, displayName);
    }

    @Override
    public ResourceId id() {
        return ResourceId.of(KIND, applicationId.toString());
    }

    @Override
    public List<Setting> settings() {
        return List.of();
    }
}
