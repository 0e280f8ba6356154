package dev.lakesetup.databricks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link SecretRotation} for a recipe's service principal, validated with the recipe's own checks on its
 * warehouse: what {@code rotateSecret(..)} of the recipes shares.
 */
final class SecretRotationRecipes {
    private SecretRotationRecipes() {
    }

    /**
     * Rotates the secret of a recipe's principal.
     *
     * @param principal the recipe's principal (known by name until it is resolved)
     * @param plan plans the recipe, to resolve a principal known by name
     * @param warehouseId the recipe's warehouse, where validation runs
     * @param checks adds the recipe's checks to a validator
     * @param lakesetup the engine (retries and clock)
     * @param workspace the workspace
     * @param options the validator settings ({@link RunOptions#customizeValidator})
     * @param settings sets the vault, journal and windows on the rotation's builder
     * @return the rotation's report
     */
    static RotationReport rotate(ServicePrincipal principal, Supplier<Plan> plan, String warehouseId,
            UnaryOperator<PrincipalValidator.Builder> checks, Lakesetup lakesetup, DatabricksWorkspace workspace,
            RunOptions options, UnaryOperator<SecretRotation.Builder> settings) {
        InvalidInputException.requireNonNull(options, "run options");
        InvalidInputException.requireNonNull(settings, "rotation settings");
        ServicePrincipal resolved = principal.isResolved() ? principal : resolve(principal, plan.get());
        SecretRotation.Builder rotation = SecretRotation.builder(lakesetup, workspace).principal(resolved)
                .validator(validator -> options.customizeValidator(checks.apply(validator.warehouseId(warehouseId))));
        return settings.apply(rotation).build().run();
    }

    private static ServicePrincipal resolve(ServicePrincipal principal, Plan plan) {
        ApplicationId id = plan.resolvedPrincipals().get(principal);
        if (id == null) {
            throw InvalidInputException.of("service principal", principal.toString(), "it does not exist yet",
                    "run the recipe first: it creates the principal and its first secret");
        }
        return ServicePrincipal.of(id);
    }
}
