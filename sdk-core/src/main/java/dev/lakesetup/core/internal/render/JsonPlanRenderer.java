package dev.lakesetup.core.internal.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.LakesetupException;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PlanSummary;
import java.util.Locale;

/** Renders a plan as the version 1 JSON document described in {@code docs/plan-json.md}. */
final class JsonPlanRenderer {
    /** The schema version; bumped only for incompatible changes. */
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonPlanRenderer() {
    }

    static String render(Plan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ObjectNode summary = root.putObject("summary");
        PlanSummary counts = plan.summary();
        for (Action action : Action.values()) {
            summary.put(action.name().toLowerCase(Locale.ROOT), counts.count(action));
        }
        ArrayNode changes = root.putArray("changes");
        for (Change change : plan.changes()) {
            ObjectNode node = changes.addObject();
            describe(node, change);
            ArrayNode dependsOn = node.putArray("dependsOn");
            for (ChangeId id : change.dependsOn()) {
                dependsOn.add(id.value());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new LakesetupException("rendering the plan as JSON failed", e);
        }
    }

    /** Puts the fields that name a change for people and machines: id, action, kind, object, masked details. */
    static void describe(ObjectNode node, Change change) {
        node.put("id", change.id().value());
        node.put("action", change.action().name());
        node.put("kind", change.kind());
        node.put("object", change.object());
        ArrayNode details = node.putArray("details");
        change.details().forEach(details::add);
    }
}
