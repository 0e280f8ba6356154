package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.Progress;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.TableName;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.FakeWorkspaceExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

class PrincipalValidatorTest {
    /** The fake's default warehouse: its id has the hex form lakesetup validates. */
    private static final String WH = FakeWorkspaceExtension.DEFAULT_WAREHOUSE_ID;

    @RegisterExtension
    static final FakeWorkspaceExtension FAKE = FakeWorkspaceExtension.configure(b -> { });
    private static final AtomicInteger CATALOGS = new AtomicInteger();

    private final FakeWorkspace ws;
    private final WorkspaceClient admin;
    private final DatabricksWorkspace adminWorkspace;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level rootLevel;

    PrincipalValidatorTest(FakeWorkspace ws) {
        this.ws = ws;
        this.admin = new WorkspaceClient(new DatabricksConfig().setHost(ws.host()).setToken(ws.adminToken())
                .setAuthType("pat").setDisableRetries(true));
        this.adminWorkspace = DatabricksWorkspace.builder().host(ws.host()).plainHttpForTesting()
                .pat(ws.adminToken()).build();
    }

    @BeforeEach
    void captureLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        ws.faults().clear();
    }

    @AfterAll
    static void clearDriverTestMode() {
        System.clearProperty("isFakeServiceTest");
    }

    /** A catalog with one schema and a 12-row table, and a principal with read access and "Can use". */
    private record Fixture(CatalogName catalog, TableName table, FakeWorkspace.SeededPrincipal principal) {
        OAuthCredentials credentials() {
            return new OAuthCredentials(ApplicationId.of(principal.applicationId()), Secret.of(principal.secret()));
        }
    }

    private Fixture readableTable(String catalogPrefix) {
        String catalog = catalogPrefix + CATALOGS.incrementAndGet();
        String table = catalog + ".sales.orders";
        List<List<?>> rows = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            rows.add(List.of(i, "item" + i));
        }
        ws.seedTable(table, List.of("id INT", "item STRING"), rows);
        FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("validator-" + catalog);
        ws.seedGrant("catalog", catalog, sp.applicationId(), "USE CATALOG");
        ws.seedGrant("schema", catalog + ".sales", sp.applicationId(), "USE SCHEMA", "SELECT");
        admin.warehouses().updatePermissions(new WarehousePermissionsRequest().setWarehouseId(WH)
                .setAccessControlList(List.of(new WarehouseAccessControlRequest()
                        .setServicePrincipalName(sp.applicationId())
                        .setPermissionLevel(WarehousePermissionLevel.CAN_USE))));
        return new Fixture(CatalogName.of(catalog), TableName.parse(table), sp);
    }

    private PrincipalValidator.Builder validator(ValidationTransport transport, OAuthCredentials credentials) {
        return PrincipalValidator.builder().host(ws.host()).warehouseId(WH).credentials(credentials)
                .transport(transport).plainHttpForTesting();
    }

    /** Runs SHOW SCHEMAS in the fixture's catalog and the sample read of its table. */
    private ValidationReport validateReadAccess(ValidationTransport transport, Fixture fixture,
            OAuthCredentials credentials) {
        return validator(transport, credentials).showSchemasIn(fixture.catalog()).sampleTables(fixture.table())
                .build().validate();
    }

    private String capturedLogs() {
        return capturedLogs(false);
    }

    /** The captured log text; optionally without Apache HttpClient's header and wire dumps (see the README). */
    private String capturedLogs(boolean withoutHttpDumps) {
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            if (withoutHttpDumps && event.getLoggerName().startsWith("org.apache.http")) {
                continue;
            }
            out.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                out.append(event.getThrowableProxy().getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    @ParameterizedTest
    @EnumSource(value = ValidationTransport.class, names = {"JDBC", "STATEMENT_API"})
    void validate_whenPrincipalHoldsReadAccess_passesShowSchemasAndSampleRead(ValidationTransport transport) {
        Fixture fixture = readableTable("val_ok_");

        ValidationReport report = validateReadAccess(transport, fixture, fixture.credentials());

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.transport()).isEqualTo(transport);
        assertThat(report.checks()).extracting(ValidationCheck::name).containsExactly(
                "connect as " + fixture.principal().applicationId(),
                "SHOW SCHEMAS IN " + fixture.catalog().fullName(),
                "SELECT * FROM " + fixture.table().fullName() + " LIMIT 10");
        assertThat(report.check("SHOW SCHEMAS IN " + fixture.catalog().fullName()).rows()).isEqualTo(1);
        assertThat(report.check("SELECT * FROM " + fixture.table().fullName() + " LIMIT 10").rows()).isEqualTo(10);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void validate_reportsValidatingProgressAfterEachCheck_evenWhenAListenerThrows() {
        Fixture fixture = readableTable("val_progress_");
        List<String> seen = new ArrayList<>();
        ApplyListener recording = new ApplyListener() {
            @Override
            public void progress(Progress progress) {
                seen.add(progress.toString());
            }
        };
        ApplyListener throwing = new ApplyListener() {
            @Override
            public void progress(Progress progress) {
                throw new IllegalStateException("broken progress bar");
            }
        };

        ValidationReport report = validator(ValidationTransport.STATEMENT_API, fixture.credentials())
                .showSchemasIn(fixture.catalog()).sampleTables(fixture.table()).listener(recording).build()
                .validate();
        ValidationReport again = validator(ValidationTransport.STATEMENT_API, fixture.credentials())
                .showSchemasIn(fixture.catalog()).listener(throwing).build().validate();

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(seen).containsExactly("validating 0 of 3", "validating 1 of 3", "validating 2 of 3",
                "validating 3 of 3");
        assertThat(again.passed()).as(again.render()).isTrue();
        assertThat(capturedLogs()).contains("broken progress bar");
    }

    @ParameterizedTest
    @EnumSource(value = ValidationTransport.class, names = {"JDBC", "STATEMENT_API"})
    void validate_whenSelectRevoked_failsSampleReadWithTheServiceMessage(ValidationTransport transport) {
        Fixture fixture = readableTable("val_revoked_");
        admin.grants().update(new UpdatePermissions().setSecurableType("schema")
                .setFullName(fixture.table().schema().fullName()).setChanges(List.of(new PermissionsChange()
                        .setPrincipal(fixture.principal().applicationId()).setRemove(List.of(Privilege.SELECT)))));

        ValidationReport report = validateReadAccess(transport, fixture, fixture.credentials());

        assertThat(report.passed()).isFalse();
        assertThat(report.check("SHOW SCHEMAS IN " + fixture.catalog().fullName()).isPassed()).isTrue();
        assertThat(report.failures()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("SELECT * FROM " + fixture.table().fullName() + " LIMIT 10");
            assertThat(check.status()).isEqualTo(ValidationCheck.Status.FAILED);
            assertThat(check.message()).contains("SELECT on Table");
        });
        assertThat(report.render()).contains("FAILED  SELECT * FROM " + fixture.table().fullName());
    }

    @ParameterizedTest
    @EnumSource(value = ValidationTransport.class, names = {"JDBC", "STATEMENT_API"})
    void validate_whenSecretIsWrong_failsConnectAndSkipsStatements(ValidationTransport transport) {
        Fixture fixture = readableTable("val_badsecret_");
        String wrong = "wrong-" + fixture.principal().secret();
        OAuthCredentials credentials = new OAuthCredentials(fixture.credentials().clientId(), Secret.of(wrong));

        ValidationReport report = validateReadAccess(transport, fixture, credentials);

        ValidationCheck connect = report.check("connect as " + fixture.principal().applicationId());
        assertThat(connect.status()).isEqualTo(ValidationCheck.Status.FAILED);
        assertThat(connect.message()).isNotBlank().doesNotContain(wrong);
        assertThat(report.checks().subList(1, report.checks().size())).hasSize(2).allSatisfy(check ->
                assertThat(check.status()).isEqualTo(ValidationCheck.Status.SKIPPED));
        assertThat(report.toString()).doesNotContain(wrong);
        assertThat(capturedLogs()).doesNotContain(wrong);
        assertThat(ws.requests().count("POST /oidc/v1/token")).isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = ValidationTransport.class, names = {"JDBC", "STATEMENT_API"})
    void validate_whenStatementFailsWithHttp200_reportsFailedCheck(ValidationTransport transport) {
        Fixture fixture = readableTable("val_http200_");
        ws.faults().failStatement("SHOW SCHEMAS", 1, "INTERNAL_ERROR", "warehouse hiccup while listing");

        ValidationReport report = validateReadAccess(transport, fixture, fixture.credentials());

        ValidationCheck show = report.check("SHOW SCHEMAS IN " + fixture.catalog().fullName());
        assertThat(show.status()).isEqualTo(ValidationCheck.Status.FAILED);
        assertThat(show.message()).contains("warehouse hiccup while listing");
        assertThat(report.check("SELECT * FROM " + fixture.table().fullName() + " LIMIT 10").isPassed()).isTrue();
        assertThat(report.passed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ValidationTransport.class, names = {"JDBC", "STATEMENT_API"})
    void validate_whenRunSucceeds_neverShowsTheSecretInReportOrLogs(ValidationTransport transport) {
        Fixture fixture = readableTable("val_secret_");

        ValidationReport report = validateReadAccess(transport, fixture, fixture.credentials());

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(logs.list).isNotEmpty();
        assertThat(capturedLogs()).doesNotContain(fixture.principal().secret());
        assertThat(report.toString()).doesNotContain(fixture.principal().secret());
        assertThat(report.render()).doesNotContain(fixture.principal().secret());
        String basic = Base64.getEncoder().encodeToString((fixture.principal().applicationId() + ":"
                + fixture.principal().secret()).getBytes(StandardCharsets.UTF_8));
        assertThat(capturedLogs(true)).doesNotContain(basic);
    }

    @Test
    void validate_overJdbcAfterASessionWhoseUrlWasRefused_stillTurnsTheDriversTestSwitchOnAndOff() {
        Fixture fixture = readableTable("val_refused_url_");
        System.clearProperty("isFakeServiceTest");
        // a secret with ';' cannot go into a JDBC URL: the session fails before it turns the test switch on
        OAuthCredentials unusable = new OAuthCredentials(ApplicationId.of(fixture.principal().applicationId()),
                Secret.of("has;a-separator"));

        ValidationReport refused = validateReadAccess(ValidationTransport.JDBC, fixture, unusable);
        ValidationReport report = validateReadAccess(ValidationTransport.JDBC, fixture, fixture.credentials());

        assertThat(refused.passed()).isFalse();
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(System.getProperty("isFakeServiceTest")).as("restored after the session closed").isNull();
    }

    @Test
    void validate_overTheStatementApiAtDebug_logsNoAccessTokenOfThePrincipal() {
        Fixture fixture = readableTable("val_token_");
        List<String> before = List.copyOf(ws.issuedTokens());

        ValidationReport report = validateReadAccess(ValidationTransport.STATEMENT_API, fixture,
                fixture.credentials());

        assertThat(report.passed()).as(report.render()).isTrue();
        List<String> issued = new ArrayList<>(ws.issuedTokens());
        issued.removeAll(before);
        assertThat(issued).isNotEmpty();
        String logged = capturedLogs();
        for (String token : issued) {
            assertThat(logged).doesNotContain(token);
            // the JWT's header is the same for every token; its claims and signature are not
            Arrays.stream(token.split("\\.")).skip(1).forEach(part -> assertThat(logged).doesNotContain(part));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ValidationTransport.class, names = {"JDBC", "STATEMENT_API"})
    void validate_whenNamesContainBackticks_quotesThemAndReadsTheRightTable(ValidationTransport transport) {
        Fixture fixture = readableTable("val`tick_");

        ValidationReport report = validateReadAccess(transport, fixture, fixture.credentials());

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.check("SELECT * FROM " + fixture.table().fullName() + " LIMIT 10").rows()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(value = ValidationTransport.class, names = {"JDBC", "STATEMENT_API"})
    void validate_whenStatementsStayPendingForAWhile_waitsForTheResult(ValidationTransport transport) {
        Fixture fixture = readableTable("val_pending_");
        ws.faults().statementsPendingFor(2);

        ValidationReport report = validator(transport, fixture.credentials())
                .sampleTables(fixture.table()).build().validate();

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.check("SELECT * FROM " + fixture.table().fullName() + " LIMIT 10").rows()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(value = ValidationTransport.class, names = {"JDBC", "STATEMENT_API"})
    void validate_withoutCanUseOnTheWarehouse_failsWithTheServiceMessage(ValidationTransport transport) {
        String catalog = "val_nowh_" + CATALOGS.incrementAndGet();
        ws.seedTable(catalog + ".s.t", List.of("id INT"), List.of(List.of(1)));
        FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("validator-" + catalog);
        ws.seedGrant("catalog", catalog, sp.applicationId(), "USE CATALOG", "USE SCHEMA", "SELECT");
        OAuthCredentials credentials = new OAuthCredentials(ApplicationId.of(sp.applicationId()),
                Secret.of(sp.secret()));

        ValidationReport report = validator(transport, credentials).showSchemasIn(CatalogName.of(catalog))
                .build().validate();

        assertThat(report.passed()).isFalse();
        assertThat(report.failures().get(0).message()).contains("CAN_USE");
    }

    @Test
    void validate_overJdbcInTestMode_leavesTheDriversJvmWideTestSwitchAsItFoundIt() {
        Fixture fixture = readableTable("val_switch_");
        System.clearProperty("isFakeServiceTest");

        ValidationReport report = validateReadAccess(ValidationTransport.JDBC, fixture, fixture.credentials());

        assertThat(report.passed()).isTrue();
        assertThat(System.getProperty("isFakeServiceTest")).isNull();
    }

    @Test
    void validate_withExpectedPrivileges_checksEffectivePrivilegesAsAdmin() {
        Fixture fixture = readableTable("val_effective_");

        ValidationReport report = validator(ValidationTransport.STATEMENT_API, fixture.credentials())
                .adminWorkspace(adminWorkspace)
                .expectPrivileges(fixture.catalog(), dev.lakesetup.core.model.Privilege.USE_CATALOG)
                .expectPrivileges(fixture.table(), dev.lakesetup.core.model.Privilege.SELECT,
                        dev.lakesetup.core.model.Privilege.MODIFY)
                .build().validate();

        assertThat(report.check("privileges on catalog " + fixture.catalog().fullName() + " include USE CATALOG")
                .isPassed()).isTrue();
        assertThat(report.failures()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("privileges on table " + fixture.table().fullName()
                    + " include SELECT, MODIFY");
            assertThat(check.message()).contains("lacks MODIFY").contains("holds SELECT");
        });
        assertThat(ws.requests().count("GET /api/2.1/unity-catalog/effective-permissions/{type}/{name}"))
                .isPositive();
    }

    @Test
    void addValidationChecks_ofDataGraphSetup_showsSchemasInEveryReadableCatalogAndReadsItsTables() {
        Fixture fixture = readableTable("val_dg_");
        String bookkeeping = fixture.catalog().fullName() + "_bk";
        ws.seedCatalog(bookkeeping).seedSchema(bookkeeping + ".checkpoints");
        ws.seedGrant("catalog", bookkeeping, fixture.principal().applicationId(), "USE CATALOG", "USE SCHEMA");
        DataGraphSetup setup = DataGraphSetup.builder()
                .existingServicePrincipal(ApplicationId.of(fixture.principal().applicationId()))
                .warehouse(WH).bookkeepingCatalog(bookkeeping).profilesSyncCatalog(fixture.catalog().fullName())
                .validateWithTables(fixture.table().fullName()).build();

        ValidationReport report = setup.addValidationChecks(validator(ValidationTransport.JDBC,
                fixture.credentials())).build().validate();

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.checks()).extracting(ValidationCheck::name).containsExactly(
                "connect as " + fixture.principal().applicationId(),
                "SHOW SCHEMAS IN " + bookkeeping,
                "SHOW SCHEMAS IN " + fixture.catalog().fullName(),
                "SELECT * FROM " + fixture.table().fullName() + " LIMIT 10");
    }
}
