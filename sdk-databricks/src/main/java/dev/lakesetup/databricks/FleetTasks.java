package dev.lakesetup.databricks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.fleet.FleetOutcome;
import dev.lakesetup.core.fleet.FleetTask;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The tasks a {@link dev.lakesetup.core.fleet.Fleet} runs on Databricks workspaces: plan, apply, run a recipe,
 * validate, and any other operation through {@link #of(BiFunction)}. Each member gets an engine of its own, on its
 * workspace's REST executor and {@link DatabricksWorkspace#callPolicy() call policy} (so its own rate limit, retry
 * policy and concurrency), and a line whose summary is short (counts, and the first failure) and never holds a
 * secret. Each member's workspace must take the fleet's gate ({@code DatabricksWorkspace.Builder.callGate(
 * fleet.callGate())}): the fleet fails a member whose workspace lacks it, naming the member, before its task runs.
 *
 * <pre>{@code
 * FleetReport report = fleet.run(members, FleetTasks.recipe(dataGraph::run));
 * }</pre>
 *
 * <p>Besides these, {@link #verify(Function, Function)}, {@link #rotate(BiFunction)} and
 * {@link #teardown(Function, Function, ApplyOptions)} cover the lifecycle, with options made per member (each
 * member has its own run record, credentials and journal); any other operation plugs in
 * through {@link #of(BiFunction)}, which takes the member's engine and workspace and returns the member's outcome.
 */
public final class FleetTasks {
    private FleetTasks() {
    }

    /**
     * Returns a task that plans a blueprint and changes nothing: {@code OK} when the plan is empty, {@code DRIFT}
     * with the plan's counts otherwise.
     *
     * @param blueprint the blueprint of each member, given its workspace
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> plan(Function<? super DatabricksWorkspace, Blueprint> blueprint) {
        InvalidInputException.requireNonNull(blueprint, "blueprint");
        return of((lakesetup, workspace) -> planned(lakesetup.plan(blueprint.apply(workspace))));
    }

    /**
     * Returns a task that plans and applies a blueprint with the default options (see
     * {@link #apply(Function, ApplyOptions)}).
     *
     * @param blueprint the blueprint of each member, given its workspace
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> apply(Function<? super DatabricksWorkspace, Blueprint> blueprint) {
        return apply(blueprint, ApplyOptions.defaults());
    }

    /**
     * Returns a task that plans and applies a blueprint: {@code OK} when there was nothing to do, {@code CHANGED}
     * when every change was applied, {@code FAILED} with the first failed change otherwise.
     *
     * @param blueprint the blueprint of each member, given its workspace
     * @param options the apply options (revokes, deletes, conflicts allowed)
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> apply(Function<? super DatabricksWorkspace, Blueprint> blueprint,
            ApplyOptions options) {
        InvalidInputException.requireNonNull(blueprint, "blueprint");
        InvalidInputException.requireNonNull(options, "apply options");
        return of((lakesetup, workspace) -> {
            Plan plan = lakesetup.plan(blueprint.apply(workspace));
            if (plan.actionableChanges().isEmpty()) {
                return FleetOutcome.ok("nothing to do: " + plan.summary());
            }
            return applied(lakesetup.apply(plan, options));
        });
    }

    /**
     * Returns a task that runs a recipe (preflight, plan, apply, confirming re-plan, validation): {@code FAILED}
     * when the run did not prove the setup, {@code CHANGED} when it applied changes, {@code OK} otherwise.
     *
     * <pre>{@code
     * FleetTasks.recipe(dataGraph::run)
     * }</pre>
     *
     * @param recipe runs the recipe given the member's engine and workspace, e.g. {@code DataGraphSetup::run}
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> recipe(
            BiFunction<Lakesetup, DatabricksWorkspace, SetupResult> recipe) {
        InvalidInputException.requireNonNull(recipe, "recipe");
        return of((lakesetup, workspace) -> recipeOutcome(recipe.apply(lakesetup, workspace)));
    }

    /**
     * Returns a task that plans a recipe and changes nothing: {@code OK} when the plan is empty, {@code DRIFT}
     * otherwise.
     *
     * @param recipe plans the recipe given the member's engine and workspace, e.g. {@code DataGraphSetup::plan}
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> planRecipe(BiFunction<Lakesetup, DatabricksWorkspace, Plan> recipe) {
        InvalidInputException.requireNonNull(recipe, "recipe");
        return of((lakesetup, workspace) -> planned(recipe.apply(lakesetup, workspace)));
    }

    /**
     * Returns a task that validates each member as its service principal: {@code OK} when every check passed,
     * {@code FAILED} with the failed checks' names otherwise. The validator's HTTP requests (token exchange,
     * statement execution API) take the member workspace's call gate, the fleet's, whatever gate the validator was
     * built with; over JDBC the driver's own connections take only the rate limit.
     *
     * @param validator makes the member's validator, given its workspace
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> validate(
            Function<? super DatabricksWorkspace, PrincipalValidator> validator) {
        InvalidInputException.requireNonNull(validator, "validator");
        return workspace -> {
            PrincipalValidator made = validator.apply(workspace);
            PrincipalValidator gated = workspace.callGate().map(gate -> made.toBuilder().callGate(gate).build())
                    .orElse(made);
            return validated(gated.validate());
        };
    }

    /**
     * Returns a task made of any operation on the member's engine and workspace: the extension point for
     * operations that have no adapter here.
     *
     * @param operation runs the operation and says what it did
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> of(
            BiFunction<Lakesetup, DatabricksWorkspace, FleetOutcome> operation) {
        InvalidInputException.requireNonNull(operation, "fleet operation");
        return workspace -> operation.apply(engine(workspace), workspace);
    }

    /**
     * Returns a task that checks each member for drift against its blueprint with the default options and changes
     * nothing (see {@link #verify(Function, Function)}).
     *
     * @param blueprint the blueprint of each member, given its workspace
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> verify(Function<? super DatabricksWorkspace, Blueprint> blueprint) {
        return verify(blueprint, VerifyOptions.defaults());
    }

    /**
     * Returns a task that checks each member for drift with the same options for every member (an expiry window,
     * no validation): options that hold no member's credentials. See {@link #verify(Function, Function)}.
     *
     * @param blueprint the blueprint of each member, given its workspace
     * @param options the verify options of every member
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> verify(Function<? super DatabricksWorkspace, Blueprint> blueprint,
            VerifyOptions options) {
        InvalidInputException.requireNonNull(options, "verify options");
        return verify(blueprint, workspace -> options);
    }

    /**
     * Returns a task that checks each member for drift against its blueprint with options made for the member
     * (e.g. {@code VerifyOptions.defaults().validateWith(credentialsOf(workspace))}) and changes nothing:
     * {@code OK} when the drift report is clean, {@code DRIFT} with its summary otherwise.
     *
     * @param blueprint the blueprint of each member, given its workspace
     * @param options the verify options of each member, given its workspace
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> verify(Function<? super DatabricksWorkspace, Blueprint> blueprint,
            Function<? super DatabricksWorkspace, VerifyOptions> options) {
        InvalidInputException.requireNonNull(blueprint, "blueprint");
        InvalidInputException.requireNonNull(options, "verify options");
        return of((lakesetup, workspace) -> {
            DriftReport report = lakesetup.verify(blueprint.apply(workspace), options.apply(workspace));
            return report.isClean() ? FleetOutcome.ok(report.summary()) : FleetOutcome.drift(report.summary());
        });
    }

    /**
     * Returns a task that rotates a service principal's OAuth secret in each member: {@code CHANGED} when rotated,
     * {@code OK} when not due, {@code FAILED} when validation with the new secret failed.
     *
     * @param rotation makes the member's rotation, e.g.
     *     {@code (lakesetup, workspace) -> SecretRotation.builder(lakesetup, workspace).principal(sp)...build()}
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> rotate(
            BiFunction<Lakesetup, DatabricksWorkspace, SecretRotation> rotation) {
        InvalidInputException.requireNonNull(rotation, "secret rotation");
        return of((lakesetup, workspace) -> {
            RotationReport report = rotation.apply(lakesetup, workspace).run();
            String summary = report.outcome() + ", " + report.deleted().size() + " old secrets deleted";
            return switch (report.outcome()) {
                case ROTATED -> FleetOutcome.changed(summary);
                case NOT_DUE -> FleetOutcome.ok(summary);
                case VALIDATION_FAILED -> FleetOutcome.failed(summary);
            };
        });
    }

    /**
     * Returns a task that takes down what each member's blueprint set up ({@code Lakesetup.teardown}) and applies
     * the removals: {@code OK} when nothing is left to remove, {@code CHANGED} when every removal was applied,
     * {@code FAILED} otherwise. The apply options must allow the revokes and deletions (nothing is removed
     * without them: the member fails, refused). The teardown options are made per member, since each member's
     * run record is its own: one record given to every member would revoke by another workspace's record.
     *
     * <pre>{@code
     * FleetTasks.teardown(ws -> blueprintFor(ws), ws -> TeardownOptions.defaults()
     *     .record(RunRecords.load(store, recordKeyOf(ws)).orElseThrow()), apply)
     * }</pre>
     *
     * @param blueprint the blueprint of each member, given its workspace
     * @param options what to delete besides revoking and the member's own run record, given its workspace
     * @param apply the apply options, e.g. {@code ApplyOptions.defaults().withRevokesAllowed().withDeletesAllowed()}
     * @return the task
     */
    public static FleetTask<DatabricksWorkspace> teardown(Function<? super DatabricksWorkspace, Blueprint> blueprint,
            Function<? super DatabricksWorkspace, TeardownOptions> options, ApplyOptions apply) {
        InvalidInputException.requireNonNull(blueprint, "blueprint");
        InvalidInputException.requireNonNull(options, "teardown options");
        InvalidInputException.requireNonNull(apply, "apply options");
        return of((lakesetup, workspace) -> {
            Plan plan = lakesetup.teardown(blueprint.apply(workspace), options.apply(workspace));
            if (plan.actionableChanges().isEmpty()) {
                return FleetOutcome.ok("nothing to remove: " + plan.summary());
            }
            return applied(lakesetup.apply(plan, apply));
        });
    }

    /**
     * Returns the engine a member's task runs on: the workspace's REST executor and call policy.
     *
     * @param workspace the member's workspace
     * @return a new engine
     */
    public static Lakesetup engine(DatabricksWorkspace workspace) {
        InvalidInputException.requireNonNull(workspace, "workspace");
        return Lakesetup.builder().executor(workspace.restExecutor()).callPolicy(workspace.callPolicy()).build();
    }

    private static FleetOutcome planned(Plan plan) {
        return plan.actionableChanges().isEmpty() ? FleetOutcome.ok("no changes: " + plan.summary())
                : FleetOutcome.drift(plan.summary().toString());
    }

    /** Says what an apply did in one short line: counts by outcome, then the first failure's change and reason. */
    static FleetOutcome applied(ApplyReport report) {
        Map<Outcome, Integer> counts = report.summary();
        String summary = counts.get(Outcome.APPLIED) + " applied, " + counts.get(Outcome.ALREADY_DONE)
                + " already done, " + counts.get(Outcome.FAILED) + " failed, " + counts.get(Outcome.SKIPPED)
                + " skipped" + (report.interrupted() ? ", interrupted" : "");
        if (report.isSuccess()) {
            return FleetOutcome.changed(summary);
        }
        return FleetOutcome.failed(summary + report.failures().stream().findFirst()
                .map(first -> "; first failure: " + first.change().id() + ": " + first.reason()).orElse(""));
    }

    private static FleetOutcome recipeOutcome(SetupResult result) {
        if (!result.succeeded()) {
            String step = !result.applyReport().isSuccess() ? "apply: " + applied(result.applyReport()).summary()
                    : result.confirmationPlan().map(p -> !p.isEmpty()).orElse(true) ? "the re-plan was not empty"
                    : "validation: " + result.validation().map(v -> v.failures().size() + " checks not passed")
                            .orElse("not run");
            return FleetOutcome.failed("recipe not proven, " + step);
        }
        int changes = result.plan().actionableChanges().size();
        return changes == 0 ? FleetOutcome.ok("recipe proven, nothing to change")
                : FleetOutcome.changed("recipe proven, " + changes + " changes applied, validation passed");
    }

    private static FleetOutcome validated(ValidationReport report) {
        if (report.passed()) {
            return FleetOutcome.ok("validation passed: " + report.checks().size() + " checks");
        }
        return FleetOutcome.failed("validation failed: " + report.failures().stream().map(ValidationCheck::name)
                .toList());
    }
}
