package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrincipalValidatorBuilderTest {
    private static final String SECRET = "dose-do-not-print";
    private static final OAuthCredentials CREDENTIALS = new OAuthCredentials(
            ApplicationId.of("fffa5b05-1da5-4599-8360-cc2684bcdefb"), Secret.of(SECRET));

    private static PrincipalValidator.Builder complete() {
        return PrincipalValidator.builder().host("adb-1.2.azuredatabricks.net").warehouseId("abc123")
                .credentials(CREDENTIALS);
    }

    @Test
    void transport_whenAdminApi_refusesItAndPointsToAdminChecks() {
        assertThatThrownBy(() -> complete().transport(ValidationTransport.ADMIN_API))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("AdminChecks");
    }

    @Test
    void build_whenWarehouseIsMissing_namesTheField() {
        assertThatThrownBy(() -> PrincipalValidator.builder().host("https://h").credentials(CREDENTIALS).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("warehouse id");
    }

    @Test
    void build_whenCredentialsAreMissing_namesTheField() {
        assertThatThrownBy(() -> PrincipalValidator.builder().host("https://h").warehouseId("w").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("credentials");
    }

    @Test
    void build_whenHostIsPlainHttpWithoutTestMode_refusesIt() {
        assertThatThrownBy(() -> complete().host("http://127.0.0.1:8080").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("plainHttpForTesting()");
    }

    @Test
    void build_whenPrivilegesAreExpectedWithoutAdminClient_refusesIt() {
        assertThatThrownBy(() -> complete().expectPrivileges(CatalogName.of("sales"), Privilege.USE_CATALOG).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("adminWorkspace");
    }

    @Test
    void statementTimeout_whenNotPositive_isRejected() {
        assertThatThrownBy(() -> complete().statementTimeout(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("statement timeout");
    }

    @Test
    void toString_showsTheTargetButNoSecret() {
        PrincipalValidator validator = complete().showSchemasIn(CatalogName.of("sales")).build();

        assertThat(validator.toString()).contains("https://adb-1.2.azuredatabricks.net")
                .contains("fffa5b05-1da5-4599-8360-cc2684bcdefb").doesNotContain(SECRET);
    }

    @Test
    void toBuilder_derivesAValidatorWithAnotherTransport() {
        PrincipalValidator jdbc = complete().build();

        PrincipalValidator api = jdbc.toBuilder().transport(ValidationTransport.STATEMENT_API).build();

        assertThat(api.toString()).contains("STATEMENT_API");
        assertThat(jdbc.toString()).contains("JDBC");
    }
}
