package dev.lakesetup.core.render;

import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a plan for people: each object's change with its symbol, the grants on an object right after it, its
 * settings or privileges indented ({@link ChangeLines}), unchanged objects counted but not listed, and a summary
 * line. Objects and details, which carry values
 * the service returned, are written as {@link ServiceText} shows them: one line each, no terminal escapes.
 */
final class TextPlanRenderer {
    private TextPlanRenderer() {
    }

    static String render(Plan plan) {
        Map<ChangeId, List<Change>> groups = new LinkedHashMap<>();
        List<Change> loose = new ArrayList<>();
        for (Change change : plan.changes()) {
            if (change instanceof ResourceChange) {
                groups.computeIfAbsent(change.id(), k -> new ArrayList<>()).add(0, change);
            }
        }
        for (Change change : plan.changes()) {
            if (change instanceof GrantChange grants) {
                ChangeId owner = Blueprint.resourceIdOf(grants.securable()).map(id -> ChangeId.of(id.toString()))
                        .filter(groups::containsKey).orElse(null);
                if (owner != null) {
                    groups.get(owner).add(change);
                } else {
                    loose.add(change);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        groups.values().forEach(group -> group.forEach(change -> line(out, plan, change)));
        loose.forEach(change -> line(out, plan, change));
        if (out.length() == 0) {
            out.append("No changes: the live state matches the blueprint.\n");
        }
        keptSecrets(out, plan);
        out.append('\n').append("Plan: ").append(plan.summary()).append('\n');
        if (!plan.notes().isEmpty()) {
            out.append('\n').append("Notes:").append('\n');
            plan.notes().forEach(note -> out.append("  * ").append(ServiceText.escape(note)).append('\n'));
        }
        return out.toString();
    }

    /** Lists each OAuth secret kept as it is, with when its active secret expires. */
    private static void keptSecrets(StringBuilder out, Plan plan) {
        for (Change change : plan.changes()) {
            if (change.action() == Action.NO_OP && change instanceof ResourceChange rc
                    && SecretExpiry.secretOf(rc).isPresent()) {
                out.append(Action.NO_OP.symbol()).append(' ').append(ServiceText.escape(change.object()))
                        .append("  (").append(SecretExpiry.lines(plan, rc).get(0)).append(")\n");
            }
        }
    }

    private static void line(StringBuilder out, Plan plan, Change change) {
        if (change.action() == Action.NO_OP) {
            return;
        }
        out.append(change.action().symbol()).append(' ').append(ServiceText.escape(change.object()));
        if (change.action() == Action.CONFLICT) {
            out.append("  (conflict: will not be applied)");
        } else if (change.action() == Action.REVOKE) {
            out.append("  (revoke)");
        } else if (change.action() == Action.DELETE) {
            out.append("  (delete)");
        }
        out.append('\n');
        for (String detail : ChangeLines.of(change)) {
            out.append("    ").append(ServiceText.escape(detail)).append('\n');
        }
        if (change instanceof ResourceChange rc) {
            SecretExpiry.lines(plan, rc).forEach(detail -> out.append("    ").append(detail).append('\n'));
        }
    }
}
