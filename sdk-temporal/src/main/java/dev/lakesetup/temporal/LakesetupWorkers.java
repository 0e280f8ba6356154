package dev.lakesetup.temporal;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.databricks.PrincipalValidator;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Registers lakesetup's workflows and activities on a Temporal {@link WorkerFactory}: one worker on the main task
 * queue (the workflows and the workspace-level activities) and one on the account task queue (the account-level
 * activities: OAuth secrets), whose rate limit Temporal holds across every worker polling that queue.
 * <pre>{@code
 * LakesetupWorkers workers = LakesetupWorkers.builder()
 *     .taskQueue("lakesetup")
 *     .accountTaskQueue("lakesetup-account", 2.0)      // account API calls per second, fleet-wide
 *     .credentials(vaultResolver)                        // references -> connections and sinks
 *     .blueprint("analytics", (workspaceRef, sink) -> analyticsBlueprint(sink))
 *     .records(recordStore)                              // shared: secret-issue ledger, run records, journals
 *     .rotation(Duration.ofDays(1))                      // keep window of old secrets after a rotation
 *     .build();
 * workers.registerOn(factory);
 * factory.start();
 * }</pre>
 * Immutable; register the same instance on as many factories (processes) as you run workers.
 */
public final class LakesetupWorkers {
    private final String taskQueue;
    private final String accountTaskQueue;
    private final double accountActivitiesPerSecond;
    private final WorkerOptions workerOptions;
    private final WorkerContext context;

    private LakesetupWorkers(Builder builder) {
        this.taskQueue = builder.taskQueue;
        this.accountTaskQueue = builder.accountTaskQueue;
        this.accountActivitiesPerSecond = builder.accountActivitiesPerSecond;
        this.workerOptions = builder.workerOptions;
        this.context = new WorkerContext(builder.credentials, builder.blueprints, builder.records,
                builder.lifecycle, builder.keepWindow, builder.validator);
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates this configuration's two workers on a factory (start the factory afterwards).
     *
     * @param factory the factory, connected to the Temporal service and namespace
     */
    public void registerOn(WorkerFactory factory) {
        Worker main = factory.newWorker(taskQueue, workerOptions);
        main.registerWorkflowImplementationFactory(OnboardingWorkflow.class, OnboardingWorkflowImpl::new);
        main.registerWorkflowImplementationFactory(FleetOnboardingWorkflow.class, FleetOnboardingWorkflowImpl::new);
        main.registerWorkflowImplementationFactory(FleetMaintenanceWorkflow.class, FleetMaintenanceWorkflowImpl::new);
        main.registerWorkflowImplementationFactory(OffboardingWorkflow.class, OffboardingWorkflowImpl::new);
        OnboardingActivitiesImpl onboarding = new OnboardingActivitiesImpl(context);
        LifecycleActivitiesImpl lifecycle = new LifecycleActivitiesImpl(context);
        main.registerActivitiesImplementations(onboarding, lifecycle);
        Worker account = factory.newWorker(accountTaskQueue, WorkerOptions.newBuilder(workerOptions)
                .setMaxTaskQueueActivitiesPerSecond(accountActivitiesPerSecond).build());
        account.registerActivitiesImplementations(onboarding, lifecycle);
    }

    /**
     * Returns the settings a workflow started for these workers takes: their account task queue, and the default
     * propagation wait and attempts.
     *
     * @return the settings
     */
    public DurableSettings settings() {
        return DurableSettings.defaults(accountTaskQueue);
    }

    /**
     * Returns the main task queue, where workflows are started.
     *
     * @return the task queue
     */
    public String taskQueue() {
        return taskQueue;
    }

    @Override
    public String toString() {
        return "LakesetupWorkers[" + taskQueue + ", account " + accountTaskQueue + " at "
                + accountActivitiesPerSecond + "/s]";
    }

    /** Builds {@link LakesetupWorkers}; task queues, credentials and records are required. */
    public static final class Builder {
        private String taskQueue;
        private String accountTaskQueue;
        private double accountActivitiesPerSecond;
        private WorkerOptions workerOptions = WorkerOptions.getDefaultInstance();
        private CredentialResolver credentials;
        private RecordStore records;
        private FleetLifecycle lifecycle = new FleetLifecycle() { };
        private Duration keepWindow;
        private UnaryOperator<PrincipalValidator.Builder> validator = UnaryOperator.identity();
        private final Map<String, BlueprintProvider> blueprints = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the main task queue: workflows and workspace-level activities.
         *
         * @param name the task queue
         * @return this builder
         */
        public Builder taskQueue(String name) {
            this.taskQueue = InvalidInputException.requireNonNull(name, "task queue");
            return this;
        }

        /**
         * Sets the account task queue and its rate limit, which the Temporal service holds across every worker
         * polling the queue ({@code WorkerOptions.setMaxTaskQueueActivitiesPerSecond}).
         *
         * @param name the task queue
         * @param activitiesPerSecond the most account-level activities started per second, fleet-wide
         * @return this builder
         */
        public Builder accountTaskQueue(String name, double activitiesPerSecond) {
            if (!(activitiesPerSecond > 0)) {
                throw InvalidInputException.of("account activities per second", Double.toString(activitiesPerSecond),
                        "it is not positive", "a positive rate");
            }
            this.accountTaskQueue = InvalidInputException.requireNonNull(name, "account task queue");
            this.accountActivitiesPerSecond = activitiesPerSecond;
            return this;
        }

        /**
         * Sets the options both workers start from (the account worker adds its rate limit).
         *
         * @param options the worker options
         * @return this builder
         */
        public Builder workerOptions(WorkerOptions options) {
            this.workerOptions = InvalidInputException.requireNonNull(options, "worker options");
            return this;
        }

        /**
         * Sets what resolves workspace and sink references inside activities.
         *
         * @param resolver the resolver
         * @return this builder
         */
        public Builder credentials(CredentialResolver resolver) {
            this.credentials = InvalidInputException.requireNonNull(resolver, "credential resolver");
            return this;
        }

        /**
         * Registers a blueprint provider under the name targets give.
         *
         * @param name the name
         * @param provider the provider
         * @return this builder
         */
        public Builder blueprint(String name, BlueprintProvider provider) {
            blueprints.put(InvalidInputException.requireNonNull(name, "blueprint name"),
                    InvalidInputException.requireNonNull(provider, "blueprint provider"));
            return this;
        }

        /**
         * Sets the record store every worker shares, where secret issues are recorded before and after delivery,
         * onboarding runs are recorded for the offboarding, and rotations keep their journals.
         *
         * @param store the store
         * @return this builder
         */
        public Builder records(RecordStore store) {
            this.records = InvalidInputException.requireNonNull(store, "record store");
            return this;
        }

        /**
         * Sets the keep window of the maintenance's secret rotations: how long old secrets stay after the new one
         * validates (see {@code SecretRotation.Builder.keepWindow}). Required for rotation: a worker without it
         * fails the rotation activity (never a silent zero).
         *
         * @param keep zero or more ({@code Duration.ZERO} deletes old secrets as soon as the new one validates)
         * @return this builder
         */
        public Builder rotation(Duration keep) {
            return rotation(keep, UnaryOperator.identity());
        }

        /**
         * Sets the keep window of the maintenance's secret rotations and what to add to each rotation's validation
         * as the principal (another warehouse, checks, the transport).
         *
         * @param keep zero or more
         * @param validation adds to the validator's builder and returns it
         * @return this builder
         */
        public Builder rotation(Duration keep, UnaryOperator<PrincipalValidator.Builder> validation) {
            InvalidInputException.requireNonNull(keep, "keep window");
            if (keep.isNegative()) {
                throw InvalidInputException.of("keep window", keep.toString(), "it is negative", "zero or more");
            }
            this.keepWindow = keep;
            this.validator = InvalidInputException.requireNonNull(validation, "validator");
            return this;
        }

        /**
         * Sets the verify, rotate and teardown operations of the maintenance and offboarding workflows.
         *
         * @param operations the operations
         * @return this builder
         */
        public Builder lifecycle(FleetLifecycle operations) {
            this.lifecycle = InvalidInputException.requireNonNull(operations, "fleet lifecycle");
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalStateException when a task queue, the credentials or the records are missing
         */
        public LakesetupWorkers build() {
            if (taskQueue == null || accountTaskQueue == null || credentials == null || records == null) {
                throw new IllegalStateException("LakesetupWorkers needs taskQueue, accountTaskQueue, credentials and "
                        + "records");
            }
            if (taskQueue.equals(accountTaskQueue)) {
                throw new IllegalStateException("the account task queue must differ from the main task queue: its "
                        + "rate limit would pace every activity");
            }
            return new LakesetupWorkers(this);
        }
    }
}
