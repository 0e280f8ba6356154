package dev.lakesetup.databricks.internal;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DefaultCredentialsProvider;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Secret;
import java.time.Duration;
import java.util.Optional;

/** How the connection authenticates; {@code toString()} never shows a secret. */
public sealed interface Auth {

    /**
     * Writes the credentials and the pinned auth type into an SDK configuration.
     *
     * @param config the configuration
     */
    void applyTo(DatabricksConfig config);

    /**
     * Returns a new SDK configuration for a host with these credentials.
     *
     * @param host the workspace or account URL, or {@code null} to keep the configuration's own
     * @return the configuration, not resolved yet
     */
    default DatabricksConfig newConfig(String host) {
        DatabricksConfig config = new DatabricksConfig().setHost(host);
        applyTo(config);
        return config;
    }

    /**
     * Returns the credentials of a resolved SDK configuration in a form the JDBC driver takes: a personal access
     * token, or OAuth machine-to-machine credentials. Other methods (Azure CLI, Azure managed identity, Databricks
     * CLI, ...) have no JDBC form in lakesetup.
     *
     * @param resolved the resolved configuration
     * @return the credentials, or empty
     */
    static Optional<Auth> forJdbc(DatabricksConfig resolved) {
        String type = resolved.getAuthType();
        boolean any = type == null || type.isEmpty();
        if ((any || "pat".equals(type)) && present(resolved.getToken())) {
            return Optional.of(new Pat(Secret.of(resolved.getToken())));
        }
        if ((any || "oauth-m2m".equals(type)) && present(resolved.getClientId())
                && present(resolved.getClientSecret())) {
            return Optional.of(new OAuthM2m(resolved.getClientId(), Secret.of(resolved.getClientSecret())));
        }
        return Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

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

    /**
     * A configuration of the Databricks SDK that its unified authentication resolves: explicit settings first, then
     * the {@code DATABRICKS_*} environment variables, then the profile of the configuration file (named by the
     * configuration or {@code DATABRICKS_CONFIG_PROFILE}, else the file's default). The auth type is the
     * configuration's (or {@code DATABRICKS_AUTH_TYPE}); without one, the SDK takes the first method whose settings
     * are present (pat, basic, oauth-m2m, azure-msi, azure-client-secret, azure-cli, databricks-cli, ...).
     *
     * @param template the configuration as given; every client gets a copy of it
     * @param description how it was made, for {@code toString()}: no value of it
     */
    record FromConfig(DatabricksConfig template, String description) implements Auth {
        /** Copies the configuration, so that later changes by the caller have no effect. */
        public FromConfig {
            template = InvalidInputException.requireNonNull(template, "Databricks SDK configuration").clone();
        }

        @Override
        public void applyTo(DatabricksConfig config) {
            throw new UnsupportedOperationException("a configuration is copied, not applied: use newConfig");
        }

        @Override
        public DatabricksConfig newConfig(String host) {
            DatabricksConfig copy = template.clone();
            if (copy.getCredentialsProvider() instanceof DefaultCredentialsProvider) {
                copy.setCredentialsProvider(new DefaultCredentialsProvider());
            }
            return host == null ? copy : copy.setHost(host);
        }

        /**
         * Resolves the configuration as the SDK's clients do, with lakesetup's HTTP client (the SDK asks the host
         * for its public metadata).
         *
         * @param host the host to use instead of the configuration's, or {@code null}
         * @param timeout the HTTP timeout per request
         * @param proxy the proxy, or {@code null}
         * @param policy the rate limiter the metadata requests take permits of
         * @return the resolved configuration, with a host
         * @throws InvalidInputException when the configuration names no host
         */
        public FromConfig resolve(String host, Duration timeout, ProxySettings proxy, CallPolicy policy) {
            DatabricksConfig resolved = SdkClients.resolve(host == null ? this
                    : new FromConfig(newConfig(host), description), timeout, proxy, policy);
            if (resolved.getHost() == null || resolved.getHost().isBlank()) {
                throw InvalidInputException.of("workspace host", null, "the " + description + " names no host",
                        "DATABRICKS_HOST, a host in the profile, or host(..) on the builder");
            }
            return new FromConfig(resolved, description);
        }

        @Override
        public String toString() {
            String type = template.getAuthType();
            return "unified(" + description + ", auth type " + (type == null || type.isEmpty() ? "auto" : type)
                    + ")";
        }
    }
}
