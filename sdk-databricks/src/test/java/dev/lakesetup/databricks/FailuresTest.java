package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.DatabricksException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.databricks.internal.Failures;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The classification of SDK and driver exceptions that a fake cannot easily produce. */
class FailuresTest {

    static Stream<Arguments> sdkErrors() {
        return Stream.of(
                Arguments.of("retries exhausted, typed cause", new DatabricksException(
                        "Request GET /api/2.1/unity-catalog/catalogs failed after 4 retries",
                        new DatabricksError("REQUEST_LIMIT_EXCEEDED", "slow down", 429)), Failure.THROTTLED),
                Arguments.of("retries exhausted, no typed cause", new DatabricksException(
                        "Request GET /x failed after 4 retries", new IOException("reset")), Failure.TRANSIENT),
                Arguments.of("SCIM conflict", new DatabricksError("SCIM_409", "already exists", 409),
                        Failure.ALREADY_EXISTS),
                Arguments.of("catalog exists", new DatabricksError("CATALOG_ALREADY_EXISTS", "exists", 409),
                        Failure.ALREADY_EXISTS),
                Arguments.of("schema exists", new DatabricksError("SCHEMA_ALREADY_EXISTS", "exists", 409),
                        Failure.ALREADY_EXISTS),
                Arguments.of("connection refused", new DatabricksError("IO_ERROR", "Connection refused", 523),
                        Failure.TRANSIENT),
                Arguments.of("principal not in workspace", new DatabricksError("INVALID_PARAMETER_VALUE",
                        "Principal 123 is not in workspace", 400), Failure.NOT_YET_VISIBLE),
                Arguments.of("unauthenticated", new DatabricksError("UNAUTHENTICATED", "bad token", 401),
                        Failure.FATAL),
                Arguments.of("bad name", new IllegalArgumentException("Illegal character in path"), Failure.FATAL),
                Arguments.of("deserialisation", new DatabricksException("Unable to initialize"), Failure.FATAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdkErrors")
    void fromSdk_classifiesFailure(String name, RuntimeException error, Failure expected) {
        ServiceException e = (ServiceException) Failures.fromSdk("call", error);

        assertThat(e.failure()).isEqualTo(expected);
        assertThat(e.getCause()).isSameAs(error);
    }

    static Stream<Arguments> sqlErrors() {
        return Stream.of(
                Arguments.of(new SQLException("Error code: BAD_REQUEST [PRINCIPAL_DOES_NOT_EXIST] x"),
                        Failure.NOT_YET_VISIBLE),
                Arguments.of(new SQLException("[SCHEMA_ALREADY_EXISTS] Schema exists"), Failure.ALREADY_EXISTS),
                Arguments.of(new SQLTransientConnectionException("socket closed"), Failure.TRANSIENT),
                Arguments.of(new SQLException("connect failed", "08001"), Failure.TRANSIENT),
                Arguments.of(new SQLException("HTTP status: 429 Too Many Requests"), Failure.THROTTLED),
                Arguments.of(new SQLException("[INSUFFICIENT_PERMISSIONS] denied"), Failure.FATAL));
    }

    @ParameterizedTest
    @MethodSource("sqlErrors")
    void fromSql_classifiesFailure(SQLException error, Failure expected) {
        assertThat(Failures.fromSql("statement", error).failure()).isEqualTo(expected);
    }

    @Test
    void fromSdk_whenBodyIsNotADatabricksError_doesNotRepeatTheStatus() {
        assertThat(Failures.fromSdk("get x", new DatabricksError("", "Status: 404", 404)).getMessage())
                .isEqualTo("get x failed: 404 no Databricks error in the answer");
        assertThat(Failures.fromSdk("get x", new DatabricksError("", "", 404)).getMessage())
                .isEqualTo("get x failed: 404 no Databricks error in the answer");
        assertThat(Failures.fromSdk("get x", new DatabricksError("NOT_FOUND", "Catalog 'x' does not exist.", 404))
                .getMessage()).isEqualTo("get x failed: 404 NOT_FOUND: Catalog 'x' does not exist.");
    }
}
