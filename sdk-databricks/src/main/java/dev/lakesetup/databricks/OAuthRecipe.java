package dev.lakesetup.databricks;

import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.SchemaName;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.databricks.internal.validation.Ipv4Range;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What {@link OAuthRecipeRun} needs of a recipe whose principal signs in with OAuth M2M: its name, principal,
 * warehouse, the catalog to hand over, its blueprint (given the sink for a new secret and a look-up of schemas),
 * its validation checks, credentials for validation when no secret is issued, and the vendor's IP ranges to check.
 *
 * @param name the recipe's name for logs, e.g. {@code Profiles Sync setup}
 * @param principal the principal the recipe grants to
 * @param warehouseId the warehouse it may use
 * @param catalog the catalog to hand over
 * @param blueprint the blueprint, given the sink for a new secret and a look-up of whether a schema exists
 * @param checks adds the recipe's checks to a validator
 * @param validationCredentials credentials for validation when the run issues no secret, or {@code null}
 * @param vendorRanges the vendor's published IP ranges; empty for no IP access list check
 * @param federated the workload identity the principal signs in with instead of a secret, or {@code null}
 */
record OAuthRecipe(String name, ServicePrincipal principal, String warehouseId, CatalogName catalog,
        BiFunction<SecretSink, Predicate<SchemaName>, Blueprint> blueprint,
        UnaryOperator<PrincipalValidator.Builder> checks, OAuthCredentials validationCredentials,
        List<Ipv4Range> vendorRanges, FederatedCredential federated) {

    /** A recipe built on {@link PrincipalRecipeBuilder}'s shared input. */
    static OAuthRecipe of(RecipePrincipal shared, CatalogName catalog,
            BiFunction<SecretSink, Predicate<SchemaName>, Blueprint> blueprint,
            UnaryOperator<PrincipalValidator.Builder> checks) {
        return new OAuthRecipe(shared.recipe(), shared.principal(), shared.warehouseId(), catalog, blueprint,
                validator -> checks.apply(validator).sampleTables(shared.validationTables().toArray(
                        dev.lakesetup.core.model.TableName[]::new)),
                shared.validationCredentials(), shared.vendorRanges(), shared.federated());
    }
}
