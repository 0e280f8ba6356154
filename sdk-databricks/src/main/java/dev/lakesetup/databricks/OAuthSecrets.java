package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.databricks.internal.SecretsApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lists, issues and deletes the OAuth secrets of a workspace's service principals, as the workspace's (admin)
 * credentials, through the workspace proxy of the service principal secrets API. Each method makes one attempt
 * (wrap it in {@code Lakesetup.call} to retry) and never shows a secret value outside {@link NewSecret}.
 *
 * <pre>{@code
 * OAuthSecrets secrets = OAuthSecrets.of(workspace);
 * for (SecretInfo info : secrets.list(principal)) {
 *     System.out.println(info.id() + " expires " + info.expireTime());
 * }
 * }</pre>
 */
public final class OAuthSecrets {
    /** The most secrets the service keeps for one service principal. */
    public static final int MAX_SECRETS = 5;

    private final SecretsApi api;

    private OAuthSecrets(SecretsApi api) {
        this.api = api;
    }

    /**
     * Returns the secrets API of a workspace.
     *
     * @param workspace the workspace, signed in as an admin who may manage the principals' secrets
     * @return the API
     */
    public static OAuthSecrets of(DatabricksWorkspace workspace) {
        return new OAuthSecrets(InvalidInputException.requireNonNull(workspace, "workspace").secretsApi());
    }

    /**
     * Lists a service principal's secrets (never their values); a principal not in the workspace has none.
     *
     * @param principal the principal, by application id
     * @return the secrets, in the service's order
     */
    public List<SecretInfo> list(ServicePrincipal principal) {
        return api.list(appIdOf(principal)).stream().map(OAuthSecrets::info).toList();
    }

    /**
     * Deletes a secret; a secret already gone counts as done.
     *
     * @param principal the principal, by application id
     * @param secretId the secret's id, as listed
     * @return {@code true} when this call deleted it, {@code false} when it was gone already
     */
    public boolean delete(ServicePrincipal principal, String secretId) {
        return api.delete(appIdOf(principal), InvalidInputException.requireNonNull(secretId, "secret id"));
    }

    /**
     * Issues a new secret.
     *
     * @param principal the principal, by application id
     * @param lifetime how long it is valid ({@link OAuthSecret#requireLifetime}); empty for the service's default
     *     (730 days)
     * @return the secret, with its value
     */
    public NewSecret issue(ServicePrincipal principal, Optional<Duration> lifetime) {
        ApplicationId appId = appIdOf(principal);
        InvalidInputException.requireNonNull(lifetime, "secret lifetime").ifPresent(OAuthSecret::requireLifetime);
        SecretsApi.Issued issued = api.create(appId, lifetime.orElse(null));
        return new NewSecret(info(issued.listed()), new OAuthCredentials(appId, Secret.of(issued.value())));
    }

    /** Maps a listed secret; an unknown create time becomes EPOCH, which {@link SecretInfo#createTimeKnown()} tells. */
    static SecretInfo info(SecretsApi.Listed listed) {
        return new SecretInfo(listed.id(), listed.status(),
                listed.createTime() == null ? Instant.EPOCH : listed.createTime(),
                listed.expireTime() == null ? Instant.MAX : listed.expireTime());
    }

    private static ApplicationId appIdOf(ServicePrincipal principal) {
        return InvalidInputException.requireNonNull(principal, "service principal").applicationId()
                .orElseThrow(() -> InvalidInputException.of("service principal", principal.toString(),
                        "it is known by display name only", "a principal by application id"));
    }

    @Override
    public String toString() {
        return "OAuthSecrets";
    }
}
