package dev.lakesetup.databricks.internal;

import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretRequest;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretResponse;
import com.databricks.sdk.service.oauth2.ListServicePrincipalSecretsRequest;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whether service principals have an active OAuth secret, and issues new ones. A secret's live state is its
 * existence alone (the service never shows a secret again), so reading answers the declared value when the principal
 * has an active secret. An issued secret goes to the engine, which hands it to the declared sink and forgets it.
 */
public final class OAuthSecretHandler implements ResourceHandler<OAuthSecret> {
    private final Principals principals;

    /**
     * Creates the handler.
     *
     * @param principals the SCIM look-ups
     */
    public OAuthSecretHandler(Principals principals) {
        this.principals = principals;
    }

    @Override
    public Class<OAuthSecret> type() {
        return OAuthSecret.class;
    }

    @Override
    public Map<ResourceId, OAuthSecret> read(List<OAuthSecret> resources, ExecutionContext context) {
        if (resources.isEmpty()) {
            return Map.of();
        }
        List<Boolean> active = context.runAll("list OAuth secrets", resources, secret -> hasActive(secret, context));
        Map<ResourceId, OAuthSecret> out = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            if (active.get(i)) {
                out.put(resources.get(i).id(), resources.get(i));
            }
        }
        return out;
    }

    private boolean hasActive(OAuthSecret secret, ExecutionContext context) {
        Optional<ApplicationId> appId = context.applicationIdOf(secret.principal());
        if (appId.isEmpty()) {
            return false;
        }
        Optional<ServicePrincipal> sp = principals.findInWorkspace(
                dev.lakesetup.core.model.ServicePrincipal.of(appId.get()), null);
        if (sp.isEmpty()) {
            return false;
        }
        String id = PathNames.segment("service principal id", sp.get().getId());
        String what = "list OAuth secrets of " + appId.get();
        return Calls.run(what, () -> GuardedPages.findByToken(what, token -> principals.workspace()
                        .servicePrincipalSecretsProxy().impl().list(new ListServicePrincipalSecretsRequest()
                                .setServicePrincipalId(id).setPageToken(token)),
                info -> info.getStatus() == null || info.getStatus().toUpperCase(Locale.ROOT).equals("ACTIVE"))
                .isPresent());
    }

    @Override
    public ChangeResult apply(ResourceChange change, OAuthSecret secret, ExecutionContext context) {
        if (change.action() == dev.lakesetup.core.plan.Action.DELETE) {
            return deleteAll(secret, context);
        }
        dev.lakesetup.core.model.ServicePrincipal principal = context.resolved(secret.principal());
        ApplicationId appId = principal.applicationId().orElseThrow();
        ServicePrincipal sp = principals.findInWorkspace(principal, null).orElseThrow(() -> ServiceException.builder(
                ServiceException.Failure.NOT_YET_VISIBLE, "service principal " + appId + " is not in the workspace yet")
                .build());
        CreateServicePrincipalSecretRequest request = new CreateServicePrincipalSecretRequest()
                .setServicePrincipalId(PathNames.segment("service principal id", sp.getId()));
        secret.lifetime().ifPresent(l -> request.setLifetime(l.toSeconds() + "s"));
        CreateServicePrincipalSecretResponse response = Calls.run("create OAuth secret for " + appId,
                () -> principals.workspace().servicePrincipalSecretsProxy().create(request));
        if (response.getSecret() == null || response.getSecret().isEmpty()) {
            throw ServiceException.builder(ServiceException.Failure.FATAL,
                    "create OAuth secret for " + appId + " returned no secret").build();
        }
        return ChangeResult.issuedSecret(new OAuthCredentials(appId, Secret.of(response.getSecret())));
    }

    @Override
    public boolean canDelete() {
        return true;
    }

    /**
     * Deletes every OAuth secret of the principal (a teardown takes away the principal's ability to sign in with a
     * secret); a principal or secret already gone counts as done, and no other principal's secret is touched.
     */
    private ChangeResult deleteAll(OAuthSecret secret, ExecutionContext context) {
        Optional<ServicePrincipal> sp = context.applicationIdOf(secret.principal()).flatMap(appId -> principals
                .findInWorkspace(dev.lakesetup.core.model.ServicePrincipal.of(appId), null));
        if (sp.isEmpty()) {
            return ChangeResult.done();
        }
        String id = PathNames.segment("service principal id", sp.get().getId());
        String what = "list OAuth secrets of " + sp.get().getApplicationId();
        List<String> secretIds = new java.util.ArrayList<>();
        Calls.run(what, () -> GuardedPages.eachByToken(what, GuardedPages.MAX_PAGES, token -> principals.workspace()
                        .servicePrincipalSecretsProxy().impl().list(new ListServicePrincipalSecretsRequest()
                                .setServicePrincipalId(id).setPageToken(token)),
                com.databricks.sdk.service.oauth2.ListServicePrincipalSecretsResponse::getNextPageToken, page -> {
                    if (page.getSecrets() != null) {
                        page.getSecrets().forEach(info -> secretIds.add(info.getId()));
                    }
                    return false;
                }));
        for (String secretId : secretIds) {
            String path = PathNames.segment("secret id", secretId);
            Calls.delete("delete OAuth secret " + secretId + " of " + sp.get().getApplicationId(), () -> principals
                    .workspace().servicePrincipalSecretsProxy().delete(id, path));
        }
        return ChangeResult.done();
    }
}
