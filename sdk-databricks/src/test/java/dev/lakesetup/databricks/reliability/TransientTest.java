package dev.lakesetup.databricks.reliability;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.testkit.FaultResponse;
import dev.lakesetup.testkit.FaultRule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Temporary failures (503, 502 with an HTML page, 504, connection resets) on reads and writes are retried to the
 * declared end state, with the attempts in the report; a create whose answer was lost is reconciled by reading,
 * and an OAuth secret whose value was lost is never issued a second time silently.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransientTest {
    private static final String SECRETS = "/api/2\\.0/accounts/servicePrincipals/.*/credentials/secrets";

    private static Blueprint catalogWithGrant() {
        return Blueprint.builder()
                .resource(Catalog.named("sales").comment("orders"))
                .resource(Schema.named("sales", "raw"))
                .grant(Grant.on(Securable.catalog("sales")).to(Principal.group("analysts"))
                        .privileges(USE_CATALOG, SELECT))
                .build();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("503 on a read", "GET", Rig.CATALOGS + "/sales", FaultResponse.status(503)),
                Arguments.of("503 on a write", "POST", Rig.CATALOGS, FaultResponse.status(503)),
                Arguments.of("502 HTML on a read", "GET", Rig.CATALOGS + "/sales", FaultResponse.status(502).htmlBody()),
                Arguments.of("502 HTML on a write", "POST", Rig.CATALOGS, FaultResponse.status(502).htmlBody()),
                Arguments.of("504 on a read", "GET", Rig.PERMISSIONS, FaultResponse.status(504)),
                Arguments.of("504 on a write", "PATCH", Rig.PERMISSIONS, FaultResponse.status(504)),
                Arguments.of("reset on a read", "GET", Rig.CATALOGS + "/sales", FaultResponse.connectionReset()),
                Arguments.of("reset on a write", "POST", "/api/2\\.1/unity-catalog/schemas",
                        FaultResponse.connectionReset()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void apply_whenTransientFailureTwice_reachesDeclaredStateAndCountsAttempts(String name, String method,
            String path, FaultResponse fault) {
        try (Rig rig = Rig.withPat()) {
            FaultRule rule = rig.fake.faults().on(method, path).times(2).respond(fault);

            ApplyReport report = rig.apply(catalogWithGrant());

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rig.fake.snapshot().catalogs()).contains("sales");
            assertThat(rig.fake.snapshot().schemas()).contains("sales.raw");
            assertThat(rig.fake.snapshot().grantsOn("catalog", "sales").get("analysts"))
                    .containsExactlyInAnyOrder("USE_CATALOG", "SELECT");
            assertThat(rule.hits()).isEqualTo(2);
            if (!method.equals("GET")) {
                assertThat(report.outcomes()).anySatisfy(o -> assertThat(o.attempts()).isEqualTo(3));
                assertThat(rig.time.waits()).hasSize(2);
            }
            assertThat(rig.lakesetup().plan(catalogWithGrant()).isEmpty()).isTrue();
        }
    }

    @Test
    void apply_whenCatalogCreatedButAnswerLost_readsItBackInsteadOfCreatingAgain() {
        try (Rig rig = Rig.withPat()) {
            rig.fake.faults().on("POST", Rig.CATALOGS).times(1).respond(FaultResponse.resetAfterApplying());

            ApplyReport report = rig.apply(catalogWithGrant());

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            ChangeOutcome catalog = Rig.outcomeOf(report, "catalog sales");
            assertThat(catalog.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(catalog.reason()).contains("answer was lost");
            assertThat(rig.fake.requests().count("POST /api/2.1/unity-catalog/catalogs")).isEqualTo(1);
            assertThat(rig.fake.snapshot().schemas()).contains("sales.raw");
        }
    }

    @Test
    void apply_whenServicePrincipalCreatedButAnswerLost_adoptsItAndGrantsToIt() {
        try (Rig rig = Rig.withPat()) {
            rig.fake.faults().on("POST", "/api/2\\.0/preview/scim/v2/ServicePrincipals").times(1)
                    .respond(FaultResponse.resetAfterApplying());
            ServicePrincipal sp = Principal.servicePrincipalNamed("loader");
            Blueprint blueprint = Blueprint.builder().resource(WorkspaceServicePrincipal.named("loader"))
                    .resource(Catalog.named("sales"))
                    .grant(Grant.on(Securable.catalog("sales")).to(sp).privileges(USE_CATALOG)).build();

            ApplyReport report = rig.apply(blueprint);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rig.fake.snapshot().principals()).filteredOn(p -> p.displayName().equals("loader")).hasSize(1);
            String appId = rig.fake.snapshot().principals().stream().filter(p -> p.displayName().equals("loader"))
                    .findFirst().orElseThrow().applicationId();
            assertThat(rig.fake.snapshot().grantsOn("catalog", "sales")).containsKey(appId);
        }
    }

    @Test
    void apply_whenOAuthSecretCreatedButAnswerLost_createsNoSecondSecretAndSaysToRotate() {
        try (Rig rig = Rig.withPat()) {
            ServicePrincipal sp = seededPrincipalWithoutSecret(rig);
            rig.fake.faults().on("POST", SECRETS).times(1).respond(FaultResponse.resetAfterApplying());
            List<OAuthCredentials> sink = new ArrayList<>();

            ApplyReport report = rig.apply(Blueprint.builder().resource(OAuthSecret.forPrincipal(sp, sink::add)).build());

            String appId = sp.applicationId().orElseThrow().toString();
            assertThat(rig.fake.snapshot().secretsPerPrincipal().get(appId)).isEqualTo(1);
            assertThat(rig.fake.requests().count("POST /api/2.0/accounts/servicePrincipals/{id}/credentials/secrets"))
                    .isEqualTo(1);
            assertThat(sink).isEmpty();
            ChangeOutcome secret = report.failures().get(0);
            assertThat(secret.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(secret.reason()).contains("did not create a second secret").contains("Rotate")
                    .contains(appId);
            assertThat(report.isSuccess()).isFalse();
        }
    }

    @Test
    void apply_whenOAuthSecretRequestResetBeforeReachingService_retriesAndHandsOverOneSecret() {
        try (Rig rig = Rig.withPat()) {
            ServicePrincipal sp = seededPrincipalWithoutSecret(rig);
            rig.fake.faults().on("POST", SECRETS).times(1).respond(FaultResponse.connectionReset());
            List<OAuthCredentials> sink = new ArrayList<>();

            ApplyReport report = rig.apply(Blueprint.builder().resource(OAuthSecret.forPrincipal(sp, sink::add)).build());

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(sink).hasSize(1);
            assertThat(rig.fake.snapshot().secretsPerPrincipal().get(sp.applicationId().orElseThrow().toString()))
                    .isEqualTo(1);
        }
    }

    /** A service principal created through SCIM, with no OAuth secret yet. */
    private static ServicePrincipal seededPrincipalWithoutSecret(Rig rig) {
        ApplyReport created = rig.apply(Blueprint.builder().resource(WorkspaceServicePrincipal.named("loader")).build());
        assertThat(created.isSuccess()).as(created.toString()).isTrue();
        String appId = rig.fake.snapshot().principals().stream().filter(p -> p.displayName().equals("loader"))
                .findFirst().orElseThrow().applicationId();
        rig.fake.resetRequests();
        return Principal.servicePrincipal(ApplicationId.of(appId));
    }
}
