package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.databricks.sdk.AccountClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.oauth2.FederationPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.testkit.FakeOidcIssuer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** Data Graph with a federated credential, end to end: no secret, a federation policy, validation by exchange. */
class FederatedRecipeTest extends OnFakeWorkspace {
    private static final String NAME = "segment-data-graph";
    private static final String SUBJECT = "repo:segment/data-graph:environment:prod";
    private static final String AUDIENCE = "https://github.com/segment";

    private FakeOidcIssuer idp;
    private final List<String> minted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startIssuer() {
        idp = FakeOidcIssuer.start();
        f.fake.seedTable("segment_profiles.profiles.identities", List.of("id INT"), List.of(List.of(1)));
    }

    @AfterEach
    void stopIssuer() {
        idp.close();
    }

    private Secret token(FakeOidcIssuer issuer) {
        String jwt = issuer.mint(SUBJECT, AUDIENCE);
        minted.add(jwt);
        return Secret.of(jwt);
    }

    private DataGraphSetup.Builder recipe(FakeOidcIssuer tokens) {
        return DataGraphSetup.builder().servicePrincipalNamed(NAME).warehouse(FakeFixture.WAREHOUSE)
                .profilesSyncCatalog("segment_profiles")
                .validateWithTables("segment_profiles.profiles.identities")
                .federatedCredential(FederatedCredential.of(idp.issuer(), SUBJECT).audiences(AUDIENCE)
                        .validationToken(() -> token(tokens)));
    }

    private SetupResult run(DataGraphSetup setup, ValidationTransport transport) {
        return setup.run(f.lakesetup(f.workspace.restExecutor()), f.workspace, RunOptions.defaults()
                .withValidator(v -> v.plainHttpForTesting().transport(transport)));
    }

    private List<FederationPolicy> policiesOf(String applicationId) {
        AccountClient account = new AccountClient(new DatabricksConfig().setHost(f.fake.host())
                .setAccountId(f.fake.accountId()).setToken(f.fake.adminToken()).setAuthType("pat")
                .setDisableRetries(true));
        String id = f.fake.snapshot().principals().stream().filter(p -> p.applicationId().equals(applicationId))
                .findFirst().orElseThrow().id();
        return StreamSupport.stream(account.servicePrincipalFederationPolicy().list(Long.parseLong(id))
                .spliterator(), false).toList();
    }

    @ParameterizedTest
    @EnumSource(value = ValidationTransport.class, names = {"JDBC", "STATEMENT_API"})
    void run_withFederatedCredential_declaresAPolicyIssuesNoSecretAndValidatesByTokenExchange(
            ValidationTransport transport) {
        SetupResult result = run(recipe(idp).build(), transport);

        String sp = RecipeTestRuns.appId(f.fake.snapshot(), NAME);
        assertThat(result.plan().changes()).extracting(Change::kind)
                .contains("federation_policy").doesNotContain("oauth_secret");
        assertThat(f.fake.snapshot().secretsPerPrincipal()).containsEntry(sp, 0);
        assertThat(policiesOf(sp)).singleElement().satisfies(p -> {
            assertThat(p.getOidcPolicy().getIssuer()).isEqualTo(idp.issuer());
            assertThat(p.getOidcPolicy().getSubject()).isEqualTo(SUBJECT);
            assertThat(p.getOidcPolicy().getAudiences()).containsExactly(AUDIENCE);
        });
        ValidationReport validation = result.validation().orElseThrow();
        assertThat(validation.passed()).as(validation.render()).isTrue();
        assertThat(validation.transport()).isEqualTo(transport);
        assertThat(validation.checks()).extracting(ValidationCheck::name).contains("connect as " + sp,
                "SELECT * FROM segment_profiles.profiles.identities LIMIT 10");
        assertThat(result.confirmationPlan()).hasValueSatisfying(plan -> assertThat(plan.isEmpty()).isTrue());
        assertThat(result.connectionDetails().oauthSecret()).isEmpty();
        assertThat(result.connectionDetails().oauthClientId())
                .hasValueSatisfying(id -> assertThat(id.toString()).isEqualTo(sp));
        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(minted).hasSize(1);
    }

    @Test
    void run_withATokenFromAnotherIssuer_failsTheConnectCheckSayingWhy() {
        try (FakeOidcIssuer other = FakeOidcIssuer.start()) {
            SetupResult result = run(recipe(other).build(), ValidationTransport.STATEMENT_API);

            ValidationReport validation = result.validation().orElseThrow();
            assertThat(validation.passed()).isFalse();
            assertThat(validation.checks().get(0)).satisfies(check -> {
                assertThat(check.status()).isEqualTo(ValidationCheck.Status.FAILED);
                assertThat(check.message()).contains("token exchange as").contains("was refused (HTTP 400)")
                        .contains("invalid_request").contains("issuer " + other.issuer());
            });
            assertThat(validation.checks().subList(1, validation.checks().size()))
                    .allSatisfy(check -> assertThat(check.status()).isEqualTo(ValidationCheck.Status.SKIPPED));
            assertThat(result.succeeded()).isFalse();
            assertThat(result.toString() + validation.render()).doesNotContain(minted.get(0));
        }
    }

    @Test
    void run_withoutAValidationTokenSource_reportsValidationSkipped() {
        DataGraphSetup setup = DataGraphSetup.builder().servicePrincipalNamed(NAME).warehouse(FakeFixture.WAREHOUSE)
                .profilesSyncCatalog("segment_profiles")
                .federatedCredential(FederatedCredential.of(idp.issuer(), SUBJECT)).build();

        SetupResult result = run(setup, ValidationTransport.STATEMENT_API);

        assertThat(result.applyReport().isSuccess()).isTrue();
        assertThat(result.validation().orElseThrow().checks()).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(ValidationCheck.Status.SKIPPED);
            assertThat(check.message()).contains("FederatedCredential.validationToken(source)");
        });
    }

    @Test
    void run_withDebugLogging_logsNoTokenAndPlansShowNone() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.DEBUG);
        try {
            DataGraphSetup setup = recipe(idp).build();
            Plan plan = setup.plan(f.lakesetup(f.workspace.restExecutor()), f.workspace);
            SetupResult result = run(setup, ValidationTransport.JDBC);

            assertThat(result.succeeded()).as(result.toString()).isTrue();
            List<String> secrets = new java.util.ArrayList<>(minted);
            secrets.addAll(f.fake.issuedTokens());
            assertThat(secrets).isNotEmpty();
            String shown = setup.toString() + PlanFormat.TEXT.render(plan) + PlanFormat.JSON.render(plan)
                    + result + result.validation().orElseThrow().render() + plan.savedJson();
            for (ILoggingEvent event : logs.list) {
                if (event.getLoggerName().startsWith("org.apache.http")) {
                    continue; // Apache HttpClient's own header log (the JDBC driver's); see the module documentation
                }
                shown += event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            for (String secret : secrets) {
                assertThat(shown).doesNotContain(secret);
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
    }

    @Test
    void build_refusesSecretSettingsWithAFederatedCredentialAndAPlainHttpIssuer() {
        FederatedCredential credential = FederatedCredential.of(idp.issuer(), SUBJECT)
                .validationToken(() -> Secret.of("x"));
        assertThat(credential.toString()).contains(Secret.MASK).contains(SUBJECT);
        assertThatThrownBy(() -> recipe(idp).secretSink(c -> { }).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("secret sink");
        assertThatThrownBy(() -> ProfilesSyncSetup.builder().servicePrincipalNamed(NAME)
                .warehouse(FakeFixture.WAREHOUSE).catalog("profiles").federatedCredential(credential)
                .validateWith(new OAuthCredentials(dev.lakesetup.core.model.ApplicationId.of(
                        "11111111-1111-4111-8111-111111111111"), Secret.of("s"))).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("token exchange");
        assertThatThrownBy(() -> FederatedCredential.of("http://idp.example.com", SUBJECT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> FederatedCredential.of("https://idp.example.com", " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("federation subject");
    }

    @Test
    void profilesSync_withFederatedCredential_declaresThePolicyInsteadOfASecret() {
        ProfilesSyncSetup setup = ProfilesSyncSetup.builder().servicePrincipalNamed(NAME)
                .warehouse(FakeFixture.WAREHOUSE).catalog("profiles")
                .federatedCredential(FederatedCredential.of(idp.issuer(), SUBJECT)).build();

        assertThat(setup.blueprint().resources()).extracting(r -> r.id().kind())
                .contains("federation_policy").doesNotContain("oauth_secret");
        assertThat(setup.blueprint().resources()).filteredOn(r -> r instanceof dev.lakesetup.core.model.FederationPolicy)
                .singleElement().satisfies(r -> assertThat(r.requires()).contains(
                        dev.lakesetup.core.model.WorkspaceServicePrincipal.idOf(setup.principal())));
    }
}
