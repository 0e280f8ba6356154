package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The cloud identity a storage credential uses to reach storage: an Azure managed identity (through a Databricks
 * access connector) or an Azure service principal with a client secret.
 */
public sealed interface StorageIdentity {

    /**
     * Returns the identity's settings; the kind and ids are fixed once the credential exists.
     *
     * @return the settings
     */
    List<Setting> settings();

    /**
     * A managed identity reached through an access connector.
     *
     * @param accessConnectorId the ARM id of the access connector,
     *     {@code /subscriptions/S/resourceGroups/RG/providers/Microsoft.Databricks/accessConnectors/NAME}
     * @param managedIdentityId the ARM id of a user-assigned identity, or {@code null} for the connector's own
     */
    record AzureManagedIdentity(String accessConnectorId, String managedIdentityId) implements StorageIdentity {
        private static final Pattern ARM_ID = Pattern.compile("/subscriptions/[^/\\s]+/resourceGroups/[^/\\s]+"
                + "/providers/[A-Za-z.]+/[A-Za-z]+/[^/\\s]+");

        /**
         * Validates the ids.
         *
         * @param accessConnectorId the access connector id
         * @param managedIdentityId the managed identity id
         */
        public AzureManagedIdentity {
            requireArmId("access connector id", accessConnectorId);
            if (managedIdentityId != null) {
                requireArmId("managed identity id", managedIdentityId);
            }
        }

        private static void requireArmId(String field, String value) {
            if (value == null || !ARM_ID.matcher(value).matches()) {
                throw InvalidInputException.of(field, value, "it is not an Azure resource id",
                        "/subscriptions/{subscription}/resourceGroups/{group}/providers/{namespace}/{type}/{name}");
            }
        }

        @Override
        public List<Setting> settings() {
            List<Setting> settings = new ArrayList<>(3);
            settings.add(Setting.immutable("identity", "azure managed identity"));
            settings.add(Setting.immutable("access connector id", accessConnectorId));
            if (managedIdentityId != null) {
                settings.add(Setting.immutable("managed identity id", managedIdentityId));
            }
            return settings;
        }
    }

    /**
     * An Entra ID service principal with a client secret.
     *
     * @param directoryId the tenant (directory) id
     * @param applicationId the application id
     * @param clientSecret the client secret; never shown, never read back
     */
    record AzureServicePrincipal(String directoryId, ApplicationId applicationId, Secret clientSecret)
            implements StorageIdentity {
        /**
         * Validates the components.
         *
         * @param directoryId the directory id
         * @param applicationId the application (client) id
         * @param clientSecret the client secret
         */
        public AzureServicePrincipal {
            ApplicationId.of(directoryId);
            InvalidInputException.requireNonNull(applicationId, "application id");
            if (clientSecret == null) {
                throw InvalidInputException.ofSecret("client secret", "it is required", "a non-empty secret");
            }
        }

        @Override
        public List<Setting> settings() {
            return List.of(Setting.immutable("identity", "azure service principal"),
                    Setting.immutable("directory id", directoryId),
                    Setting.immutable("application id", applicationId.toString()),
                    Setting.secret("client secret", clientSecret));
        }

        @Override
        public String toString() {
            return "AzureServicePrincipal[directoryId=" + directoryId + ", applicationId=" + applicationId
                    + ", clientSecret=" + Secret.MASK + "]";
        }
    }
}
