/**
 * lakesetup on Temporal: onboarding a fleet of workspaces, its scheduled verify and rotate, and offboarding, as
 * durable workflows that survive worker crashes and restarts.
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link dev.lakesetup.temporal.OnboardingWorkflow}: activity {@code plan} (reads the live workspace, returns
 *   the actionable changes as data: ids, kinds, actions, names), then one {@code applyChange} activity per change
 *   in plan order, a durable {@code Workflow.sleep} after a service principal is created (propagation), then
 *   {@code remainingChanges} (a re-plan that must be empty). The hand-over result holds no secret: the secret went
 *   to the sink, inside the activity that issued it.</li>
 *   <li>{@link dev.lakesetup.temporal.FleetOnboardingWorkflow}: one onboarding child workflow per workspace, all at
 *   once; a failed workspace is reported in the {@link dev.lakesetup.temporal.FleetReport} with why, the others
 *   complete.</li>
 *   <li>{@link dev.lakesetup.temporal.FleetMaintenanceWorkflow}: one run per schedule tick (start it from a Temporal
 *   Schedule): verify every workspace, rotate the secrets that expire inside a window.</li>
 *   <li>{@link dev.lakesetup.temporal.OffboardingWorkflow}: the teardown of one workspace.</li>
 * </ul>
 * {@link dev.lakesetup.temporal.LakesetupWorkers} registers all of them on a worker factory.
 *
 * <h2>No secret in workflow history</h2>
 * Temporal keeps workflow inputs, results, signals and activity results in the history, in the service's database.
 * Nothing secret travels there: a {@link dev.lakesetup.temporal.WorkspaceTarget} names a workspace, a blueprint and
 * a sink by reference; inside each activity the worker's {@link dev.lakesetup.temporal.CredentialResolver} turns
 * them into a signed-in {@code DatabricksWorkspace} and a {@code SecretSink}, and its
 * {@link dev.lakesetup.temporal.BlueprintProvider} rebuilds the blueprint. Activities return ids, kinds and names.
 * Failure messages are lakesetup's, which never carry secrets. A test scans every payload of a fleet's histories
 * for the admin tokens and the issued secrets.
 *
 * <p>The alternative is an encrypting {@code PayloadCodec} on the client's and workers' {@code DataConverter}
 * ({@code CodecDataConverter}): payloads are then encrypted before they leave the process, and a codec server lets
 * the Web UI show them to those who hold the key. It protects what is in the history, but the key must be on every
 * worker and client, and anyone with the key reads every admin credential ever passed; passing references keeps
 * credentials in the vault they come from. Use a codec in addition (for names and plans you consider sensitive),
 * not instead.
 *
 * <h2>Idempotent changes, and secrets issued at most once</h2>
 * Every activity rebuilds the blueprint and re-plans, and {@code applyChange} applies the change (with its
 * dependencies, no-ops by then) only if the live state still needs it; a retry or a replay after the write
 * happened finds nothing to do and answers {@code ALREADY_DONE}. The Java SDK assigns activity ids itself, so the
 * stable id of a change's write is the workflow id, the run id and the change id: the key of the change's record
 * in the {@link dev.lakesetup.core.record.RecordStore} every worker shares.
 *
 * <p>An OAuth secret is shown once, in the service's answer. Before issuing one, the activity records
 * {@code intent}; the sink wrapper records {@code delivered} right after the sink took it. A retry of the change
 * (the worker died, or the sink failed, after the service answered) then finds either {@code delivered} (done,
 * nothing issued again) or {@code intent} with a secret now active: that secret was issued by the earlier attempt
 * and its value is lost. The activity <b>refuses</b> (non-retryable failure {@code SecretDeliveryUnconfirmed},
 * naming the principal's change, the sink and the record key) rather than delete it and issue another. "At most
 * once" therefore means: per declared secret and run, the service issues at most one secret; it reaches the sink
 * once, or the run stops and says which secret to delete. Refusing is chosen because deleting needs certainty
 * that the secret is the orphan: when the worker died after the sink took the value but before {@code delivered}
 * was written, the secret is in use, and deleting it would break the integration it was issued for. When the
 * intent is recorded but the re-plan still needs the secret, nothing was issued (the call failed before the
 * service acted), and the change is simply retried. Declarations with {@code OAuthSecret.rotate()} are refused by
 * the onboarding (rotation is the maintenance workflow's job), because an always-planned secret cannot tell a lost
 * issue from none.
 *
 * <h2>Waits and quotas</h2>
 * The engine in activities makes one attempt per call (no sleeping retry loop in a worker thread); retries are the
 * activity's, with Temporal's exponential backoff on durable timers (failures the service refused for good, such as
 * permission denied, are not retried). The propagation wait after a principal is created is a durable
 * {@code Workflow.sleep}. Account-level activities (OAuth secrets) run on their own task queue, whose workers set
 * {@code WorkerOptions.setMaxTaskQueueActivitiesPerSecond}: the Temporal service holds that rate across every worker
 * polling the queue, so the account's quota holds however many workers run.
 *
 * <h2>Verify, rotate and teardown</h2>
 * The activities call a {@link dev.lakesetup.temporal.FleetLifecycle} on the worker, with a
 * {@link dev.lakesetup.temporal.LifecycleSession} per target. Its defaults: verify is
 * {@code Lakesetup.verify(blueprint)} (read-only); rotation runs one {@code SecretRotation} per declared OAuth
 * secret with {@code rotateWhenExpiringWithin(window)}, the workers' keep window (required, set with
 * {@code LakesetupWorkers.Builder.rotation}) and its journal in the shared record store under a key per workspace
 * and principal, so a retried activity finishes the same rotation; teardown is
 * {@code Lakesetup.teardown(blueprint, options)} with the run record the onboarding activities saved for the
 * workspace and blueprint (from the plan before any write, with each change's intended outcome before it is
 * applied, and with its real outcome after), applied with revokes and deletes allowed.
 *
 * <h2>No module-info</h2>
 * This module has no {@code module-info.java}: the Temporal SDK 1.38 jars are not modules (no
 * {@code module-info}, no {@code Automatic-Module-Name}), and two of them split packages: {@code temporal-sdk} and
 * {@code temporal-serviceclient} both hold classes of {@code io.temporal.internal} and
 * {@code io.temporal.internal.common}, which the module path refuses (one package, one module). gRPC 1.76 is not
 * the obstacle: its {@code io.grpc} classes are all in {@code grpc-api} (which names itself {@code io.grpc}), and
 * {@code grpc-context} 1.76 holds none. The module is used on the class path.
 */
package dev.lakesetup.temporal;
