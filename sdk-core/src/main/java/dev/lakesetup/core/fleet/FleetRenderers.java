package dev.lakesetup.core.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.exception.LakesetupException;
import java.time.Duration;
import java.util.Locale;

/** Renders fleet reports as text and JSON, for {@link FleetFormat}. */
final class FleetRenderers {
    /** The schema of a fleet report; the version changes only for incompatible changes. */
    static final String SCHEMA = "lakesetup.fleet-report/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FleetRenderers() {
    }

    static String text(FleetReport report) {
        StringBuilder out = new StringBuilder("Fleet: ").append(report.lines().size()).append(" members in ")
                .append(seconds(report.wall())).append(':');
        report.counts().forEach((status, count) -> out.append(' ').append(count).append(' ').append(status)
                .append(status.ordinal() < FleetStatus.values().length - 1 ? "," : ""));
        out.append('\n');
        int width = report.lines().stream().mapToInt(line -> line.key().length()).max().orElse(0);
        for (FleetLine line : report.lines()) {
            out.append(String.format(Locale.ROOT, "  %-9s %-" + Math.max(1, width) + "s  %8s  %s%n",
                    line.status(), line.key(), seconds(line.duration()), line.summary()));
        }
        return out.toString();
    }

    static String json(FleetReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("success", report.isSuccess());
        root.put("wall_ms", report.wall().toMillis());
        ObjectNode counts = root.putObject("counts");
        report.counts().forEach((status, count) -> counts.put(status.name(), count));
        ArrayNode members = root.putArray("members");
        for (FleetLine line : report.lines()) {
            ObjectNode member = members.addObject();
            member.put("key", line.key());
            member.put("status", line.status().name());
            member.put("summary", line.summary());
            member.put("duration_ms", line.duration().toMillis());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new LakesetupException("rendering the fleet report as JSON failed", e);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
