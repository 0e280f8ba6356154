package dev.lakesetup.databricks;

import dev.lakesetup.core.Lakesetup;
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
