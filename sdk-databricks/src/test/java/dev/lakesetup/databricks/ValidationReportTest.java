package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.render.ReportFormat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportTest {
    private static final ApplicationId SP = ApplicationId.of("fffa5b05-1da5-4599-8360-cc2684bcdefb");

    @Test
    void render_listsEachCheckUnderAHeadline() {
        ValidationReport report = new ValidationReport(SP, ValidationTransport.JDBC, List.of(
                ValidationCheck.passed("connect as " + SP, Duration.ofMillis(12), 0),
                ValidationCheck.passed("SHOW SCHEMAS IN sales", Duration.ofMillis(5), 1),
                ValidationCheck.failed("SELECT * FROM sales.raw.orders LIMIT 10", Duration.ofMillis(7),
                        "User does not have SELECT on Table 'sales.raw.orders'")));

        assertThat(report.render()).isEqualTo("""
                Validation as fffa5b05-1da5-4599-8360-cc2684bcdefb over JDBC: FAILED (2 of 3 checks passed)
                  PASSED  connect as fffa5b05-1da5-4599-8360-cc2684bcdefb (0 rows, 12 ms)
                  PASSED  SHOW SCHEMAS IN sales (1 row, 5 ms)
                  FAILED  SELECT * FROM sales.raw.orders LIMIT 10 (7 ms): User does not have SELECT on Table \
                'sales.raw.orders'""");
        assertThat(report.toString()).isEqualTo(report.render());
    }

    @Test
    void render_whenServiceMessageHoldsLineBreaksAndAnsi_keepsEachCheckOnOneLine() {
        ValidationReport report = new ValidationReport(SP, ValidationTransport.JDBC, List.of(
                ValidationCheck.failed("SHOW SCHEMAS IN sales", Duration.ofMillis(5),
                        "denied\r\u001b[2K\n  PASSED  SELECT * FROM sales.raw.orders LIMIT 10 (1 row, 1 ms)")));

        assertThat(report.render().lines()).hasSize(2).noneMatch(line -> line.startsWith("  PASSED"));
        assertThat(report.checks().get(0).message()).isEqualTo("denied\\u000d\\u001b[2K\\u000a  PASSED  SELECT * "
                + "FROM sales.raw.orders LIMIT 10 (1 row, 1 ms)");
    }

    @Test
    void renderJson_namesSchemaAndEveryCheck_andEscapesTheServiceMessage() throws Exception {
        String hostile = "no \"SELECT\" on 'sales'\n\u0001 </script> \\";
        ValidationReport report = new ValidationReport(SP, ValidationTransport.JDBC, List.of(
                ValidationCheck.passed("SHOW SCHEMAS IN sales", Duration.ofMillis(5), 1),
                ValidationCheck.failed("SELECT * FROM sales.raw.orders LIMIT 10", Duration.ofMillis(7), hostile),
                ValidationCheck.skipped("SHOW SCHEMAS IN marketing", "not run")));

        String text = report.render(ReportFormat.JSON);
        JsonNode json = new ObjectMapper().readTree(text);

        assertThat(json.get("schema").asText()).isEqualTo("lakesetup.validation-report/v1");
        assertThat(json.get("principal").asText()).isEqualTo(SP.toString());
        assertThat(json.get("transport").asText()).isEqualTo("JDBC");
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("summary").get("passed").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("failed").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("skipped").asInt()).isEqualTo(1);
        assertThat(json.get("checks").get(0).get("rows").asLong()).isEqualTo(1);
        assertThat(json.get("checks").get(1).get("message").asText()).isEqualTo(ServiceText.escape(hostile));
        assertThat(json.get("checks").get(1).get("durationMillis").asLong()).isEqualTo(7);
        assertThat(text).doesNotContain("\n\u0001");
        assertThat(report.render(ReportFormat.TEXT)).isEqualTo(report.render());
    }

    @Test
    void render_whenChecksWereAdminReads_saysWhomTheyWereAbout() {
        ValidationReport report = new ValidationReport(SP, ValidationTransport.ADMIN_API, List.of(
                ValidationCheck.passed("privileges on catalog sales include USE CATALOG", Duration.ofMillis(3), 0)));

        assertThat(report.render()).startsWith("Validation of fffa5b05-1da5-4599-8360-cc2684bcdefb over ADMIN_API: "
                + "PASSED (1 of 1 checks passed)");
    }

    @Test
    void passed_whenACheckWasSkipped_isFalse() {
        ValidationReport report = new ValidationReport(SP, ValidationTransport.STATEMENT_API, List.of(
                ValidationCheck.skipped("SHOW SCHEMAS IN sales", "not run")));

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).hasSize(1);
    }

    @Test
    void passed_whenEveryCheckPassed_isTrue() {
        ValidationReport report = new ValidationReport(SP, ValidationTransport.JDBC, List.of(
                ValidationCheck.passed("SHOW SCHEMAS IN sales", Duration.ZERO, 2)));

        assertThat(report.passed()).isTrue();
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void check_whenNameIsUnknown_namesTheKnownChecks() {
        ValidationReport report = new ValidationReport(SP, ValidationTransport.JDBC, List.of(
                ValidationCheck.passed("SHOW SCHEMAS IN sales", Duration.ZERO, 2)));

        assertThatThrownBy(() -> report.check("SHOW SCHEMAS IN nope")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SHOW SCHEMAS IN sales");
    }
}
