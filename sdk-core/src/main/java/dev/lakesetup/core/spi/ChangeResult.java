package dev.lakesetup.core.spi;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.Optional;

/**
 * What applying a change produced beyond success: the application id of a service principal it created, or an
 * OAuth secret it issued (which the engine hands to the declared sink and then forgets). {@code toString()} masks
 * the secret.
 */
public final class ChangeResult {
    private static final ChangeResult DONE = new ChangeResult(null, null, null);

    private final ServicePrincipal declared;
    private final ApplicationId applicationId;
    private final OAuthCredentials secret;

    private ChangeResult(ServicePrincipal declared, ApplicationId applicationId, OAuthCredentials secret) {
        this.declared = declared;
        this.applicationId = applicationId;
        this.secret = secret;
    }

    /**
     * Returns the result of a change that produced nothing to pass on.
     *
     * @return the plain result
     */
    public static ChangeResult done() {
        return DONE;
    }

    /**
     * Returns the result of a change that created (or found) a service principal.
     *
     * @param declared the principal as the blueprint refers to it (by display name or application id)
     * @param applicationId its application id, which later changes use to name it
     * @return the result
     */
    public static ChangeResult createdPrincipal(ServicePrincipal declared, ApplicationId applicationId) {
        return new ChangeResult(InvalidInputException.requireNonNull(declared, "declared principal"),
                InvalidInputException.requireNonNull(applicationId, "application id"), null);
    }

    /**
     * Returns the result of a change that issued an OAuth secret.
     *
     * @param credentials the client id and the new secret
     * @return the result
     */
    public static ChangeResult issuedSecret(OAuthCredentials credentials) {
        return new ChangeResult(null, null, InvalidInputException.requireNonNull(credentials, "credentials"));
    }

    /**
     * Returns the principal reference the created principal answers to.
     *
     * @return the declared reference, when the change created a principal
     */
    public Optional<ServicePrincipal> principal() {
        return Optional.ofNullable(declared);
    }

    /**
     * Returns the created principal's application id.
     *
     * @return the application id, when the change created a principal
     */
    public Optional<ApplicationId> applicationId() {
        return Optional.ofNullable(applicationId);
    }

    /**
     * Returns the issued credentials; only the engine calls this, to hand them to the sink.
     *
     * @return the credentials, when the change issued a secret
     */
    public Optional<OAuthCredentials> issuedCredentials() {
        return Optional.ofNullable(secret);
    }

    @Override
    public String toString() {
        if (secret != null) {
            return "ChangeResult[issued secret for " + secret.clientId() + ": ****]";
        }
        return declared != null ? "ChangeResult[" + declared + " = " + applicationId + "]" : "ChangeResult[done]";
    }
}
