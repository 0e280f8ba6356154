package dev.lakesetup.databricks.internal;

import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretRequest;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretResponse;
import com.databricks.sdk.service.oauth2.DeleteServicePrincipalSecretRequest;
import com.databricks.sdk.service.oauth2.ListServicePrincipalSecretsRequest;
import com.databricks.sdk.service.oauth2.ListServicePrincipalSecretsResponse;
import com.databricks.sdk.service.oauth2.SecretInfo;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lists, issues and deletes a service principal's OAuth secrets through the workspace proxy of the service principal
 * secrets API ({@code /api/2.0/accounts/servicePrincipals/{id}/credentials/secrets}), which takes the numeric SCIM
 * id: each call looks the principal up by application id first. Secret values appear only in {@link Issued}, never
 * in a message.
 */
public final class SecretsApi {
    private final Principals principals;

    /**
     * Creates the client.
     *
     * @param principals the SCIM look-ups
     */
    public SecretsApi(Principals principals) {
        this.principals = principals;
    }

    /**
     * A secret as listed: no value.
     *
     * @param id the secret id
     * @param status the service's status text ({@code ACTIVE} ...), upper case, or empty when it sent none
     * @param createTime when it was created, or {@code null} when the service did not say
     * @param expireTime when it expires, or {@code null} when it does not expire
     */
    public record Listed(String id, String status, Instant createTime, Instant expireTime) {
    }

    /**
     * A secret just issued: its listing and its value.
     *
     * @param listed the id, status and times
     * @param value the secret value, shown once
     */
    public record Issued(Listed listed, String value) {
        @Override
        public String toString() {
            return "Issued[" + listed.id() + ", ****]";
        }
    }

    /**
     * Lists the principal's secrets; a principal not in the workspace has none.
     *
     * @param appId the principal's application id
     * @return the secrets, in the service's order
     */
    public List<Listed> list(ApplicationId appId) {
        Optional<String> scimId = scimId(appId);
        if (scimId.isEmpty()) {
            return List.of();
        }
        String what = "list OAuth secrets of " + appId;
        List<Listed> out = new ArrayList<>();
        Calls.run(what, () -> GuardedPages.eachByToken(what, GuardedPages.MAX_PAGES, token -> principals.workspace()
                        .servicePrincipalSecretsProxy().impl().list(new ListServicePrincipalSecretsRequest()
                                .setServicePrincipalId(scimId.get()).setPageToken(token)),
                ListServicePrincipalSecretsResponse::getNextPageToken, page -> {
                    if (page.getSecrets() != null) {
                        page.getSecrets().forEach(info -> out.add(listed(info)));
                    }
                    return false;
                }));
        return List.copyOf(out);
    }

    /**
     * Issues a secret.
     *
     * @param appId the principal's application id
     * @param lifetime the lifetime, or {@code null} for the service's default
     * @return the secret with its value
     * @throws ServiceException NOT_YET_VISIBLE when the principal is not in the workspace yet
     */
    public Issued create(ApplicationId appId, Duration lifetime) {
        String scimId = scimId(appId).orElseThrow(() -> ServiceException.builder(
                ServiceException.Failure.NOT_YET_VISIBLE, "service principal " + appId + " is not in the workspace yet")
                .build());
        CreateServicePrincipalSecretRequest request = new CreateServicePrincipalSecretRequest()
                .setServicePrincipalId(scimId);
        if (lifetime != null) {
            request.setLifetime(lifetime.toSeconds() + "s");
        }
        CreateServicePrincipalSecretResponse response = Calls.run("create OAuth secret for " + appId,
                () -> principals.workspace().servicePrincipalSecretsProxy().create(request));
        if (response.getSecret() == null || response.getSecret().isEmpty()) {
            throw ServiceException.builder(ServiceException.Failure.FATAL,
                    "create OAuth secret for " + appId + " returned no secret").build();
        }
        return new Issued(new Listed(response.getId() == null ? "" : response.getId(), status(response.getStatus()),
                time(response.getCreateTime()), time(response.getExpireTime())), response.getSecret());
    }

    /**
     * Deletes a secret; one already gone (or a principal no longer in the workspace) counts as done.
     *
     * @param appId the principal's application id
     * @param secretId the secret id
     * @return {@code true} when this call deleted it
     */
    public boolean delete(ApplicationId appId, String secretId) {
        Optional<String> scimId = scimId(appId);
        if (scimId.isEmpty()) {
            return false;
        }
        String id = PathNames.segment("secret id", secretId);
        return Calls.read("delete OAuth secret " + secretId + " of " + appId, () -> {
            principals.workspace().servicePrincipalSecretsProxy().delete(new DeleteServicePrincipalSecretRequest()
                    .setServicePrincipalId(scimId.get()).setSecretId(id));
            return Boolean.TRUE;
        }).isPresent();
    }

    private Optional<String> scimId(ApplicationId appId) {
        return principals.findInWorkspace(dev.lakesetup.core.model.ServicePrincipal.of(appId), null)
                .map(ServicePrincipal::getId).map(id -> PathNames.segment("service principal id", id));
    }

    private static Listed listed(SecretInfo info) {
        return new Listed(info.getId() == null ? "" : info.getId(), status(info.getStatus()),
                time(info.getCreateTime()), time(info.getExpireTime()));
    }

    private static String status(String status) {
        return status == null ? "" : status.toUpperCase(Locale.ROOT);
    }

    private static Instant time(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ServiceException.builder(ServiceException.Failure.FATAL, "the service sent a secret time that is "
                    + "not an RFC 3339 instant: '" + dev.lakesetup.core.exception.ServiceText.escape(text) + "'")
                    .build();
        }
    }
}
