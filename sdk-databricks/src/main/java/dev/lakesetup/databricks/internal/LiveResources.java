package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the live state of Unity Catalog objects as values of the model, from the text the service answered (REST
 * fields or DESCRIBE rows alike), so that no service text breaks planning.
 *
 * <p>The model validates what it is given, and the service may answer what a declaration could never hold (a
 * storage root that is not a cloud storage URL, a credential name with control characters). Such a value is never
 * thrown at the planner: an optional setting the model rejects is left unset, and a required one (an external
 * location's URL and credential, a storage credential's identity) is replaced by {@link #UNREADABLE}-marked value
 * that no declaration matches, so the plan shows a difference (a conflict for the immutable settings) instead of
 * failing. Comments are any text in the model, so a live comment is always kept as the service wrote it and a
 * difference plans as an UPDATE.
 */
public final class LiveResources {
    /** The word that marks a live value the model could not hold; it shows in the plan's "before". */
    public static final String UNREADABLE = "unreadable";
    private static final Logger LOG = LoggerFactory.getLogger(LiveResources.class);
    private static final String UNREADABLE_URL = "s3://" + UNREADABLE + "-service-value";
    private static final String UNREADABLE_ARM_ID = "/subscriptions/" + UNREADABLE + "/resourceGroups/"
            + UNREADABLE + "/providers/Unreadable.Service/value/" + UNREADABLE;
    /** Stands in for a secret the service never returns; secret settings are never compared. */
    private static final Secret NOT_READ = Secret.of("(not read back)");

    private LiveResources() {
    }

    /**
     * Returns a live catalog.
     *
     * @param declared the declared catalog, whose name the live one keeps
     * @param comment the service's comment, or {@code null}
     * @param storageRoot the service's storage root, or {@code null}
     * @return the live catalog
     */
    public static Catalog catalog(Catalog declared, String comment, String storageRoot) {
        Catalog live = with(Catalog.named(declared.name()), comment, Catalog::comment);
        return with(live, storageRoot, Catalog::managedLocation);
    }

    /**
     * Returns a live schema.
     *
     * @param declared the declared schema, whose name the live one keeps
     * @param comment the service's comment, or {@code null}
     * @param storageRoot the service's storage root (or managed location), or {@code null}
     * @return the live schema
     */
    public static Schema schema(Schema declared, String comment, String storageRoot) {
        Schema live = with(Schema.named(declared.name()), comment, Schema::comment);
        return with(live, storageRoot, Schema::managedLocation);
    }

    /**
     * Returns a live external location.
     *
     * @param declared the declared location, whose name the live one keeps
     * @param url the service's URL, or {@code null}
     * @param credential the service's credential name, or {@code null}
     * @param comment the service's comment, or {@code null}
     * @param readOnly the service's read-only flag, or {@code null}
     * @return the live location
     */
    public static ExternalLocation externalLocation(ExternalLocation declared, String url, String credential,
            String comment, Boolean readOnly) {
        String name = declared.name().name().value();
        ExternalLocation live = parse(() -> ExternalLocation.named(name, url, UNREADABLE))
                .orElseGet(() -> ExternalLocation.named(name, UNREADABLE_URL, UNREADABLE));
        String liveUrl = live.url().value();
        live = parse(() -> ExternalLocation.named(name, liveUrl, credential)).orElse(live);
        live = with(live, comment, ExternalLocation::comment);
        return readOnly == null ? live : live.readOnly(readOnly);
    }

    /**
     * Returns a live storage credential.
     *
     * @param declared the declared credential, whose name the live one keeps
     * @param identity the service's identity (see {@link #managedIdentity} and {@link #servicePrincipal}), or empty
     *     when it has none lakesetup can hold
     * @param comment the service's comment, or {@code null}
     * @param readOnly the service's read-only flag, or {@code null}
     * @return the live credential
     */
    public static StorageCredential storageCredential(StorageCredential declared,
            Optional<StorageIdentity> identity, String comment, Boolean readOnly) {
        StorageIdentity held = identity.orElseGet(
                () -> new StorageIdentity.AzureManagedIdentity(UNREADABLE_ARM_ID, null));
        StorageCredential live = StorageCredential.named(declared.name().name().value(), held);
        live = with(live, comment, StorageCredential::comment);
        return readOnly == null ? live : live.readOnly(readOnly);
    }

    /**
     * Returns an Azure managed identity as the service holds it.
     *
     * @param accessConnectorId the access connector id
     * @param managedIdentityId the user-assigned managed identity id, or {@code null}
     * @return the identity, or empty when the model cannot hold the values
     */
    public static Optional<StorageIdentity> managedIdentity(String accessConnectorId, String managedIdentityId) {
        String identity = managedIdentityId == null || managedIdentityId.isEmpty() ? null : managedIdentityId;
        return parse(() -> new StorageIdentity.AzureManagedIdentity(accessConnectorId, identity));
    }

    /**
     * Returns an Azure service principal identity as the service holds it; its secret, which the service never
     * returns, is a stand-in that is never compared.
     *
     * @param directoryId the directory id
     * @param applicationId the application id
     * @return the identity, or empty when the model cannot hold the values
     */
    public static Optional<StorageIdentity> servicePrincipal(String directoryId, String applicationId) {
        return parse(() -> new StorageIdentity.AzureServicePrincipal(directoryId, ApplicationId.of(applicationId),
                NOT_READ));
    }

    /**
     * Returns {@code base} with a setting applied, or {@code base} unchanged when the value is absent or the model
     * rejects it.
     *
     * @param base the live object so far
     * @param value the service's value, or {@code null}
     * @param setter applies the value
     * @param <T> the live object's type
     * @return the live object
     */
    public static <T> T with(T base, String value, BiFunction<T, String, T> setter) {
        if (value == null) {
            return base;
        }
        return parse(() -> setter.apply(base, value)).orElse(base);
    }

    /**
     * Runs a model factory on service text, answering empty when the model rejects it.
     *
     * @param factory builds the value
     * @param <T> the value's type
     * @return the value, or empty when the model rejected the text
     */
    public static <T> Optional<T> parse(Supplier<T> factory) {
        try {
            return Optional.of(factory.get());
        } catch (InvalidInputException e) {
            LOG.debug("a live value lakesetup cannot hold is shown as differing: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Reads a boolean the service wrote as text.
     *
     * @param text {@code true} or {@code false} in any case, or {@code null}
     * @return the value, or {@code null}
     */
    public static Boolean bool(String text) {
        return text == null || text.isBlank() ? null : Boolean.parseBoolean(text.trim());
    }
}
