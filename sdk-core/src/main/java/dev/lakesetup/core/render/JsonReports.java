package dev.lakesetup.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.plan.Change;
import java.util.Locale;
import java.util.Map;

/**
 * Renders reports as the versioned JSON documents of {@code docs/report-json.md}; Jackson escapes every string, so
 * text a service sent cannot break the document.
 */
final class JsonReports {
    /** The schema of an apply report; the version changes only for incompatible changes. */
    static final String APPLY_REPORT_SCHEMA = "lakesetup.apply-report/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReports() {
    }

    /**
     * Starts a report document with its schema name.
     *
     * @param schema e.g. {@code lakesetup.apply-report/v1}
     * @return the root object to fill
     */
    private static ObjectNode document(String schema) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", schema);
        return root;
    }

    /**
     * Writes a document as indented JSON ending in a newline.
     *
     * @param root the document
     * @return the text
     */
    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new LakesetupException("rendering the report as JSON failed", e);
        }
    }

    /**
     * Renders an apply report.
     *
     * @param report the report
     * @return the JSON text
     */
    static String render(ApplyReport report) {
        ObjectNode root = document(APPLY_REPORT_SCHEMA);
        root.put("success", report.isSuccess());
        root.put("interrupted", report.interrupted());
        root.put("durationMillis", report.duration().toMillis());
        ObjectNode summary = root.putObject("summary");
        for (Map.Entry<Outcome, Integer> entry : report.summary().entrySet()) {
            summary.put(entry.getKey().name().toLowerCase(Locale.ROOT), entry.getValue());
        }
        ArrayNode changes = root.putArray("changes");
        for (ChangeOutcome outcome : report.outcomes()) {
            ObjectNode node = changes.addObject();
            describe(node, outcome.change());
            node.put("outcome", outcome.outcome().name());
            node.put("attempts", outcome.attempts());
            node.put("durationMillis", outcome.duration().toMillis());
            node.put("reason", outcome.reason());
        }
        return write(root);
    }

    /** Puts the fields that name a change for people and machines: id, action, kind, object, masked detail lines. */
    private static void describe(ObjectNode node, Change change) {
        node.put("id", change.id().value());
        node.put("action", change.action().name());
        node.put("kind", change.kind());
        node.put("object", change.object());
        ArrayNode details = node.putArray("details");
        ChangeLines.of(change).forEach(details::add);
    }
}
