package dev.lakesetup.setup;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.RunOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * One workspace's entry of a setup file: its name, where it is (host, SQL warehouse, both optional) and what to set
 * up there, ready to plan or apply with a {@link Lakesetup} that has the workspace's executor registered (and an
 * {@code AzureExecutor} when {@link #needsAzure()}).
 *
 * <pre>{@code
 * for (WorkspaceSetup setup : SetupFile.read(Path.of("setup.yaml"))) {
 *     DatabricksWorkspace workspace = DatabricksWorkspace.fromEnvironment().host(setup.host().orElseThrow()).build();
 *     Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor()).build();
 *     Plan plan = setup.plan(lakesetup, workspace);
 * }
 * }</pre>
 */
public final class WorkspaceSetup {
    private final String name;
    private final String host;
    private final String warehouse;
    private final SetupRecipe recipe;

    WorkspaceSetup(String name, String host, String warehouse, SetupRecipe recipe) {
        this.name = Objects.requireNonNull(name, "name");
        this.host = host;
        this.warehouse = warehouse;
        this.recipe = Objects.requireNonNull(recipe, "recipe");
    }

    /**
     * Returns the workspace entry's name, unique in its file.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the workspace URL the file gives, after environment references were replaced.
     *
     * @return the host, absent when the file leaves it to the environment
     */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /**
     * Returns the SQL warehouse id the file gives for this workspace.
     *
     * @return the warehouse id, absent when not given
     */
    public Optional<String> warehouse() {
        return Optional.ofNullable(warehouse);
    }

    /**
     * Returns what the entry declares: a blueprint, a profile or which recipe.
     *
     * @return the kind
     */
    public SetupKind kind() {
        return recipe.kind();
    }

    /**
     * Tells whether the setup declares Azure resources (Entra principal, ADLS container, role assignment), so the
     * {@link Lakesetup} must have an {@code AzureExecutor} of an {@code AzureConnection} registered.
     *
     * @return {@code true} when an Azure executor is needed
     */
    public boolean needsAzure() {
        return recipe.needsAzure();
    }

    /**
     * Returns the blueprint the entry declares. For a recipe it is the recipe's blueprint; for Data Graph it
     * includes the reverse-ETL schema grant, which {@link #plan} keeps only when that schema exists.
     *
     * @return the blueprint
     */
    public Blueprint blueprint() {
        return recipe.blueprint();
    }

    /**
     * Returns the recipe object the entry was mapped to, for callers that need more of it (validation checks,
     * connection details).
     *
     * @param type the recipe's class, such as {@code DataGraphSetup.class} or {@code Blueprint.class}
     * @param <T> the recipe's type
     * @return the recipe, absent when the entry is of another kind
     */
    public <T> Optional<T> recipe(Class<T> type) {
        InvalidInputException.requireNonNull(type, "recipe type");
        Object target = recipe.target();
        return type.isInstance(target) ? Optional.of(type.cast(target)) : Optional.empty();
    }

    /**
     * Plans the setup against the live workspace; nothing is changed.
     *
     * @param lakesetup the engine, with the workspace's executor registered
     * @param workspace the workspace
     * @return the plan
     */
    public Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return recipe.plan(requireEngine(lakesetup), requireWorkspace(workspace));
    }

    /**
     * Applies the setup with default options: plan, apply, a confirming re-plan and, for recipes, validation and
     * hand-over (a new OAuth secret goes to the sink the file names).
     *
     * @param lakesetup the engine, with the workspace's executor registered
     * @param workspace the workspace
     * @return what happened
     */
    public SetupOutcome apply(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return apply(lakesetup, workspace, RunOptions.defaults());
    }

    /**
     * Applies the setup with options (revokes or conflicts allowed).
     *
     * @param lakesetup the engine, with the workspace's executor registered
     * @param workspace the workspace
     * @param options the apply options
     * @return what happened
     */
    public SetupOutcome apply(Lakesetup lakesetup, DatabricksWorkspace workspace, ApplyOptions options) {
        InvalidInputException.requireNonNull(options, "apply options");
        return apply(lakesetup, workspace, RunOptions.defaults().withApplyOptions(options));
    }

    /**
     * Applies the setup with run options: apply options, and for the recipes that validate as the principal the
     * validator's settings (a sandbox on the testkit passes {@code PrincipalValidator.Builder::plainHttpForTesting}).
     * Blueprints and profiles use only the apply options; the Azure Delta Lake destination recipe applies with
     * default options.
     *
     * @param lakesetup the engine, with the workspace's executor registered
     * @param workspace the workspace
     * @param options the run options
     * @return what happened
     */
    public SetupOutcome apply(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options) {
        InvalidInputException.requireNonNull(options, "run options");
        return recipe.apply(requireEngine(lakesetup), requireWorkspace(workspace), options);
    }

    /**
     * Reports what differs from the setup, changing nothing: {@link Lakesetup#verify(Blueprint, VerifyOptions)} for
     * a blueprint or profile, the recipe's {@code verify} for a recipe (which also validates as the principal when
     * the file gives {@code validateWith} credentials, unless the options say not to).
     *
     * @param lakesetup the engine, with the workspace's executor registered
     * @param workspace the workspace
     * @param options the secret expiry window and whether to validate
     * @param runOptions the validator's settings (a sandbox passes {@code PrincipalValidator.Builder::plainHttpForTesting})
     * @return the drift report
     */
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace, VerifyOptions options,
            RunOptions runOptions) {
        InvalidInputException.requireNonNull(options, "verify options");
        InvalidInputException.requireNonNull(runOptions, "run options");
        return recipe.verify(requireEngine(lakesetup), requireWorkspace(workspace), options, runOptions);
    }

    private static Lakesetup requireEngine(Lakesetup lakesetup) {
        return InvalidInputException.requireNonNull(lakesetup, "lakesetup");
    }

    private static DatabricksWorkspace requireWorkspace(DatabricksWorkspace workspace) {
        return InvalidInputException.requireNonNull(workspace, "workspace");
    }

    @Override
    public String toString() {
        return "WorkspaceSetup[" + name + ", " + recipe.kind().key() + (host == null ? "" : ", " + host) + "]";
    }
}
