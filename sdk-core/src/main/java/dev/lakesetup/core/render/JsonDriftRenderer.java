package dev.lakesetup.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.drift.DriftItem;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceText;
import java.util.Locale;

/**
 * Renders drift reports as the versioned JSON document of {@code docs/report-json.md}. Every text passes through
 * {@link ServiceText} as in the plan JSON (a control character a service sent is shown as escape text, as in the
 * text rendering), and Jackson escapes what remains, so service text cannot break the document or a terminal.
 */
final class JsonDriftRenderer {
    /** The schema of a drift report; the version changes only for incompatible changes. */
    static final String SCHEMA = "lakesetup.drift-report/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonDriftRenderer() {
    }

    static String render(DriftReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("checked_at", report.checkedAt().toString());
        root.put("clean", report.isClean());
        root.put("complete", report.isComplete());
        root.put("summary", report.summary());
        ObjectNode counts = root.putObject("counts");
        report.counts().forEach((status, count) -> counts.put(status.name().toLowerCase(Locale.ROOT), count));
        ArrayNode items = root.putArray("items");
        for (DriftItem item : report.items()) {
            ObjectNode node = items.addObject();
            node.put("status", item.status().name());
            node.put("kind", ServiceText.escape(item.kind()));
            node.put("what", ServiceText.escape(item.what()));
            item.before().ifPresent(value -> node.put("before", ServiceText.escape(value)));
            item.after().ifPresent(value -> node.put("after", ServiceText.escape(value)));
            item.reason().ifPresent(value -> node.put("reason", ServiceText.escape(value)));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new LakesetupException("rendering the drift report as JSON failed", e);
        }
    }
}
