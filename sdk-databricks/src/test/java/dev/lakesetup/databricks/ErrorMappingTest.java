package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.testkit.FaultResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error class of the services maps to the failure kind the applier expects (faults injected in the fake). */
class ErrorMappingTest {
    private static final String PATCH = "PATCH";
    private static final String PERMISSIONS = "/api/2.1/unity-catalog/permissions/.*";
    private static FakeFixture f;

    @BeforeAll
    static void start() {
        f = FakeFixture.start();
        f.fake.seedCatalog("sales");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void clearFaults() {
        f.fake.faults().clear();
    }

    private static GrantChange grantToAnalysts() {
        Securable sales = Securable.catalog("sales");
        return new GrantChange(GrantChange.idOf(Action.GRANT, sales), Action.GRANT, sales,
                List.of(PrincipalPrivileges.of(Principal.group("analysts"), Set.of(USE_CATALOG))), Set.of());
    }

    private static ServiceException failureOf(Executor executor, Change change) {
        return catchThrowableOfType(ServiceException.class, () -> TestDispatch.apply(executor, change, f.context()));
    }

    static Stream<Arguments> restFaults() {
        return Stream.of(
                Arguments.of("429 with Retry-After", FaultResponse.status(429).retryAfter("7")
                        .errorCode("REQUEST_LIMIT_EXCEEDED"), Failure.THROTTLED, 429),
                Arguments.of("400 token bucket", FaultResponse.status(400).errorCode("INVALID_STATE")
                        .message("RPC token bucket limit has been exceeded"), Failure.THROTTLED, 400),
                Arguments.of("503 unavailable", FaultResponse.status(503).errorCode("TEMPORARILY_UNAVAILABLE"),
                        Failure.TRANSIENT, 503),
                Arguments.of("502 HTML page", FaultResponse.status(502).htmlBody(), Failure.TRANSIENT, 502),
                Arguments.of("504 deadline", FaultResponse.status(504).errorCode("DEADLINE_EXCEEDED"),
                        Failure.TRANSIENT, 504),
                Arguments.of("500 internal", FaultResponse.status(500).errorCode("INTERNAL_ERROR"),
                        Failure.TRANSIENT, 500),
                Arguments.of("403 denied", FaultResponse.status(403).errorCode("PERMISSION_DENIED"),
                        Failure.FATAL, 403),
                Arguments.of("400 invalid", FaultResponse.status(400).errorCode("INVALID_PARAMETER_VALUE"),
                        Failure.FATAL, 400),
                Arguments.of("404 principal", FaultResponse.status(404).errorCode("PRINCIPAL_DOES_NOT_EXIST")
                        .message("Could not find principal with name x"), Failure.NOT_YET_VISIBLE, 404),
                Arguments.of("409 conflict", FaultResponse.status(409).errorCode("RESOURCE_CONFLICT"),
                        Failure.ALREADY_EXISTS, 409));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restFaults")
    void apply_whenRestCallFails_classifiesFailure(String name, FaultResponse fault, Failure expected, int status) {
        f.fake.faults().on(PATCH, PERMISSIONS).times(1).respond(fault);

        ServiceException e = failureOf(f.workspace.restExecutor(), grantToAnalysts());

        assertThat(e).as(name).isNotNull();
        assertThat(e.failure()).as(name).isEqualTo(expected);
        assertThat(e.status()).isEqualTo(status);
    }

    @Test
    void apply_whenThrottled_reportsRetryAfterAndMakesOneAttempt() {
        f.fake.faults().on(PATCH, PERMISSIONS).times(1)
                .respond(FaultResponse.status(429).retryAfter("7").errorCode("REQUEST_LIMIT_EXCEEDED"));
        f.fake.resetRequests();

        ServiceException e = failureOf(f.workspace.restExecutor(), grantToAnalysts());

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(f.fake.requests().count(FakeFixture.PERMISSIONS_PATCH)).isEqualTo(1);
    }

    @Test
    void apply_whenConnectionReset_isTransientAfterOneAttempt() {
        f.fake.faults().on(PATCH, PERMISSIONS).times(1).respond(FaultResponse.connectionReset());
        f.fake.resetRequests();

        ServiceException e = failureOf(f.workspace.restExecutor(), grantToAnalysts());

        assertThat(e.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(f.fake.requests().count(FakeFixture.PERMISSIONS_PATCH)).isEqualTo(1);
    }

    @Test
    void apply_whenPrincipalJustCreatedIsInvisible_isNotYetVisible() {
        f.fake.faults().principalInvisible("analysts", 1);

        ServiceException e = failureOf(f.workspace.restExecutor(), grantToAnalysts());

        assertThat(e.failure()).isEqualTo(Failure.NOT_YET_VISIBLE);
        assertThat(TestDispatch.apply(f.workspace.restExecutor(), grantToAnalysts(), f.context())).isNotNull();
    }

    @Test
    void apply_whenCatalogExists_isAlreadyExists() {
        ResourceChange create = ResourceChange.create(Catalog.named("sales"), Set.of());

        ServiceException e = failureOf(f.workspace.restExecutor(), create);

        assertThat(e.failure()).isEqualTo(Failure.ALREADY_EXISTS);
        assertThat(e.status()).isEqualTo(409);
    }

    static Stream<Arguments> failedStatements() {
        return Stream.of(
                Arguments.of("principal not visible", "BAD_REQUEST",
                        "[PRINCIPAL_DOES_NOT_EXIST] Could not find principal with name analysts.",
                        Failure.NOT_YET_VISIBLE),
                Arguments.of("syntax", "BAD_REQUEST", "[PARSE_SYNTAX_ERROR] Syntax error at or near 'GRANT'.",
                        Failure.FATAL),
                Arguments.of("denied", "PERMISSION_DENIED", "[INSUFFICIENT_PERMISSIONS] User does not have MANAGE.",
                        Failure.FATAL),
                Arguments.of("throttled", "BAD_REQUEST", "[REQUEST_LIMIT_EXCEEDED] Too many requests.",
                        Failure.THROTTLED),
                Arguments.of("unavailable", "INTERNAL_ERROR", "[TEMPORARILY_UNAVAILABLE] Try again later.",
                        Failure.TRANSIENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedStatements")
    void apply_whenStatementFailsWithHttp200_classifiesFailure(String name, String code, String message,
            Failure expected) {
        f.fake.faults().failStatement("^GRANT", 1, code, message);

        ServiceException e = failureOf(f.sqlExecutor(), grantToAnalysts());

        assertThat(e).as(name).isNotNull();
        assertThat(e.failure()).as(name + ": " + e.getMessage()).isEqualTo(expected);
    }

    @Test
    void apply_whenStatementFailsWithHttp200_keepsTheServicesMessageAndCode() {
        f.fake.faults().failStatement("^GRANT", 1, "BAD_REQUEST",
                "[INSUFFICIENT_PERMISSIONS] User does not have MANAGE on Catalog 'sales'.\u0007 SQLSTATE: 42501");

        ServiceException e = failureOf(f.sqlExecutor(), grantToAnalysts());

        assertThat(e.getMessage()).contains("BAD_REQUEST")
                .contains("[INSUFFICIENT_PERMISSIONS] User does not have MANAGE on Catalog 'sales'.\\u0007 SQLSTATE")
                .doesNotContain("\u0007");
        assertThat(e.errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(e.failure()).isEqualTo(Failure.FATAL);
    }

    @Test
    void readGrants_whenStatementApiStatementFails_keepsTheServicesMessageAndCode() {
        f.fake.faults().failStatement("catalog_privileges", 1, "BAD_REQUEST",
                "[INSUFFICIENT_PERMISSIONS] User does not have USE CATALOG on Catalog 'sales'.");

        ServiceException e = catchThrowableOfType(ServiceException.class, () -> TestDispatch.readGrants(f.workspace.restExecutor(), List.of(Securable.catalog("sales")), f.context()));

        assertThat(e.getMessage()).contains("BAD_REQUEST").contains("User does not have USE CATALOG");
        assertThat(e.errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
    }

    @Test
    void apply_whenCatalogExistsThroughSql_isAlreadyExists() {
        f.fake.faults().failStatement("^CREATE CATALOG", 1, "ALREADY_EXISTS",
                "[CATALOG_ALREADY_EXISTS] Catalog 'sales' already exists.");

        ServiceException e = failureOf(f.sqlExecutor(), ResourceChange.create(Catalog.named("sales"), Set.of()));

        assertThat(e.failure()).isEqualTo(Failure.ALREADY_EXISTS);
    }

    static Stream<Arguments> sqlHttpFaults() {
        return Stream.of(
                Arguments.of(FaultResponse.status(400).errorCode("INVALID_PARAMETER_VALUE"), Failure.FATAL),
                Arguments.of(FaultResponse.status(403).errorCode("PERMISSION_DENIED"), Failure.FATAL));
    }

    @ParameterizedTest
    @MethodSource("sqlHttpFaults")
    void apply_whenStatementCallFailsWithHttpError_classifiesFailure(FaultResponse fault, Failure expected) {
        f.fake.faults().on("POST", "/api/2.0/sql/statements/?").times(1).respond(fault);

        ServiceException e = failureOf(f.sqlExecutor(), grantToAnalysts());

        assertThat(e).isNotNull();
        assertThat(e.failure()).as(e.getMessage()).isEqualTo(expected);
    }

    /**
     * Documents a limit: the JDBC driver's embedded SDK retries a 503 on the statement call by itself (even with
     * {@code TemporarilyUnavailableRetry=0}), so one injected 503 does not reach lakesetup.
     */
    @Test
    void apply_whenStatementCallIs503Once_driverRetriesItself() {
        f.fake.faults().on("POST", "/api/2.0/sql/statements/?").times(1)
                .respond(FaultResponse.status(503).errorCode("TEMPORARILY_UNAVAILABLE"));
        f.fake.resetRequests();

        TestDispatch.apply(f.sqlExecutor(), grantToAnalysts(), f.context());

        assertThat(f.fake.requests().count("POST /api/2.0/sql/statements/")).isEqualTo(2);
    }
}
