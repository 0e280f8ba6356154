package dev.lakesetup.databricks;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.TableName;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.databricks.internal.validation.Ipv4Range;
import java.time.Duration;
import java.util.List;

/**
 * The checked input an OAuth M2M recipe shares (see {@link PrincipalRecipeBuilder}), and the part of the blueprint
 * that follows from it: the principal (created by name with workspace and SQL access), its OAuth secret, and "Can
 * use" on the warehouse.
 */
final class RecipePrincipal {
    private final String recipe;
    private final WorkspaceServicePrincipal newPrincipal;
    private final ServicePrincipal principal;
    private final String warehouseId;
    private final SecretSink secretSink;
    private final Duration secretLifetime;
    private final OAuthCredentials validationCredentials;
    private final List<TableName> validationTables;
    private final List<Ipv4Range> vendorRanges;
    private Duration rotateWithin;

    RecipePrincipal(String recipe, String name, ApplicationId existing, String warehouseId, SecretSink secretSink,
            Duration secretLifetime, OAuthCredentials validationCredentials, List<TableName> validationTables,
            List<Ipv4Range> vendorRanges) {
        this.recipe = recipe;
        this.newPrincipal = name == null ? null : WorkspaceServicePrincipal.named(name)
                .entitlements(Entitlement.WORKSPACE_ACCESS, Entitlement.DATABRICKS_SQL_ACCESS);
        this.principal = newPrincipal != null ? newPrincipal.principal() : ServicePrincipal.of(existing);
        this.warehouseId = warehouseId;
        this.secretSink = secretSink;
        this.secretLifetime = secretLifetime;
        this.validationCredentials = validationCredentials;
        this.validationTables = List.copyOf(validationTables);
        this.vendorRanges = List.copyOf(vendorRanges);
    }

    /** The recipe's name for logs and messages, e.g. {@code Profiles Sync setup}. */
    String recipe() {
        return recipe;
    }

    ServicePrincipal principal() {
        return principal;
    }

    String warehouseId() {
        return warehouseId;
    }

    SecretSink secretSink() {
        return secretSink;
    }

    OAuthCredentials validationCredentials() {
        return validationCredentials;
    }

    List<TableName> validationTables() {
        return validationTables;
    }

    List<Ipv4Range> vendorRanges() {
        return vendorRanges;
    }

    /**
     * Declares the principal (when created by name, or, with {@code entitlements} given, an existing one so it gets
     * them), its OAuth secret handed to {@code sink}, and "Can use" on the warehouse.
     */
    void declare(Blueprint.Builder blueprint, SecretSink sink, Entitlement... entitlements) {
        if (newPrincipal != null) {
            blueprint.resource(entitlements.length == 0 ? newPrincipal : newPrincipal.entitlements(entitlements));
            OAuthSecret secret = OAuthSecret.forPrincipal(principal, sink);
            secret = secretLifetime == null ? secret : secret.lifetime(secretLifetime);
            blueprint.resource(rotateWithin == null ? secret : secret.rotateWhenExpiringWithin(rotateWithin));
        } else if (entitlements.length > 0) {
            ApplicationId id = principal.applicationId().orElseThrow();
            blueprint.resource(WorkspaceServicePrincipal.ofApplication(id, id.toString()).entitlements(entitlements));
        }
        blueprint.resource(WarehousePermission.canUse(warehouseId, principal));
    }

    @Override
    public String toString() {
        return "principal=" + principal + ", warehouse=" + warehouseId
                + (vendorRanges.isEmpty() ? "" : ", vendorIpRanges=" + vendorRanges);
    }

    /**
     * Declares the new principal's secret with a rotation window; set once, while the recipe is built.
     *
     * @param window the window, or {@code null} for none
     * @return this
     */
    RecipePrincipal rotatingWithin(Duration window) {
        this.rotateWithin = window;
        return this;
    }
}
