package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.TableName;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.databricks.internal.validation.Ipv4Range;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The input every OAuth M2M recipe shares: which service principal (created by name, or an existing one), the SQL
 * warehouse it may use, where a new OAuth secret goes and how long it lives, what validation reads as the principal,
 * and the vendor's published IP ranges to check the workspace's IP access lists against. Extended by the builders of
 * {@link DatabricksDestinationSetup}, {@link ProfilesSyncSetup} and {@link ReverseEtlSourceSetup}; not meant to be
 * extended elsewhere.
 *
 * @param <B> the concrete builder, returned by every method for chaining
 */
public abstract class PrincipalRecipeBuilder<B extends PrincipalRecipeBuilder<B>> {
    private String principalName;
    private ApplicationId existingPrincipal;
    private String warehouseId;
    private SecretSink secretSink;
    private Duration rotateWithin;
    private Duration secretLifetime;
    private OAuthCredentials validationCredentials;
    private final List<TableName> validationTables = new ArrayList<>();
    private final List<Ipv4Range> vendorRanges = new ArrayList<>();

    PrincipalRecipeBuilder() {
    }

    /** Returns this builder as its concrete type. */
    abstract B self();

    /**
     * Creates (or adopts) a service principal by display name, with SQL access and an OAuth secret.
     *
     * @param displayName the display name
     * @return this builder
     */
    public B servicePrincipalNamed(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw InvalidInputException.of("service principal display name", displayName, "it is empty",
                    "a non-blank display name");
        }
        this.principalName = displayName;
        return self();
    }

    /**
     * Uses a service principal that already exists in the workspace; the recipe issues no secret for it.
     *
     * @param applicationId its application id
     * @return this builder
     */
    public B existingServicePrincipal(String applicationId) {
        return existingServicePrincipal(ApplicationId.of(applicationId));
    }

    /**
     * Uses a service principal that already exists in the workspace (as {@code DataGraphSetup.Builder} takes it).
     *
     * @param applicationId its application id
     * @return this builder
     */
    public B existingServicePrincipal(ApplicationId applicationId) {
        this.existingPrincipal = InvalidInputException.requireNonNull(applicationId, "application id");
        return self();
    }

    /**
     * Names the SQL warehouse the principal gets "Can use" on (required).
     *
     * @param id the warehouse id
     * @return this builder
     */
    public B warehouse(String id) {
        this.warehouseId = WarehousePermission.requireWarehouseId(id);
        return self();
    }

    /**
     * Sets where a newly issued OAuth secret goes; required when the principal is created by name.
     *
     * @param sink the sink
     * @return this builder
     */
    public B secretSink(SecretSink sink) {
        this.secretSink = InvalidInputException.requireNonNull(sink, "secret sink");
        return self();
    }

    /**
     * Sets the lifetime of a newly issued OAuth secret (the service default otherwise).
     *
     * @param lifetime the lifetime, 1 second up to {@link OAuthSecret#MAX_LIFETIME} (730 days)
     * @return this builder
     */
    public B secretLifetime(Duration lifetime) {
        this.secretLifetime = OAuthSecret.requireLifetime(
                InvalidInputException.requireNonNull(lifetime, "secret lifetime"));
        return self();
    }

    /**
     * Sets the principal's OAuth credentials for validation when the run issues no new secret.
     *
     * @param credentials the principal's client id and a valid OAuth secret
     * @return this builder
     */
    public B validateWith(OAuthCredentials credentials) {
        this.validationCredentials = InvalidInputException.requireNonNull(credentials, "validation credentials");
        return self();
    }

    /**
     * Adds tables that validation reads as the principal ({@code catalog.schema.table}).
     *
     * @param tables the tables' full names
     * @return this builder
     */
    public B validateWithTables(String... tables) {
        for (String table : InvalidInputException.requireNonNull(tables, "validation tables")) {
            validationTables.add(TableName.parse(table));
        }
        return self();
    }

    /**
     * Adds the vendor's published IP ranges: the run then reports, as a validation check, whether the workspace's
     * IP access lists would block any of them. Nothing in the lists is changed.
     *
     * @param cidrs IPv4 addresses or CIDR ranges, e.g. {@code 52.25.130.38/32}
     * @return this builder
     */
    public B vendorIpRanges(String... cidrs) {
        for (String cidr : InvalidInputException.requireNonNull(cidrs, "vendor IP ranges")) {
            vendorRanges.add(Ipv4Range.parse("vendor IP range", cidr));
        }
        return self();
    }

    /** Checks the shared input and returns it as the recipe's principal part. */
    RecipePrincipal principal(String recipe) {
        if ((principalName == null) == (existingPrincipal == null)) {
            throw InvalidInputException.of("service principal", principalName == null ? "none"
                    : "both a name and an application id", "exactly one must be given",
                    "servicePrincipalNamed(displayName) or existingServicePrincipal(applicationId)");
        }
        if (warehouseId == null) {
            throw InvalidInputException.of("warehouse", null, "it is required", "warehouse(id)");
        }
        if (principalName != null && secretSink == null) {
            throw InvalidInputException.of("secret sink", null, "it is required",
                    "secretSink(sink): a new principal gets a new secret");
        }
        if (existingPrincipal != null && secretLifetime != null) {
            throw InvalidInputException.of("secret lifetime", secretLifetime.toString(),
                    "the recipe issues no secret for an existing service principal",
                    "secretLifetime(..) only with servicePrincipalNamed(..)");
        }
        if (existingPrincipal != null && validationCredentials != null
                && !existingPrincipal.equals(validationCredentials.clientId())) {
            throw InvalidInputException.of("validation credentials' client id",
                    validationCredentials.clientId().toString(), "it is not the recipe's service principal",
                    "the application id given to existingServicePrincipal(..)");
        }
        if (existingPrincipal != null && rotateWithin != null) {
            throw InvalidInputException.of("secret rotation window", rotateWithin.toString(),
                    "the recipe declares no secret for an existing service principal",
                    "rotateWhenExpiringWithin(..) only with servicePrincipalNamed(..); rotateSecret(..) rotates an "
                            + "existing principal's secret");
        }
        return new RecipePrincipal(recipe, principalName, existingPrincipal, warehouseId, secretSink, secretLifetime,
                validationCredentials, validationTables, vendorRanges).rotatingWithin(rotateWithin);
    }

    /**
     * Issues a new OAuth secret on a run only when the principal has no active secret or its longest-lasting one
     * expires within a window, so a scheduled run rotates only when needed
     * ({@link OAuthSecret#rotateWhenExpiringWithin(Duration)}); the plan says why it rotates. Old secrets stay until
     * they expire; {@code rotateSecret(..)} also deletes them once the new one works.
     *
     * @param window more than zero, at most {@link OAuthSecret#MAX_LIFETIME}
     * @return this builder
     */
    public B rotateWhenExpiringWithin(Duration window) {
        this.rotateWithin = OAuthSecret.requireWindow(window);
        return self();
    }
}
