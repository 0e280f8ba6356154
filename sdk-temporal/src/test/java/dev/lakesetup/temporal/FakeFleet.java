package dev.lakesetup.temporal;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;

import dev.lakesetup.core.apply.CallPolicy;
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
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.testkit.FakeWorkspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fake workspaces (the testkit's, on 127.0.0.1) behind a {@link CredentialResolver}, one sink per workspace that
 * keeps what it received, and the blueprint every test onboards: a principal, a catalog, a grant and a secret.
 */
final class FakeFleet implements AutoCloseable, CredentialResolver {
    static final String BLUEPRINT = "analytics";
    static final String PRINCIPAL = "fleet-loader";

    final Map<String, FakeWorkspace> workspaces = new LinkedHashMap<>();
    final Map<String, List<OAuthCredentials>> sinks = new LinkedHashMap<>();

    FakeFleet(int size) {
        for (int i = 1; i <= size; i++) {
            String ref = "ws-" + i;
            workspaces.put(ref, FakeWorkspace.builder().workspaceId(1000L + i).build().start());
            sinks.put("vault/" + ref, new CopyOnWriteArrayList<>());
        }
    }

    /** The blueprint every target names. */
    static Blueprint blueprint(SecretSink sink) {
        ServicePrincipal loader = Principal.servicePrincipalNamed(PRINCIPAL);
        return Blueprint.builder()
                .resource(WorkspaceServicePrincipal.named(PRINCIPAL))
                .resource(Catalog.named("analytics"))
                .grant(Grant.on(Securable.catalog("analytics")).to(loader).privileges(USE_CATALOG))
                .resource(OAuthSecret.forPrincipal(loader, sink))
                .build();
    }

    List<WorkspaceTarget> targets() {
        List<WorkspaceTarget> targets = new ArrayList<>();
        workspaces.keySet().forEach(ref -> targets.add(new WorkspaceTarget(ref, BLUEPRINT, "vault/" + ref)));
        return targets;
    }

    WorkspaceTarget target(String ref) {
        return new WorkspaceTarget(ref, BLUEPRINT, "vault/" + ref);
    }

    FakeWorkspace fake(String ref) {
        return workspaces.get(ref);
    }

    /** Secrets the fake holds for the loader principal of a workspace. */
    int secretsOfLoader(String ref) {
        FakeWorkspace fake = fake(ref);
        return fake.snapshot().principals().stream().filter(p -> p.displayName().equals(PRINCIPAL))
                .mapToInt(p -> fake.snapshot().secretsPerPrincipal().getOrDefault(p.applicationId(), 0)).sum();
    }

    @Override
    public DatabricksWorkspace workspace(String workspaceRef) {
        FakeWorkspace fake = workspaces.get(workspaceRef);
        if (fake == null) {
            throw new IllegalArgumentException("no workspace " + workspaceRef);
        }
        return DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting().pat(fake.adminToken())
                .account(fake.host(), fake.accountId()).workspaceId(fake.workspaceId())
                .httpTimeout(Duration.ofSeconds(20))
                .callPolicy(CallPolicy.builder().rateLimitPerSecond(1000).build()).build();
    }

    @Override
    public SecretSink sink(String sinkRef) {
        List<OAuthCredentials> received = sinks.get(sinkRef);
        return received::add;
    }

    @Override
    public void close() {
        workspaces.values().forEach(FakeWorkspace::close);
    }
}
