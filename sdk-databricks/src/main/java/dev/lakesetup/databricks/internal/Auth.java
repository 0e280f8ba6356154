package dev.lakesetup.databricks.internal;

import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.model.Secret;

/** How the connection authenticates; {@code toString()} never shows a secret. */
public sealed interface Auth {

    /**
     * Writes the credentials and the pinned auth type into an SDK configuration.
     *
     * @param config the configuration
     */
    void applyTo(DatabricksConfig config);

    /**
     * A personal access token.
     *
     * @param token the token
     */
    record Pat(Secret token) implements Auth {
        /** Checks the token. */
        public Pat {
            if (token == null) {
                throw InvalidInputException.ofSecret("personal access token", "it is required", "a non-empty token");
            }
        }

        @Override
        public void applyTo(DatabricksConfig config) {
            config.setToken(token.reveal()).setAuthType("pat");
        }

        @Override
        public String toString() {
            return "pat(" + Secret.MASK + ")";
        }
    }

    /**
     * OAuth machine-to-machine: a service principal's client id and secret.
     *
     * @param clientId the client (application) id
     * @param clientSecret the OAuth secret
     */
    record OAuthM2m(String clientId, Secret clientSecret) implements Auth {
        /** Checks the components. */
        public OAuthM2m {
            if (clientId == null || clientId.isBlank()) {
                throw InvalidInputException.of("OAuth client id", clientId, "it is empty",
                        "the service principal's application id");
            }
            if (clientSecret == null) {
                throw InvalidInputException.ofSecret("OAuth client secret", "it is required", "a non-empty secret");
            }
        }

        @Override
        public void applyTo(DatabricksConfig config) {
            config.setClientId(clientId).setClientSecret(clientSecret.reveal()).setAuthType("oauth-m2m");
        }

        @Override
        public String toString() {
            return "oauth-m2m(" + clientId + ", " + Secret.MASK + ")";
        }
    }

    /**
     * The SDK's unified authentication: environment variables and {@code ~/.databrickscfg} profiles, with the auth
     * type pinned so that a stray variable cannot switch methods.
     *
     * @param profile the profile in the configuration file, or {@code null} for the environment and default profile
     * @param authType the SDK's auth type name, e.g. {@code pat}, {@code oauth-m2m}, {@code azure-cli}
     */
    record Unified(String profile, String authType) implements Auth {
        /** Checks the auth type. */
        public Unified {
            if (authType == null || authType.isBlank()) {
                throw InvalidInputException.of("auth type", authType, "it is required to pin the method",
                        "an SDK auth type such as pat, oauth-m2m, azure-cli, azure-client-secret, databricks-cli");
            }
        }

        @Override
        public void applyTo(DatabricksConfig config) {
            if (profile != null) {
                config.setProfile(profile);
            }
            config.setAuthType(authType);
        }
    }
}
