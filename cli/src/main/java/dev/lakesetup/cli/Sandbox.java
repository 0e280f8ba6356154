package dev.lakesetup.cli;

import com.azure.core.credential.AccessToken;
import dev.lakesetup.azure.AdlsContainer;
import dev.lakesetup.azure.AzureConnection;
import dev.lakesetup.azure.AzureDeltaLakeDestinationSetup;
import dev.lakesetup.azure.EntraServicePrincipal;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.setup.WorkspaceSetup;
import dev.lakesetup.testkit.FakeAzure;
import dev.lakesetup.testkit.FakeWorkspace;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * An in-process fake workspace (and fake Azure), on 127.0.0.1, for {@code --sandbox}: it starts with what the file
 * refers to without declaring (see {@link SandboxSeed}), lives for one command, and is closed with it.
 */
final class Sandbox implements AutoCloseable {
    /** The warehouse a sandbox always has, for files that name none. */
    static final String WAREHOUSE = "5a4b3c2d1e0f9a8b";
    /** The host a setup file's {@code ${DATABRICKS_HOST}} stands for in a sandbox (the fake's own is used). */
    static final String HOST = "https://sandbox.lakesetup.invalid";

    private final FakeWorkspace workspace;
    private final FakeAzure azure;
    private final List<AdlsContainer> containers;
    private final String warehouse;

    private Sandbox(FakeWorkspace workspace, FakeAzure azure, List<AdlsContainer> containers, String warehouse) {
        this.workspace = workspace;
        this.azure = azure;
        this.containers = containers;
        this.warehouse = warehouse;
    }

    /**
     * Starts the fakes for a workspace's setup, with the tables its recipe validates with; fake Azure only when the
     * setup has Azure pieces.
     */
    static Sandbox start(WorkspaceSetup setup, List<String> tables) {
        Blueprint blueprint = setup.blueprint();
        SandboxSeed seed = SandboxSeed.of(blueprint);
        String warehouse = setup.warehouse().orElse(WAREHOUSE);
        FakeWorkspace.Builder builder = FakeWorkspace.builder().warehouse(warehouse, "Sandbox Warehouse");
        seed.warehouses().stream().filter(id -> !id.equals(warehouse))
                .forEach(id -> builder.warehouse(id, "Warehouse " + id));
        FakeWorkspace workspace = builder.build().start();
        try {
            seed.into(workspace);
            tables.forEach(table -> workspace.seedTable(table, List.of("id BIGINT"), List.of(List.of(1))));
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
        List<AdlsContainer> containers = new ArrayList<>();
        for (Resource resource : blueprint.resources()) {
            if (resource instanceof AdlsContainer container) {
                containers.add(container);
            }
        }
        FakeAzure azure = setup.needsAzure() ? startAzure(blueprint, containers) : null;
        return new Sandbox(workspace, azure, containers, warehouse);
    }

    private static FakeAzure startAzure(Blueprint blueprint, List<AdlsContainer> containers) {
        FakeAzure.Builder builder = FakeAzure.builder().application(
                AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID, AzureDeltaLakeDestinationSetup.DEFAULT_DISPLAY_NAME);
        for (Resource resource : blueprint.resources()) {
            if (resource instanceof EntraServicePrincipal principal) {
                builder.application(principal.applicationId().toString(), principal.displayName());
            }
        }
        containers.forEach(container -> builder.storageAccount(container.storageAccount(), container.resourceGroup()));
        return builder.build().start();
    }

    /** The fake workspace's host, for messages. */
    String host() {
        return workspace.host();
    }

    /** Signs in to the fake workspace as its admin, with the account the Azure recipes need. */
    DatabricksWorkspace databricks(CallPolicy policy) {
        return DatabricksWorkspace.builder().host(workspace.host()).plainHttpForTesting()
                .pat(workspace.adminToken()).account(workspace.host(), workspace.accountId())
                .workspaceId(workspace.workspaceId()).warehouseId(warehouse).callPolicy(policy).build();
    }

    /** Connects to fake Azure, or returns null when this sandbox has none. */
    AzureConnection azure(CallPolicy policy) {
        if (azure == null) {
            return null;
        }
        AzureConnection.Builder builder = AzureConnection.builder().tenantId(azure.tenantId())
                .subscriptionId(azure.subscriptionId()).callPolicy(policy)
                .credential(request -> Mono.just(new AccessToken(azure.accessToken(),
                        OffsetDateTime.now().plusHours(1))))
                .resourceManagerEndpoint(azure.resourceManagerEndpoint()).graphEndpoint(azure.graphEndpoint())
                .storageEndpoint(azure::storageEndpoint);
        containers.stream().map(AdlsContainer::storageAccount).distinct().forEach(account ->
                builder.storageSharedKey(account, Secret.of(azure.storageAccountKey(account))));
        return builder.build();
    }

    @Override
    public void close() {
        workspace.close();
        if (azure != null) {
            azure.close();
        }
    }
}
