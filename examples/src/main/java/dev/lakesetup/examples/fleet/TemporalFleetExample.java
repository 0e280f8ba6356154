package dev.lakesetup.examples.fleet;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;

import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.temporal.CredentialResolver;
import dev.lakesetup.temporal.FleetOnboardingWorkflow;
import dev.lakesetup.temporal.FleetReport;
import dev.lakesetup.temporal.LakesetupWorkers;
import dev.lakesetup.temporal.WorkspaceOutcome;
import dev.lakesetup.temporal.WorkspaceTarget;
import dev.lakesetup.testkit.FakeWorkspace;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Onboards a small fleet durably: three fake workspaces, two worker processes (two worker factories) on Temporal's
 * in-memory service, one onboarding workflow per workspace started by a fleet workflow. Workflows carry references
 * only; the workers resolve them to connections and vault sinks inside activities. Against a real cluster, only the
 * client (service address, namespace, TLS) and the resolver change: see the README, "Fleets on Temporal".
 */
public final class TemporalFleetExample {
    private static final String PRINCIPAL = "fleet-loader";

    private TemporalFleetExample() {
    }

    /**
     * Runs the example; exits with 0 when every workspace was onboarded, 1 otherwise.
     *
     * @param args none
     */
    public static void main(String[] args) {
        boolean ok = run();
        System.exit(ok ? 0 : 1);
    }

    /**
     * Starts the fakes and the in-memory service, onboards the fleet with two workers and prints the report.
     *
     * @return whether every workspace was onboarded
     */
    static boolean run() {
        Map<String, FakeWorkspace> fakes = new LinkedHashMap<>();
        for (String ref : List.of("ws-eu-1", "ws-eu-2", "ws-us-1")) {
            fakes.put(ref, FakeWorkspace.builder().build().start());
        }
        Vault vault = new Vault(fakes);
        try (TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance()) {
            LakesetupWorkers workers = LakesetupWorkers.builder()
                    .taskQueue("lakesetup")
                    .accountTaskQueue("lakesetup-account", 2.0)
                    .credentials(vault)
                    .blueprint("analytics", (workspaceRef, sink) -> analytics(sink))
                    .records(new MemoryRecordStore())
                    .build();
            for (int process = 0; process < 2; process++) {
                WorkerFactory factory = WorkerFactory.newInstance(temporal.getWorkflowClient());
                workers.registerOn(factory);
                factory.start();
            }
            List<WorkspaceTarget> targets = new ArrayList<>();
            fakes.keySet().forEach(ref -> targets.add(new WorkspaceTarget(ref, "analytics", "vault/" + ref)));
            FleetReport report = temporal.getWorkflowClient().newWorkflowStub(FleetOnboardingWorkflow.class,
                    WorkflowOptions.newBuilder().setTaskQueue(workers.taskQueue()).setWorkflowId("onboard-analytics")
                            .build())
                    .onboard(targets, workers.settings().withPropagationWait(Duration.ofSeconds(10)));
            for (WorkspaceOutcome outcome : report.outcomes()) {
                System.out.println(outcome.workspaceRef() + ": " + (outcome.succeeded() ? "onboarded, secret in "
                        + vault.stored.getOrDefault("vault/" + outcome.workspaceRef(), "?") : outcome.failure()));
            }
            return report.failed().isEmpty();
        } finally {
            fakes.values().forEach(FakeWorkspace::close);
        }
    }

    /** The blueprint of every workspace: a loader principal, a catalog it may use, and its OAuth secret. */
    static Blueprint analytics(SecretSink sink) {
        ServicePrincipal loader = Principal.servicePrincipalNamed(PRINCIPAL);
        return Blueprint.builder()
                .resource(WorkspaceServicePrincipal.named(PRINCIPAL))
                .resource(Catalog.named("analytics"))
                .grant(Grant.on(Securable.catalog("analytics")).to(loader).privileges(USE_CATALOG))
                .resource(OAuthSecret.forPrincipal(loader, sink))
                .build();
    }

    /**
     * Stands in for a vault: admin credentials per workspace reference, and a sink per vault path that keeps only
     * the fact that a secret arrived (the example never prints one).
     */
    private static final class Vault implements CredentialResolver {
        private final Map<String, FakeWorkspace> fakes;
        private final Map<String, String> stored = new ConcurrentHashMap<>();

        Vault(Map<String, FakeWorkspace> fakes) {
            this.fakes = fakes;
        }

        @Override
        public DatabricksWorkspace workspace(String workspaceRef) {
            FakeWorkspace fake = fakes.get(workspaceRef);
            return DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting().pat(fake.adminToken())
                    .account(fake.host(), fake.accountId()).workspaceId(fake.workspaceId()).build();
        }

        @Override
        public SecretSink sink(String sinkRef) {
            return (OAuthCredentials credentials) -> stored.put(sinkRef, "client " + credentials.clientId());
        }
    }
}
