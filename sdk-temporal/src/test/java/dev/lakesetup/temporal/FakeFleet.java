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
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.SecretVault;
import dev.lakesetup.testkit.FakeWorkspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fake workspaces (the testkit's, on 127.0.0.1) behind a {@link CredentialResolver}, one sink per workspace that
 * keeps what it received, and the blueprint every test onboards: a principal, a catalog, a grant and a secret.
 */
final class FakeFleet implements AutoCloseable, CredentialResolver {
    static final String BLUEPRINT = "analytics";
    static final String PRINCIPAL = "fleet-loader";
    static final String WAREHOUSE = "wh1";

    final Map<String, FakeWorkspace> workspaces = new LinkedHashMap<>();
    final Map<String, List<OAuthCredentials>> sinks = new LinkedHashMap<>();

    FakeFleet(int size) {
        for (int i = 1; i <= size; i++) {
            String ref = "ws-" + i;
            workspaces.put(ref, FakeWorkspace.builder().workspaceId(1000L + i)
                    .warehouse(WAREHOUSE, "Starter").build().start());
            sinks.put("vault/" + ref, new CopyOnWriteArrayList<>());
        }
    }

    /** The blueprint every target names. */
    static Blueprint blueprint(SecretSink sink) {
        return blueprint(sink, null);
    }

    /** The blueprint, its secret issued with a lifetime (the service's default when null). */
    static Blueprint blueprint(SecretSink sink, Duration lifetime) {
        ServicePrincipal loader = Principal.servicePrincipalNamed(PRINCIPAL);
        return Blueprint.builder()
                .resource(WorkspaceServicePrincipal.named(PRINCIPAL))
                .resource(Catalog.named("analytics"))
                .grant(Grant.on(Securable.catalog("analytics")).to(loader).privileges(USE_CATALOG))
                .resource(lifetime == null ? OAuthSecret.forPrincipal(loader, sink)
                        : OAuthSecret.forPrincipal(loader, sink).lifetime(lifetime))
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

    /** The application id of the loader principal of a workspace. */
    String loaderId(String ref) {
        return fake(ref).snapshot().principals().stream().filter(p -> p.displayName().equals(PRINCIPAL))
                .map(p -> p.applicationId()).findFirst().orElseThrow();
    }

    /** Lets the loader principal use the warehouse, where a rotation validates its new secret. */
    void loaderCanUseWarehouse(String ref) {
        FakeWorkspace fake = fake(ref);
        new WorkspaceClient(new DatabricksConfig().setHost(fake.host()).setToken(fake.adminToken())
                .setAuthType("pat").setDisableRetries(true)).warehouses().updatePermissions(
                new WarehousePermissionsRequest().setWarehouseId(WAREHOUSE).setAccessControlList(List.of(
                        new WarehouseAccessControlRequest().setServicePrincipalName(loaderId(ref))
                                .setPermissionLevel(WarehousePermissionLevel.CAN_USE))));
    }

    /** A vault per sink reference: keeps every secret it received and reads back the last. */
    @Override
    public SecretSink sink(String sinkRef) {
        List<OAuthCredentials> received = sinks.get(sinkRef);
        return new SecretVault() {
            @Override
            public void accept(OAuthCredentials credentials) {
                received.add(credentials);
            }

            @Override
            public Optional<OAuthCredentials> current() {
                return received.isEmpty() ? Optional.empty() : Optional.of(received.get(received.size() - 1));
            }
        };
    }

    @Override
    public void close() {
        workspaces.values().forEach(FakeWorkspace::close);
    }
}
