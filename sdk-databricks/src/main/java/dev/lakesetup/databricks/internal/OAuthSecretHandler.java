package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ResourceHandler;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads service principals' active OAuth secrets and issues new ones. A secret's live state is the existence of an
 * active secret (status {@code ACTIVE}, or none sent, and not expired on the engine's clock) with the expiry of the
 * one that lasts longest, and the moment it was read, against which a rotation window is measured
 * ({@link OAuthSecret#isDueGiven}); the service never shows a secret again. An issued secret goes to the engine,
 * which hands it to the declared sink and forgets it.
 */
public final class OAuthSecretHandler implements ResourceHandler<OAuthSecret> {
    private final SecretsApi secrets;

    /**
     * Creates the handler.
     *
     * @param principals the SCIM look-ups
     */
    public OAuthSecretHandler(Principals principals) {
        this.secrets = new SecretsApi(principals);
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
        List<Optional<OAuthSecret>> live = context.runAll("list OAuth secrets", resources,
                secret -> live(secret, context));
        Map<ResourceId, OAuthSecret> out = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            live.get(i).ifPresent(secret -> out.put(secret.id(), secret));
        }
        return out;
    }

    private Optional<OAuthSecret> live(OAuthSecret declared, ExecutionContext context) {
        Optional<ApplicationId> appId = context.applicationIdOf(declared.principal());
        if (appId.isEmpty()) {
            return Optional.empty();
        }
        Instant now = context.clock().instant();
        List<SecretsApi.Listed> active = secrets.list(appId.get()).stream().filter(s -> isActive(s, now)).toList();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        OAuthSecret live = declared.readAt(now);
        if (active.stream().anyMatch(s -> s.expireTime() == null)) {
            return Optional.of(live);
        }
        return Optional.of(live.withExpireTime(active.stream().map(SecretsApi.Listed::expireTime)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElseThrow()));
    }

    private static boolean isActive(SecretsApi.Listed secret, Instant now) {
        boolean activeStatus = secret.status().isEmpty() || secret.status().equals("ACTIVE");
        return activeStatus && (secret.expireTime() == null || secret.expireTime().isAfter(now));
    }

    @Override
    public ChangeResult apply(ResourceChange change, OAuthSecret secret, ExecutionContext context) {
        if (change.action() == dev.lakesetup.core.plan.Action.DELETE) {
            return deleteAll(secret, context);
        }
        ApplicationId appId = context.resolved(secret.principal()).applicationId().orElseThrow();
        SecretsApi.Issued issued = secrets.create(appId, secret.lifetime().orElse(null));
        return ChangeResult.issuedSecret(new OAuthCredentials(appId, Secret.of(issued.value())));
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
        Optional<ApplicationId> appId = context.applicationIdOf(secret.principal());
        if (appId.isPresent()) {
            for (SecretsApi.Listed listed : secrets.list(appId.get())) {
                secrets.delete(appId.get(), listed.id());
            }
        }
        return ChangeResult.done();
    }
}
