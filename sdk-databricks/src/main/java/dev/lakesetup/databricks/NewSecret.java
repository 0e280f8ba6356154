package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.OAuthCredentials;

/**
 * An OAuth secret just issued: how the service lists it and the credentials to sign in with (shown once). Its
 * {@link #toString()} masks the secret.
 *
 * @param info the secret's id, status and times
 * @param credentials the principal's application id and the secret
 */
public record NewSecret(SecretInfo info, OAuthCredentials credentials) {

    /**
     * Checks the components.
     *
     * @param info the secret's id, status and times
     * @param credentials the principal's application id and the secret
     */
    public NewSecret {
        InvalidInputException.requireNonNull(info, "secret info");
        InvalidInputException.requireNonNull(credentials, "credentials");
    }

    @Override
    public String toString() {
        return "NewSecret[" + info + ", " + credentials.clientId() + ", ****]";
    }
}
