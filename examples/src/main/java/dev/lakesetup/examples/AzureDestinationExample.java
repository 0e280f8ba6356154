package dev.lakesetup.examples;

import com.azure.core.credential.AccessToken;
import dev.lakesetup.azure.AzureConnection;
import dev.lakesetup.azure.AzureDeltaLakeDestinationSetup;
import dev.lakesetup.azure.DestinationSetupResult;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.testkit.FakeAzure;
import dev.lakesetup.testkit.FakeWorkspace;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Runs the Azure Delta Lake destination setup. Without credentials it runs offline against an in-process fake
 * workspace and fake Azure: it prints the plan, the progress, the report, the connection details and the empty
 * second plan. With {@code DATABRICKS_HOST} (credentials as the Databricks SDKs' unified authentication finds them:
 * {@code DATABRICKS_TOKEN}, {@code DATABRICKS_CLIENT_ID} and {@code DATABRICKS_CLIENT_SECRET}, the Azure CLI, ...),
 * {@code DATABRICKS_ACCOUNT_ID}, {@code AZURE_TENANT_ID} and {@code AZURE_SUBSCRIPTION_ID} set it works on the real
 * services, planning only unless {@code --apply} is given. The storage settings come from
 * {@code LAKESETUP_STORAGE_ACCOUNT}, {@code LAKESETUP_RESOURCE_GROUP}, {@code LAKESETUP_CONTAINER} and
 * {@code LAKESETUP_ACCESS_CONNECTOR_ID}; see {@link #recipe(Map)} for the optional ones.
 */
public final class AzureDestinationExample {
    private static final String OFFLINE_ACCOUNT = "lakeacct";
    private static final String OFFLINE_RESOURCE_GROUP = "rg-data";
    private static final String OFFLINE_CONNECTOR = "/subscriptions/00000000-0000-0000-0000-000000000001/"
            + "resourceGroups/rg-data/providers/Microsoft.Databricks/accessConnectors/lake-connector";

    private AzureDestinationExample() {
    }

    /**
     * Runs offline, or against the real services when the environment names them.
     *
     * @param args {@code --apply} to change real services (offline runs always apply)
     */
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if (env.containsKey("DATABRICKS_HOST") && env.containsKey("AZURE_TENANT_ID")
                && env.containsKey("AZURE_SUBSCRIPTION_ID")) {
            runLive(env, Arrays.asList(args).contains("--apply"), System.out);
        } else {
            runOffline(System.out);
        }
    }

    /**
     * Declares the procedure from settings (the environment in {@link #main}).
     *
     * @param settings {@code LAKESETUP_STORAGE_ACCOUNT}, {@code LAKESETUP_RESOURCE_GROUP},
     *     {@code LAKESETUP_CONTAINER}, {@code LAKESETUP_ACCESS_CONNECTOR_ID} (required); {@code LAKESETUP_VENDOR_APP_ID}
     *     (the guide's application by default), {@code LAKESETUP_CREDENTIAL}, {@code LAKESETUP_LOCATION},
     *     {@code LAKESETUP_CATALOG}
     * @return the recipe
     */
    public static AzureDeltaLakeDestinationSetup recipe(Map<String, String> settings) {
        return AzureDeltaLakeDestinationSetup.builder()
                .vendorApplication(settings.getOrDefault("LAKESETUP_VENDOR_APP_ID",
                        AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID))
                .storageContainer(required(settings, "LAKESETUP_STORAGE_ACCOUNT"),
                        required(settings, "LAKESETUP_RESOURCE_GROUP"), required(settings, "LAKESETUP_CONTAINER"))
                .storageCredential(settings.getOrDefault("LAKESETUP_CREDENTIAL", "segment_credential"))
                .accessConnector(required(settings, "LAKESETUP_ACCESS_CONNECTOR_ID"))
                .externalLocation(settings.getOrDefault("LAKESETUP_LOCATION", "segment_location"))
                .catalog(settings.getOrDefault("LAKESETUP_CATALOG", "segment"))
                .build();
    }

    /**
     * Runs the whole procedure twice against in-process fakes, printing what happens.
     *
     * @param out where to print
     * @return the first run's result
     */
    public static DestinationSetupResult runOffline(PrintStream out) {
        AzureDeltaLakeDestinationSetup setup = recipe(Map.of("LAKESETUP_STORAGE_ACCOUNT", OFFLINE_ACCOUNT,
                "LAKESETUP_RESOURCE_GROUP", OFFLINE_RESOURCE_GROUP, "LAKESETUP_CONTAINER", "segment",
                "LAKESETUP_ACCESS_CONNECTOR_ID", OFFLINE_CONNECTOR));
        try (FakeWorkspace databricks = FakeWorkspace.builder().build().start();
             FakeAzure azure = FakeAzure.builder().application(AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID,
                     AzureDeltaLakeDestinationSetup.DEFAULT_DISPLAY_NAME)
                     .storageAccount(OFFLINE_ACCOUNT, OFFLINE_RESOURCE_GROUP).build().start()) {
            DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(databricks.host()).plainHttpForTesting()
                    .pat(databricks.adminToken()).account(databricks.host(), databricks.accountId())
                    .workspaceId(databricks.workspaceId()).build();
            try (AzureConnection connection = AzureConnection.builder().tenantId(azure.tenantId())
                    .subscriptionId(azure.subscriptionId())
                    .credential(request -> Mono.just(new AccessToken(azure.accessToken(),
                            OffsetDateTime.now().plusHours(1))))
                    .resourceManagerEndpoint(azure.resourceManagerEndpoint()).graphEndpoint(azure.graphEndpoint())
                    .storageEndpoint(azure::storageEndpoint)
                    .storageSharedKey(OFFLINE_ACCOUNT, Secret.of(azure.storageAccountKey(OFFLINE_ACCOUNT))).build()) {
                out.println("Offline run against an in-process fake workspace and fake Azure.");
                Lakesetup lakesetup = lakesetup(connection, workspace, out);
                out.println("== Plan");
                out.println(PlanFormat.TEXT.render(setup.plan(lakesetup, workspace)));
                out.println("== Apply");
                DestinationSetupResult result = setup.run(lakesetup, workspace);
                print(result, out);
                Plan second = setup.plan(lakesetup, workspace);
                out.println("Second plan (" + (second.isEmpty() ? "empty" : "NOT empty") + "):");
                out.println(PlanFormat.TEXT.render(second));
                return result;
            }
        }
    }

    private static void runLive(Map<String, String> env, boolean apply, PrintStream out) {
        AzureDeltaLakeDestinationSetup setup = recipe(env);
        // host and credentials as the Databricks SDKs find them (token, OAuth M2M, profile, Azure CLI, ...)
        DatabricksWorkspace.Builder ws = DatabricksWorkspace.fromEnvironment()
                .account(env.getOrDefault("DATABRICKS_ACCOUNT_HOST", "https://accounts.azuredatabricks.net"),
                        required(env, "DATABRICKS_ACCOUNT_ID"));
        if (env.containsKey("DATABRICKS_WORKSPACE_ID")) {
            ws.workspaceId(Long.parseLong(env.get("DATABRICKS_WORKSPACE_ID")));
        }
        DatabricksWorkspace workspace = ws.build();
        try (AzureConnection connection = AzureConnection.builder().tenantId(env.get("AZURE_TENANT_ID"))
                .subscriptionId(env.get("AZURE_SUBSCRIPTION_ID")).build()) {
            Lakesetup lakesetup = lakesetup(connection, workspace, out);
            out.println(setup);
            if (!apply) {
                out.println(PlanFormat.TEXT.render(setup.plan(lakesetup, workspace)));
                out.println("Plan only; run with --apply to make these changes.");
                return;
            }
            DestinationSetupResult result = setup.run(lakesetup, workspace);
            out.println(PlanFormat.TEXT.render(result.plan()));
            print(result, out);
        }
    }

    private static Lakesetup lakesetup(AzureConnection connection, DatabricksWorkspace workspace, PrintStream out) {
        return Lakesetup.builder().executor(connection.executor()).executor(workspace.restExecutor())
                .listener(new ConsoleProgress(out)).build();
    }

    private static void print(DestinationSetupResult result, PrintStream out) {
        out.println("Report: " + result.report());
        result.validation().ifPresent(validation -> out.println(validation.render()));
        out.println("Workspace URL: " + result.workspaceUrl());
        out.println("Connection details: " + result.connectionDetails());
        out.println(result.isSuccess() ? "Setup complete." : "Setup INCOMPLETE: see the report.");
    }

    private static String required(Map<String, String> settings, String name) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("set " + name);
        }
        return value;
    }
}
