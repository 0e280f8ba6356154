package dev.lakesetup.databricks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.RunRecords;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps every recipe runs, written once: preflight, plan, apply, a re-plan that must be empty (a warning
 * otherwise), the recipe's validation, and the hand-over of what the caller needs. A recipe supplies what is its own:
 * the preflight check, its blueprint, its validation checks and what it hands over.
 *
 * <pre>{@code
 * SetupResult result = RecipeRun.builder(lakesetup)
 *     .name("Data Graph setup")
 *     .preflight("check Unity Catalog", () -> workspace.restExecutor().checkUnityCatalog())
 *     .blueprint(setup::blueprint)
 *     .validation(outcome -> Optional.of(validator.validate()))
 *     .build()
 *     .run(outcome -> toResult(outcome));
 * }</pre>
 *
 * <p>The preflight runs under the retry policy of the {@link Lakesetup} and fails the run before anything is
 * planned; the blueprint is asked for once per plan (the plan and the re-plan), so a recipe may look things up
 * while declaring it. Immutable.
 */
public final class RecipeRun {
    private static final Logger LOG = LoggerFactory.getLogger(RecipeRun.class);

    private final Lakesetup lakesetup;
    private final String name;
    private final String preflightName;
    private final Supplier<?> preflight;
    private final Supplier<Blueprint> blueprint;
    private final ApplyOptions applyOptions;
    private final Function<Outcome, Optional<ValidationReport>> validation;
    private final RecordStore recordStore;
    private final String recordKey;

    private RecipeRun(Builder b) {
        this.lakesetup = b.lakesetup;
        this.name = b.name;
        this.preflightName = b.preflightName;
        this.preflight = b.preflight;
        this.blueprint = b.blueprint;
        this.applyOptions = b.applyOptions;
        this.validation = b.validation;
        this.recordStore = b.recordStore;
        this.recordKey = b.recordKey;
    }

    /**
     * Starts a run on an engine.
     *
     * @param lakesetup the engine, with the executors the recipe's blueprint needs
     * @return a builder
     */
    public static Builder builder(Lakesetup lakesetup) {
        return new Builder(InvalidInputException.requireNonNull(lakesetup, "lakesetup"));
    }

    /**
     * Runs the preflight check, then plans the blueprint; changes nothing.
     *
     * @return the plan
     * @throws RuntimeException the preflight's failure, when it fails for good
     */
    public Plan plan() {
        if (preflight != null) {
            Object answer = lakesetup.call(preflightName, preflight::get);
            LOG.debug("{}: {} answered {}", name, preflightName, answer);
        }
        return lakesetup.plan(blueprint.get());
    }

    /**
     * Runs the preflight check, then verifies the blueprint ({@link Lakesetup#verify(Blueprint, VerifyOptions)});
     * changes nothing.
     *
     * @param options the secret expiry window
     * @return the drift report
     * @throws RuntimeException the preflight's failure, when it fails for good
     */
    public DriftReport verify(VerifyOptions options) {
        InvalidInputException.requireNonNull(options, "verify options");
        if (preflight != null) {
            Object answer = lakesetup.call(preflightName, preflight::get);
            LOG.debug("{}: {} answered {}", name, preflightName, answer);
        }
        return lakesetup.verify(blueprint.get(), options);
    }

    /**
     * Runs every step: preflight, plan, apply; after a successful apply a re-plan, which logs a warning when it is
     * not empty; then the recipe's validation, and the hand-over.
     *
     * @param handOver turns what the run did into what the recipe returns
     * @param <T> the recipe's result
     * @return the hand-over's result
     * @throws dev.lakesetup.core.apply.ApplyRefusedException when the plan holds a change the apply options refuse,
     *     before any change
     */
    public <T> T run(Function<? super Outcome, T> handOver) {
        InvalidInputException.requireNonNull(handOver, "hand-over");
        Plan plan = plan();
        LOG.info("{}: {}", name, plan.summary());
        keepRecord(plan);
        ApplyReport report = lakesetup.apply(plan, applyOptions);
        Plan replan = null;
        if (report.isSuccess()) {
            replan = lakesetup.plan(blueprint.get());
            if (!replan.isEmpty()) {
                LOG.warn("{}: the plan made again after applying is not empty: {}", name, replan.summary());
            }
        }
        Outcome applied = new Outcome(plan, report, replan, null);
        ValidationReport validated = validation.apply(applied).orElse(null);
        return handOver.apply(new Outcome(plan, report, replan, validated));
    }

    /**
     * Saves the run's record ({@link RunRecord#planned}), merged with the stored one, before anything is applied,
     * when a store was given: a crash or a lost answer during the apply then cannot make a later run take what this
     * one gave for something it found. A store that fails fails the run before any change.
     */
    private void keepRecord(Plan plan) {
        if (recordStore == null) {
            return;
        }
        try {
            RunRecords.save(recordStore, recordKey, RunRecord.planned(plan, Instant.now()));
        } catch (RuntimeException e) {
            throw new LakesetupException(name + ": the run record could not be saved under " + recordKey + " in "
                    + recordStore + ", so nothing was applied (a teardown needs the record to remove exactly what "
                    + "the run gives); fix the store and run again", e);
        }
        LOG.info("{}: run record saved under {}", name, recordKey);
    }

    @Override
    public String toString() {
        return "RecipeRun[" + name + ", " + applyOptions + "]";
    }

    /** What a run did: the plan, the apply's report, the re-plan and the validation. */
    public static final class Outcome {
        private final Plan plan;
        private final ApplyReport report;
        private final Plan replan;
        private final ValidationReport validation;

        private Outcome(Plan plan, ApplyReport report, Plan replan, ValidationReport validation) {
            this.plan = plan;
            this.report = report;
            this.replan = replan;
            this.validation = validation;
        }

        /**
         * Returns the plan that was applied.
         *
         * @return the plan
         */
        public Plan plan() {
            return plan;
        }

        /**
         * Returns the apply's report.
         *
         * @return the report
         */
        public ApplyReport report() {
            return report;
        }

        /**
         * Returns the re-plan made after a successful apply; empty when the apply did not succeed.
         *
         * @return the re-plan
         */
        public Optional<Plan> replan() {
            return Optional.ofNullable(replan);
        }

        /**
         * Returns the validation's report; empty before validation and when the recipe did not validate.
         *
         * @return the report
         */
        public Optional<ValidationReport> validation() {
            return Optional.ofNullable(validation);
        }

        @Override
        public String toString() {
            return "RecipeRun.Outcome[" + plan.summary() + ", success=" + report.isSuccess() + ", replan="
                    + (replan == null ? "none" : replan.summary()) + ", validation="
                    + (validation == null ? "none" : validation.passed() ? "passed" : "failed") + "]";
        }
    }

    /** Collects the recipe's steps; {@link #build()} requires a name and a blueprint. */
    public static final class Builder {
        private final Lakesetup lakesetup;
        private String name;
        private String preflightName;
        private Supplier<?> preflight;
        private Supplier<Blueprint> blueprint;
        private ApplyOptions applyOptions = ApplyOptions.defaults();
        private Function<Outcome, Optional<ValidationReport>> validation = outcome -> Optional.empty();
        private RecordStore recordStore;
        private String recordKey;

        private Builder(Lakesetup lakesetup) {
            this.lakesetup = lakesetup;
        }

        /**
         * Names the run for logs, e.g. {@code Data Graph setup of segment-data-graph}.
         *
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = InvalidInputException.requireNonNull(value, "name");
            return this;
        }

        /**
         * Sets the read-only check that must pass before anything is planned, retried when throttled or transient.
         *
         * @param what what it checks, for logs, e.g. {@code check Unity Catalog}
         * @param check the check; it fails by throwing, its answer is logged at DEBUG
         * @return this builder
         */
        public Builder preflight(String what, Supplier<?> check) {
            this.preflightName = InvalidInputException.requireNonNull(what, "preflight name");
            this.preflight = InvalidInputException.requireNonNull(check, "preflight");
            return this;
        }

        /**
         * Sets where the blueprint comes from; asked once for the plan and once for the re-plan.
         *
         * @param value the blueprint's source
         * @return this builder
         */
        public Builder blueprint(Supplier<Blueprint> value) {
            this.blueprint = InvalidInputException.requireNonNull(value, "blueprint");
            return this;
        }

        /**
         * Sets the options of the apply (default {@link ApplyOptions#defaults()}: additive only).
         *
         * @param value the options
         * @return this builder
         */
        public Builder applyOptions(ApplyOptions value) {
            this.applyOptions = InvalidInputException.requireNonNull(value, "apply options");
            return this;
        }

        /**
         * Sets the recipe's validation, given what the run did so far (plan, report, re-plan); it answers empty
         * when it does not validate, for example after a failed apply. Default: no validation.
         *
         * @param value the validation
         * @return this builder
         */
        public Builder validation(Function<Outcome, Optional<ValidationReport>> value) {
            this.validation = InvalidInputException.requireNonNull(value, "validation");
            return this;
        }

        /**
         * Sets the store the run keeps its record in, under a key: before the apply, the record of the run
         * ({@link RunRecord#planned}) is merged into the one already there; a store that fails fails the run before
         * any change.
         *
         * @param store the store
         * @param key the key
         * @return this builder
         */
        public Builder record(RecordStore store, String key) {
            this.recordStore = InvalidInputException.requireNonNull(store, "record store");
            this.recordKey = MemoryRecordStore.requireKey(key);
            return this;
        }

        /**
         * Takes the record store and key of run options, when they name one.
         *
         * @param options the run options
         * @return this builder
         */
        public Builder record(RunOptions options) {
            InvalidInputException.requireNonNull(options, "run options");
            options.recordStore().ifPresent(store -> record(store, options.recordKey().orElseThrow()));
            return this;
        }

        /**
         * Builds the run.
         *
         * @return the run
         * @throws InvalidInputException when the name or the blueprint is missing
         */
        public RecipeRun build() {
            if (name == null) {
                throw InvalidInputException.of("name", null, "it is required", "name(\"what the recipe sets up\")");
            }
            if (blueprint == null) {
                throw InvalidInputException.of("blueprint", null, "it is required", "blueprint(() -> blueprint)");
            }
            return new RecipeRun(this);
        }
    }
}
