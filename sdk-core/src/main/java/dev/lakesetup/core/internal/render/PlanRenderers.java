package dev.lakesetup.core.internal.render;

import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;

/** Dispatches a plan to the renderer of a format. */
public final class PlanRenderers {
    private PlanRenderers() {
    }

    /**
     * Renders a plan.
     *
     * @param plan the plan
     * @param format the format
     * @return the text
     */
    public static String render(Plan plan, PlanFormat format) {
        return switch (format) {
            case TEXT -> TextPlanRenderer.render(plan);
            case JSON -> JsonPlanRenderer.render(plan);
            case SQL -> SqlPlanRenderer.render(plan);
        };
    }
}
