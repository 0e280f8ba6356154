package dev.lakesetup.core.spi;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import java.util.List;
import java.util.Optional;

/**
 * What applying a change produced beyond success: the application id of a service principal it created, or an
 * OAuth secret it issued (which the engine hands to the declared sink and then forgets), and the grants the service
 * reported on a securable right after a grant change. {@code toString()} masks the secret.
 */
public final class ChangeResult {
    private static final ChangeResult DONE = new ChangeResult(null, null, null, null);

    private final ServicePrincipal declared;
    private final ApplicationId applicationId;
    private final OAuthCredentials secret;
    private final List<PrincipalPrivileges> observedGrants;

    private ChangeResult(ServicePrincipal declared, ApplicationId applicationId, OAuthCredentials secret,
            List<PrincipalPrivileges> observedGrants) {
        this.declared = declared;
        this.applicationId = applicationId;
        this.secret = secret;
        this.observedGrants = observedGrants;
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
                InvalidInputException.requireNonNull(applicationId, "application id"), null, null);
    }

    /**
     * Returns the result of a change that issued an OAuth secret.
     *
     * @param credentials the client id and the new secret
     * @return the result
     */
    public static ChangeResult issuedSecret(OAuthCredentials credentials) {
        return new ChangeResult(null, null, InvalidInputException.requireNonNull(credentials, "credentials"), null);
    }

    /**
     * Returns this result with the direct grants on the changed securable as the service reported them in its answer
     * to the change (every principal's privileges, as {@link GrantStore#read} would report them). When they
     * hold what the change granted, the engine counts the change as confirmed and reads nothing back; when they
     * do not, it reads back as usual.
     *
     * @param grants each principal's privileges on the securable after the change
     * @return a new result carrying them
     */
    public ChangeResult withObservedGrants(List<PrincipalPrivileges> grants) {
        return new ChangeResult(declared, applicationId, secret,
                List.copyOf(InvalidInputException.requireNonNull(grants, "observed grants")));
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

    /**
     * Returns the grants the service reported on the securable right after the change.
     *
     * @return the grants, when the executor reported them
     */
    public Optional<List<PrincipalPrivileges>> observedGrants() {
        return Optional.ofNullable(observedGrants);
    }

    @Override
    public String toString() {
        if (secret != null) {
            return "ChangeResult[issued secret for " + secret.clientId() + ": ****]";
        }
        if (declared != null) {
            return "ChangeResult[" + declared + " = " + applicationId + "]";
        }
        return observedGrants != null ? "ChangeResult[done, observed " + observedGrants + "]" : "ChangeResult[done]";
    }
}
