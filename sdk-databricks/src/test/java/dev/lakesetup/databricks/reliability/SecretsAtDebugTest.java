package dev.lakesetup.databricks.reliability;

import static dev.lakesetup.core.model.Privilege.CREATE_EXTERNAL_LOCATION;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.core.testing.DebugLogCapture;
import dev.lakesetup.testkit.FaultResponse;
import java.nio.charset.StandardCharsets;
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
 * With every logger at DEBUG (root, Apache HttpClient's header and wire loggers, the Databricks SDK, lakesetup), an
 * apply with OAuth machine-to-machine admin credentials that issues an OAuth secret and registers a storage
 * credential with a client secret, through throttling and a failed call, leaves no secret anywhere: not in a log
 * line, its arguments, MDC or throwable, not in the report, the plan in any format, or a {@code toString()}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SecretsAtDebugTest {
    private static final String STORAGE_SECRET = "storage-client-secret-5f2c9a7e41";
    private static final List<String> LOGGERS = List.of("org.apache.http",
            "org.apache.http.headers", "org.apache.http.wire", "com.databricks", "dev.lakesetup");

    private DebugLogCapture logs;

    @BeforeEach
    void everyLoggerAtDebug() {
        logs = DebugLogCapture.atDebug(LOGGERS);
    }

    @AfterEach
    void restoreLevels() {
        logs.close();
    }

    @Test
    void apply_withOAuthAdminAtDebug_leaksNoSecretAnywhere() {
        try (Rig rig = Rig.withOAuth()) {
            rig.fake.faults().on("POST", "/oidc/v1/token").times(1).respond(FaultResponse.status(429).retryAfter("2"));
            rig.fake.faults().on("POST", "/api/2\\.0/accounts/servicePrincipals/.*/credentials/secrets").times(1)
                    .respond(FaultResponse.status(503));
            rig.fake.faults().on("POST", "/api/2\\.1/unity-catalog/storage-credentials").times(1)
                    .respond(FaultResponse.status(500).message("storage credential could not be validated"));
            List<OAuthCredentials> sink = new ArrayList<>();
            ServicePrincipal loader = Principal.servicePrincipalNamed("loader");
            Blueprint blueprint = Blueprint.builder()
                    .resource(WorkspaceServicePrincipal.named("loader"))
                    .resource(OAuthSecret.forPrincipal(loader, sink::add))
                    .resource(StorageCredential.named("lake_sp", new StorageIdentity.AzureServicePrincipal(
                            "11111111-1111-4111-8111-111111111111",
                            ApplicationId.of("22222222-2222-4222-8222-222222222222"), Secret.of(STORAGE_SECRET))))
                    .resource(Catalog.named("sales"))
                    .grant(Grant.on(Securable.catalog("sales")).to(loader).privileges(USE_CATALOG))
                    .grant(Grant.on(Securable.storageCredential("lake_sp")).to(loader)
                            .privileges(CREATE_EXTERNAL_LOCATION))
                    .build();
            Lakesetup lakesetup = rig.lakesetup();

            Plan plan = lakesetup.plan(blueprint);
            ApplyReport report = lakesetup.apply(plan);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(sink).hasSize(1);
            List<String> secrets = secrets(rig, sink.get(0));
            List<String> surfaces = new ArrayList<>();
            surfaces.add(report.toString());
            report.outcomes().forEach(o -> surfaces.add(o.toString() + o.reason()));
            for (PlanFormat format : PlanFormat.values()) {
                surfaces.add(format.render(plan));
            }
            surfaces.add(plan.toString());
            surfaces.add(rig.workspace.toString());
            surfaces.add(rig.workspace.restExecutor().toString());
            surfaces.add(lakesetup.toString());
            surfaces.add(sink.get(0).toString());
            surfaces.add(blueprint.toString());
            List<ILoggingEvent> events = logs.events();
            assertThat(events).hasSizeGreaterThan(20);
            for (ILoggingEvent event : events) {
                surfaces.add(DebugLogCapture.describe(event));
            }
            for (String surface : surfaces) {
                for (String secret : secrets) {
                    assertThat(surface).as("a log line, report, plan or toString").doesNotContain(secret);
                }
            }
        }
    }

    /** Every secret of the run: credentials, the admin's Basic header value, each issued token and its parts. */
    private static List<String> secrets(Rig rig, OAuthCredentials issued) {
        List<String> out = new ArrayList<>(List.of(STORAGE_SECRET, rig.admin.secret(), rig.fake.adminToken(),
                issued.secret().reveal(), Base64.getEncoder().encodeToString((rig.admin.applicationId() + ":"
                        + rig.admin.secret()).getBytes(StandardCharsets.UTF_8))));
        assertThat(rig.fake.issuedTokens()).isNotEmpty();
        for (String token : rig.fake.issuedTokens()) {
            out.add(token);
            Arrays.stream(token.split("\\.")).skip(1).forEach(out::add);
        }
        return out;
    }

}
