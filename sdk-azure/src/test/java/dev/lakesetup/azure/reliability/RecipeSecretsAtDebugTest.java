package dev.lakesetup.azure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lakesetup.azure.AzureDeltaLakeDestinationSetup;
import dev.lakesetup.azure.DestinationFixture;
import dev.lakesetup.azure.DestinationSetupResult;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.core.render.ReportFormat;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.testing.DebugLogCapture;
import dev.lakesetup.databricks.DataGraphSetup;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.PrincipalValidator;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.SetupResult;
import dev.lakesetup.databricks.ValidationReport;
import dev.lakesetup.databricks.ValidationTransport;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.FaultResponse;
import dev.lakesetup.testkit.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Both recipes run end to end with every logger at DEBUG (root, Apache HttpClient, the Databricks SDK, the Azure
 * SDK at its most verbose, Reactor, Netty, lakesetup): the Data Graph procedure with an OAuth machine-to-machine admin,
 * validated over JDBC and over the Statement Execution API, and the Azure destination with a storage credential
 * on an Azure service principal and its client secret. No secret reaches a log event (message, arguments, MDC,
 * throwable), a result, report, validation report, connection details or plan in any format.
 *
 * <p>The scan of a log event mirrors the one of {@code SecretsAtDebugTest} in sdk-databricks, whose test classes
 * this module cannot see.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecipeSecretsAtDebugTest {
    private static final String WAREHOUSE = "wh1";
    private static final String STORAGE_CLIENT_SECRET = "storage-sp-client-secret-93b1c7d2e5";
    private static final List<String> LOGGERS = List.of("org.apache.http",
            "org.apache.http.headers", "org.apache.http.wire", "com.databricks", "com.azure", "reactor", "io.netty",
            "dev.lakesetup");
    private static final List<String> AZURE_SDK_SETTINGS = List.of("AZURE_LOG_LEVEL", "AZURE_HTTP_LOG_DETAIL_LEVEL");

    private DebugLogCapture logs;
    private final List<String> surfaces = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void everyLoggerAtDebug() {
        logs = DebugLogCapture.atDebug(LOGGERS);
        // the Azure SDK's own switches, read from system properties: the most verbose settings
        System.setProperty("AZURE_LOG_LEVEL", "verbose");
        System.setProperty("AZURE_HTTP_LOG_DETAIL_LEVEL", "body_and_headers");
    }

    @AfterEach
    void restore() {
        logs.close();
        AZURE_SDK_SETTINGS.forEach(System::clearProperty);
        System.clearProperty("isFakeServiceTest");
    }

    @Test
    void run_bothRecipesAtDebug_leakNoSecretAnywhere() {
        runDataGraph();
        runAzureDestination();

        List<ILoggingEvent> events = logs.events();
        assertThat(events).as("events at DEBUG").hasSizeGreaterThan(50);
        assertThat(events).as("the Azure SDK's HTTP log lines are captured").anyMatch(e -> e.getLoggerName()
                .startsWith("com.azure") && e.getFormattedMessage().contains("HTTP request"));
        assertThat(events).as("lakesetup's debug lines are captured").anyMatch(e -> e.getLoggerName()
                .startsWith("dev.lakesetup") && e.getLevel() == Level.DEBUG);
        events.forEach(event -> surfaces.add(DebugLogCapture.describe(event)));
        assertThat(secrets).doesNotContain("").hasSizeGreaterThan(10);
        for (String surface : surfaces) {
            for (String secret : secrets) {
                assertThat(surface).as("a log event, result, report, plan or toString").doesNotContain(secret);
            }
        }
    }

    /** Data Graph with an OAuth admin, a throttled token endpoint, validation over JDBC and the statement API. */
    private void runDataGraph() {
        // the fake issues secrets on the engine's clock, which judges their expiry
        VirtualClock time = new VirtualClock();
        try (FakeWorkspace fake = FakeWorkspace.builder().warehouse(WAREHOUSE, "Starter").clock(time).build()
                .start()) {
            List<String> columns = List.of("id INT", "name STRING");
            fake.seedTable("segment_profiles.profiles.identities", columns, List.of(List.of(1, "a")))
                    .seedTable("marketing.campaigns.sends", columns, List.of(List.of(2, "b")));
            FakeWorkspace.SeededPrincipal admin = fake.seedAdminServicePrincipal("lakesetup-admin");
            fake.faults().on("POST", "/oidc/v1/token").times(1).respond(FaultResponse.status(429).retryAfter("2"));
            fake.faults().on("POST", "/api/2\\.0/accounts/servicePrincipals/.*/credentials/secrets").times(1)
                    .respond(FaultResponse.status(503));
            DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting().warehouseId(WAREHOUSE)
                    .oauthM2m(admin.applicationId(), admin.secret()).httpTimeout(Duration.ofSeconds(20))
                    .callPolicy(CallPolicy.builder().rateLimitPerSecond(1000).build()).build();
            List<OAuthCredentials> vault = new ArrayList<>();
            DataGraphSetup setup = DataGraphSetup.builder().servicePrincipalNamed("segment-data-graph")
                    .warehouse(WAREHOUSE).profilesSyncCatalog("segment_profiles").readOnlyCatalogs("marketing")
                    .validateWithTables("segment_profiles.profiles.identities").secretSink(vault::add).build();
            Lakesetup lakesetup = lakesetup(time, workspace.restExecutor());

            Plan plan = setup.plan(lakesetup, workspace);
            SetupResult result = setup.run(lakesetup, workspace, RunOptions.defaults()
                    .withValidator(PrincipalValidator.Builder::plainHttpForTesting));
            ValidationReport overStatementApi = setup.addValidationChecks(PrincipalValidator.builder()
                    .host(workspace.host()).warehouseId(WAREHOUSE).credentials(vault.get(0)))
                    .transport(ValidationTransport.STATEMENT_API).plainHttpForTesting().build().validate();

            assertThat(result.succeeded()).as(result.toString()).isTrue();
            ValidationReport overJdbc = result.validation().orElseThrow();
            assertThat(overJdbc.transport()).isEqualTo(ValidationTransport.JDBC);
            assertThat(overStatementApi.passed()).as(overStatementApi.render()).isTrue();
            OAuthCredentials issued = vault.get(0);
            secrets.addAll(List.of(fake.adminToken(), admin.secret(), basic(admin.applicationId(), admin.secret()),
                    issued.secret().reveal(), basic(issued.clientId().toString(), issued.secret().reveal())));
            addTokens(fake);
            addPlans(plan, result.plan());
            result.confirmationPlan().ifPresent(this::addPlans);
            addReport(result.applyReport());
            surfaces.addAll(List.of(result.toString(), result.connectionDetails().toString(), overJdbc.toString(),
                    overJdbc.render(), overJdbc.render(ReportFormat.JSON), overStatementApi.toString(),
                    overStatementApi.render(), overStatementApi.render(ReportFormat.JSON), setup.toString(),
                    workspace.toString(), issued.toString(), lakesetup.toString()));
        }
    }

    /** The Azure destination with a service-principal storage credential, through a failed create. */
    private void runAzureDestination() {
        try (DestinationFixture f = DestinationFixture.start()) {
            f.databricks.faults().on("POST", "/api/2\\.1/unity-catalog/storage-credentials").times(1)
                    .respond(FaultResponse.status(500).message("storage credential could not be validated"));
            AzureDeltaLakeDestinationSetup setup = AzureDeltaLakeDestinationSetup.builder()
                    .vendorApplication(AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID)
                    .storageContainer(DestinationFixture.ACCOUNT, DestinationFixture.RESOURCE_GROUP, "segment")
                    .storageCredential("segment_credential")
                    .credentialServicePrincipal(f.azure.tenantId(), "22222222-2222-4222-8222-222222222222",
                            Secret.of(STORAGE_CLIENT_SECRET))
                    .externalLocation("segment_location").catalog("segment").build();
            Lakesetup lakesetup = lakesetup(new VirtualClock(), f.connection.executor(), f.workspace.restExecutor());

            Plan plan = setup.plan(lakesetup, f.workspace);
            DestinationSetupResult result = setup.run(lakesetup, f.workspace);
            ValidationReport withAzure = setup.validate(f.workspace, f.connection);

            assertThat(result.isSuccess()).as(result.toString()).isTrue();
            assertThat(withAzure.passed()).as(withAzure.render()).isTrue();
            secrets.addAll(List.of(STORAGE_CLIENT_SECRET, f.databricks.adminToken(), f.azure.accessToken(),
                    f.azure.storageAccountKey(DestinationFixture.ACCOUNT)));
            addTokens(f.databricks);
            addPlans(plan, result.plan());
            result.replan().ifPresent(this::addPlans);
            addReport(result.report());
            ValidationReport validation = result.validation().orElseThrow();
            surfaces.addAll(List.of(result.toString(), result.connectionDetails().toString(), validation.toString(),
                    validation.render(), validation.render(ReportFormat.JSON), withAzure.toString(),
                    withAzure.render(), withAzure.render(ReportFormat.JSON), setup.toString(),
                    setup.blueprint().toString(), f.connection.toString(), f.workspace.toString(),
                    lakesetup.toString()));
        }
    }

    private static Lakesetup lakesetup(Executor... executors) {
        return lakesetup(new VirtualClock(), executors);
    }

    private static Lakesetup lakesetup(VirtualClock time, Executor... executors) {
        Lakesetup.Builder builder = Lakesetup.builder().concurrency(4)
                .retryPolicy(RetryPolicy.defaults()).clock(time).sleeper(time::sleep);
        Arrays.stream(executors).forEach(builder::executor);
        return builder.build();
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Every access token the fake issued, and each part of it after the header. */
    private void addTokens(FakeWorkspace fake) {
        for (String token : fake.issuedTokens()) {
            secrets.add(token);
            Arrays.stream(token.split("\\.")).skip(1).filter(part -> part.length() > 8).forEach(secrets::add);
        }
    }

    private void addPlans(Plan... plans) {
        for (Plan plan : plans) {
            for (PlanFormat format : PlanFormat.values()) {
                surfaces.add(format.render(plan));
            }
            surfaces.add(plan.toString());
            surfaces.add(plan.savedJson());
        }
    }

    private void addReport(ApplyReport report) {
        surfaces.add(report.toString());
        for (ReportFormat format : ReportFormat.values()) {
            surfaces.add(format.render(report));
        }
        report.outcomes().forEach(outcome -> surfaces.add(outcome + " " + outcome.reason()));
    }

}
