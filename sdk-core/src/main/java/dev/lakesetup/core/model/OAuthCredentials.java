package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;

/**
 * The OAuth M2M credentials of a service principal: its client (application) id and a secret.
 * {@code toString()} masks the secret.
 *
 * @param clientId the application id, used as the OAuth client id
 * @param secret the OAuth secret
 */
public record OAuthCredentials(ApplicationId clientId, Secret secret) {
    /**
     * Checks the components.
     *
     * @param clientId the application id, used as the OAuth client id
     * @param secret the OAuth secret
     */
    public OAuthCredentials {
        InvalidInputException.requireNonNull(clientId, "client id");
        if (secret == null) {
            throw InvalidInputException.ofSecret("OAuth secret", "it is required", "a non-empty secret");
        }
    }
}
