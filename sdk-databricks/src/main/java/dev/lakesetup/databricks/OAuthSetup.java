package dev.lakesetup.databricks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.TeardownOptions;

/**
 * What the OAuth M2M recipes share ({@link DatabricksDestinationSetup}, {@link ProfilesSyncSetup},
 * {@link ReverseEtlSourceSetup}): a service principal with an OAuth secret handed to a sink, a blueprint, checks as
 * the principal, and one run (preflight, plan, apply, a confirming re-plan, validation, hand-over). Each recipe
 * declares its own blueprint and checks; only this package's recipes extend it.
 */
public abstract class OAuthSetup {
    final RecipePrincipal shared;

    OAuthSetup(RecipePrincipal shared) {
        this.shared = shared;
    }

    /**
     * Returns the service principal the recipe grants to.
     *
     * @return the principal
     */
    public ServicePrincipal principal() {
        return shared.principal();
    }

    /**
     * Declares the procedure as a blueprint.
     *
     * @return the blueprint
     */
    public abstract Blueprint blueprint();

    /** Returns the recipe's parts for the shared run. */
    abstract OAuthRecipe recipe();

    /**
     * Adds this recipe's checks as the principal to a validator (the recipe's class documentation lists them).
     *
     * @param validator a validator's builder, with host, warehouse and credentials
     * @return the same builder
     */
    public PrincipalValidator.Builder addValidationChecks(PrincipalValidator.Builder validator) {
        return recipe().checks().apply(InvalidInputException.requireNonNull(validator, "validator"));
    }

    /**
     * Checks that Unity Catalog is enabled and plans the procedure; nothing is changed.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @return the plan
     * @throws dev.lakesetup.core.exception.ServiceException when the workspace has no Unity Catalog metastore
     */
    public Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return new OAuthRecipeRun(recipe(), lakesetup, workspace, RunOptions.defaults()).plan(shared.secretSink());
    }

    /**
     * Verifies the procedure with the default options: {@link #verify(Lakesetup, DatabricksWorkspace, VerifyOptions,
     * RunOptions)}.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @return what differs from the procedure, item by item
     */
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return verify(lakesetup, workspace, VerifyOptions.defaults());
    }

    /**
     * Verifies the procedure with options: {@link #verify(Lakesetup, DatabricksWorkspace, VerifyOptions,
     * RunOptions)} with the default validator settings.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @param options the secret expiry window and the credentials to validate with
     * @return what differs from the procedure, item by item
     */
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace, VerifyOptions options) {
        return verify(lakesetup, workspace, options, RunOptions.defaults());
    }

    /**
     * Checks that Unity Catalog is enabled and reports what changed since setup, changing nothing: the principal
     * (gone from the workspace, missing entitlements), its OAuth secret (none active, or expiring within the
     * window), its warehouse permission and grants, each as {@link Lakesetup#verify(Blueprint, VerifyOptions)}
     * reports it (reads a read-only identity may not make are skipped with the permission they need). With
     * credentials ({@link VerifyOptions#validateWith} or the builder's {@code validateWith}) it also validates as
     * the principal, and each check becomes an item ({@code OK}, {@code FAILED} or {@code SKIPPED}).
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @param options the secret expiry window and the credentials to validate with
     * @param runOptions the validator's settings (its apply options are not used)
     * @return what differs from the procedure, item by item
     * @throws dev.lakesetup.core.exception.ServiceException when the workspace has no Unity Catalog metastore
     */
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace, VerifyOptions options,
            RunOptions runOptions) {
        InvalidInputException.requireNonNull(options, "verify options");
        return new OAuthRecipeRun(recipe(), lakesetup, workspace, runOptions).verify(shared.secretSink(), options);
    }

    /**
     * Runs the whole procedure: preflight, plan, apply, a confirming re-plan, validation as the service principal
     * (with the IP access list check when vendor ranges were given), and the connection details.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @param options apply options and validator settings
     * @return what happened in each step
     * @throws dev.lakesetup.core.exception.ServiceException when the workspace has no Unity Catalog metastore
     * @throws dev.lakesetup.core.apply.ApplyRefusedException when the plan holds a conflict the options do not allow
     */
    public SetupResult run(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options) {
        return new OAuthRecipeRun(recipe(), lakesetup, workspace, options).run(shared.secretSink());
    }

    /**
     * Runs the whole procedure with the default options (see {@link #run(Lakesetup, DatabricksWorkspace, RunOptions)}).
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @return what happened in each step
     */
    public SetupResult run(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return run(lakesetup, workspace, RunOptions.defaults());
    }

    /**
     * Rotates the principal's OAuth secret with overlap ({@link SecretRotation}): a new secret is issued, handed to
     * the vault, validated with this recipe's checks as the principal on its warehouse, and only then are old secrets
     * deleted per the keep window; an interrupted rotation is finished from its journal.
     *
     * <pre>{@code
     * RotationReport report = setup.rotateSecret(lakesetup, workspace, rotation -> rotation
     *     .vault(vault).journal(store, "rotations/destination").keepWindow(Duration.ofHours(1))
     *     .rotateWhenExpiringWithin(Duration.ofDays(14)));
     * }</pre>
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace, signed in as an admin who may manage the principal's secrets
     * @param rotation sets the vault, journal and keep window (required) and the lifetime and expiry window
     * @return what the rotation did
     * @throws dev.lakesetup.core.exception.InvalidInputException when the principal does not exist yet
     */
    public RotationReport rotateSecret(Lakesetup lakesetup, DatabricksWorkspace workspace,
            java.util.function.UnaryOperator<SecretRotation.Builder> rotation) {
        return rotateSecret(lakesetup, workspace, RunOptions.defaults(), rotation);
    }

    /**
     * Rotates the principal's OAuth secret with overlap, with validator settings (see
     * {@link #rotateSecret(Lakesetup, DatabricksWorkspace, java.util.function.UnaryOperator)}).
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace, signed in as an admin who may manage the principal's secrets
     * @param options the validator settings ({@link RunOptions#withValidator})
     * @param rotation sets the vault, journal and keep window (required) and the lifetime and expiry window
     * @return what the rotation did
     */
    public RotationReport rotateSecret(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options,
            java.util.function.UnaryOperator<SecretRotation.Builder> rotation) {
        return SecretRotationRecipes.rotate(principal(), () -> plan(lakesetup, workspace), recipe().warehouseId(),
                recipe().checks(), lakesetup, workspace, options, rotation);
    }

    /**
     * Plans the removal of what this setup gave ({@link Lakesetup#teardown}): the revokes of its grants (with the
     * record of its runs, only the privileges they granted new), then the principal's OAuth secrets, warehouse
     * permission and workspace assignment; the service principal only when named
     * ({@code TeardownOptions.defaults().deletePrincipal(setup.principal())}). Apply the plan with
     * {@code ApplyOptions.defaults().withRevokesAllowed().withDeletesAllowed()}.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @param options the record of the setup's runs and what else to delete
     * @return a plan of revokes and deletions, with notes on what it leaves in place
     */
    public Plan teardown(Lakesetup lakesetup, DatabricksWorkspace workspace, TeardownOptions options) {
        return new OAuthRecipeRun(recipe(), lakesetup, workspace, RunOptions.defaults()).teardown(shared.secretSink(), options);
    }
}
