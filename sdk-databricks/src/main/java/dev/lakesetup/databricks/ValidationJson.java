package dev.lakesetup.databricks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.exception.LakesetupException;
import java.util.Locale;

/**
 * Renders a validation report as the versioned JSON document of {@code docs/report-json.md}; Jackson escapes every
 * string, so a service's message cannot break the document.
 */
final class ValidationJson {
    /** The schema of a validation report; the version changes only for incompatible changes. */
    static final String SCHEMA = "lakesetup.validation-report/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ValidationJson() {
    }

    /**
     * Renders a report.
     *
     * @param report the report
     * @return the JSON text, ending in a newline
     */
    static String render(ValidationReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("principal", report.principal().toString());
        root.put("transport", report.transport().name());
        root.put("passed", report.passed());
        ObjectNode summary = root.putObject("summary");
        for (ValidationCheck.Status status : ValidationCheck.Status.values()) {
            summary.put(status.name().toLowerCase(Locale.ROOT),
                    report.checks().stream().filter(check -> check.status() == status).count());
        }
        ArrayNode checks = root.putArray("checks");
        for (ValidationCheck check : report.checks()) {
            ObjectNode node = checks.addObject();
            node.put("name", check.name());
            node.put("status", check.status().name());
            node.put("message", check.message());
            node.put("durationMillis", check.duration().toMillis());
            node.put("rows", check.rows());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new LakesetupException("rendering the validation report as JSON failed", e);
        }
    }
}
