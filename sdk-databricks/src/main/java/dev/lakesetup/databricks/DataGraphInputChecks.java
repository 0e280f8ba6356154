package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.ServicePrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cross-field rules {@link DataGraphSetup.Builder#build()} applies before building a recipe: exactly one
 * service principal, the required fields, the secret settings a federated credential or an existing principal
 * refuses, and each catalog in one role only. Each rule fails with an {@link InvalidInputException} naming the field.
 */
final class DataGraphInputChecks {
    private DataGraphInputChecks() {
    }

    /** Refuses neither or both of a principal created by name and an existing one. */
    static void requireOnePrincipal(boolean named, ServicePrincipal existing) {
        if (named == (existing != null)) {
            throw InvalidInputException.of("service principal",
                    named ? "both a name and an application id" : "none",
                    "exactly one must be given",
                    "servicePrincipalNamed(displayName) or existingServicePrincipal(applicationId)");
        }
    }

    /** Refuses a missing required field, saying how to give it. */
    static void require(boolean present, String field, String how) {
        if (!present) {
            throw InvalidInputException.of(field, null, "it is required", how);
        }
    }

    /**
     * Checks the secret settings against the principal: a federated credential refuses them all, a principal created
     * by name needs a sink otherwise, and an existing principal gets no secret (no rotation window, no lifetime) and
     * is validated only with its own client id.
     */
    static void checkSecretSettings(boolean named, ServicePrincipal existing, FederatedCredential federated,
            SecretSink sink, Duration lifetime, OAuthCredentials validation, Duration rotateWithin) {
        FederatedValidation.refuseSecrets(federated, sink, lifetime, validation, rotateWithin);
        if (named && federated == null) {
            require(sink != null, "secret sink", "secretSink(sink): a new principal gets a new secret");
        }
        if (existing != null && rotateWithin != null) {
            throw InvalidInputException.of("secret rotation window", rotateWithin.toString(),
                    "the recipe declares no secret for an existing service principal",
                    "rotateWhenExpiringWithin(..) only with servicePrincipalNamed(..)");
        }
        if (lifetime != null) {
            OAuthSecret.requireLifetime(lifetime);
            if (existing != null) {
                throw InvalidInputException.of("secret lifetime", lifetime.toString(),
                        "the recipe issues no secret for an existing service principal",
                        "secretLifetime(..) only with servicePrincipalNamed(..)");
            }
        }
        if (existing != null && validation != null
                && !existing.applicationId().orElseThrow().equals(validation.clientId())) {
            throw InvalidInputException.of("validation credentials' client id",
                    validation.clientId().toString(), "it is not the recipe's service principal",
                    "the application id given to existingServicePrincipal(..)");
        }
    }

    /** Refuses a catalog named in two roles (bookkeeping, Profiles Sync, read-only, restricted schemas). */
    static void refuseOverlap(CatalogName bookkeeping, CatalogName profilesSync, Collection<CatalogName> readOnly,
            Collection<CatalogName> restricted) {
        List<CatalogName> all = new ArrayList<>();
        all.add(profilesSync);
        all.addAll(readOnly);
        all.addAll(restricted);
        Set<CatalogName> seen = new LinkedHashSet<>();
        seen.add(bookkeeping);
        for (CatalogName catalog : all) {
            if (!seen.add(catalog)) {
                throw InvalidInputException.of("catalog", catalog.fullName(),
                        "it is named twice (bookkeeping, Profiles Sync, read-only catalogs, restricted schemas)",
                        "each catalog in one role only; the bookkeeping catalog is already readable");
            }
        }
    }
}
