package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.testkit.FakeAzure;
import dev.lakesetup.testkit.FaultResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * No bearer token, client secret or storage key reaches a log line (of lakesetup or of the Azure libraries, with every
 * logger at DEBUG), an exception message or a {@code toString()}.
 */
class SecretsTest {

    private static final String APP_ID = "0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b";
    private static final String TOKEN = "bearer-token-do-not-log-7f3a9c";
    private static final String CLIENT_SECRET = "client-secret-do-not-log-41d2e8";
    private static final List<String> SDK_SETTINGS = List.of("AZURE_LOG_LEVEL", "AZURE_HTTP_LOG_DETAIL_LEVEL");

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger azureSdk = (Logger) LoggerFactory.getLogger("com.azure");
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level rootBefore;
    private Level azureBefore;
    private FakeAzure azure;
    private String sharedKey;
    private AzureConnection connection;
    private EntraServicePrincipal sp;
    private AdlsContainer container;
    private Blueprint blueprint;

    @BeforeEach
    void start() {
        rootBefore = root.getLevel();
        azureBefore = azureSdk.getLevel();
        root.setLevel(Level.DEBUG);
        azureSdk.setLevel(Level.DEBUG);
        // the Azure SDK's own switches (read from system properties, then the environment): most verbose settings
        System.setProperty("AZURE_LOG_LEVEL", "verbose");
        System.setProperty("AZURE_HTTP_LOG_DETAIL_LEVEL", "body_and_headers");
        logs.start();
        root.addAppender(logs);

        azure = FakeAzure.builder().accessToken(TOKEN).application(APP_ID, "vendor-app")
                .storageAccount("lake", "rg-data").build().start();
        sharedKey = azure.storageAccountKey("lake");
        TokenCredential credential = request -> Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
        connection = AzureConnection.builder().tenantId(azure.tenantId()).subscriptionId(azure.subscriptionId())
                .credential(credential).resourceManagerEndpoint(azure.resourceManagerEndpoint())
                .graphEndpoint(azure.graphEndpoint()).storageEndpoint(azure::storageEndpoint)
                .storageSharedKey("lake", Secret.of(sharedKey)).build();
        sp = EntraServicePrincipal.of(ApplicationId.of(APP_ID), "vendor-app");
        container = new AdlsContainer("lake", "rg-data", "landing");
        blueprint = Blueprint.builder().resource(sp).resource(container).resource(RoleAssignment.on(container, sp))
                .build();
    }

    @AfterEach
    void stop() {
        azure.close();
        root.detachAppender(logs);
        root.setLevel(rootBefore);
        azureSdk.setLevel(azureBefore);
        SDK_SETTINGS.forEach(System::clearProperty);
    }

    private Lakesetup lakesetup() {
        return Lakesetup.builder().executor(connection.executor()).sleeper(d -> { }).build();
    }

    @Test
    void apply_whenCreatingWithDebugLogging_logsNoSecret() {
        Lakesetup lakesetup = lakesetup();

        ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint));

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(azure.snapshot().roleAssignments()).hasSize(1);
        assertNoSecretLogged();
        assertThat(report.toString()).doesNotContain(TOKEN).doesNotContain(sharedKey);
    }

    @Test
    void apply_whenAllAppearedAfterPlanWithDebugLogging_adoptsAndLogsNoSecret() {
        Lakesetup lakesetup = lakesetup();
        Plan plan = lakesetup.plan(blueprint);
        String oid = azure.seedServicePrincipal(APP_ID, "vendor-app");
        azure.seedContainer("lake", "landing");
        String scope = azure.containerScope("lake", "landing");
        azure.seedRoleAssignment(scope, oid, FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(azure.snapshot().servicePrincipals()).hasSize(1);
        assertThat(azure.snapshot().roleAssignments()).hasSize(1);
        assertNoSecretLogged();
    }

    @Test
    void applyDirect_whenCallsFailWithDebugLogging_exceptionsAndLogsCarryNoSecret() {
        azure.seedServicePrincipal(APP_ID, "vendor-app");
        azure.faults().authorizationFailed(".*", Integer.MAX_VALUE);
        azure.faults().on("PUT", ".*/landing").respond(FaultResponse.status(403));
        AzureExecutor executor = connection.executor();

        ServiceException assign = catchThrowableOfType(ServiceException.class,
                () -> DirectCalls.create(executor, RoleAssignment.on(container, sp)));
        ServiceException create = catchThrowableOfType(ServiceException.class,
                () -> DirectCalls.create(executor, container));

        assertThat(assign.status()).isEqualTo(403);
        assertThat(create.status()).isEqualTo(403);
        for (ServiceException e : List.of(assign, create)) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN).doesNotContain(sharedKey);
                assertThat(t.toString()).doesNotContain(TOKEN).doesNotContain(sharedKey);
            }
        }
        assertNoSecretLogged();
    }

    @Test
    void toString_ofConnectionAndExecutor_showsNoSecret() {
        AzureConnection withSecret = AzureConnection.builder().tenantId(azure.tenantId())
                .subscriptionId(azure.subscriptionId()).clientSecret(APP_ID, Secret.of(CLIENT_SECRET))
                .storageSharedKey("lake", Secret.of(sharedKey)).build();

        for (Object o : List.of(connection, connection.executor(), withSecret, withSecret.executor())) {
            assertThat(o.toString()).doesNotContain(TOKEN).doesNotContain(CLIENT_SECRET).doesNotContain(sharedKey)
                    .contains(azure.tenantId());
        }
    }

    private void assertNoSecretLogged() {
        root.detachAppender(logs);
        List<ILoggingEvent> events;
        synchronized (logs) { // AppenderBase.doAppend holds this lock; library threads may still be logging
            events = new ArrayList<>(logs.list);
        }
        assertThat(events).as("log events captured at DEBUG").isNotEmpty();
        assertThat(events).as("the Azure SDK's HTTP log lines are captured")
                .anyMatch(e -> e.getLoggerName().startsWith("com.azure")
                        && e.getFormattedMessage().contains("HTTP request"));
        for (ILoggingEvent event : events) {
            String text = event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(text).as(event.getLoggerName()).doesNotContain(TOKEN).doesNotContain(CLIENT_SECRET)
                    .doesNotContain(sharedKey);
        }
    }
}
