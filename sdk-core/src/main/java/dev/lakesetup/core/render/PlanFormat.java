package dev.lakesetup.core.render;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.plan.Plan;

/**
 * The formats a {@link Plan} renders to, each with its renderer: {@code PlanFormat.TEXT.render(plan)}. A plan is
 * data and never renders itself; renderers read its changes' values.
 */
public enum PlanFormat {
    /**
     * For people: one line per change prefixed {@code +}, {@code ~}, {@code -} or {@code !}, its settings or
     * privileges indented beneath ({@link ChangeLines}), and a summary line. Unchanged objects are counted, not
     * listed. Secrets are masked; text from a service is escaped by {@link ServiceText}.
     */
    TEXT,
    /**
     * For machines: the JSON document of {@code docs/plan-json.md} ({@code "format_version": "2"}), with each
     * change's settings and privileges as values. Secrets are masked.
     */
    JSON,
    /**
     * For review: a Databricks SQL script. Changes with a SQL form are statements; API-only changes (storage
     * credentials, service principals, entitlements, warehouse permissions, OAuth secrets) are comments naming
     * the call; service principals not created yet appear as a readable placeholder.
     */
    SQL;

    /**
     * Renders a plan in this format.
     *
     * @param plan the plan
     * @return the rendering, ending in a line break; secrets are masked
     * @throws InvalidInputException if the plan is {@code null}
     */
    public String render(Plan plan) {
        InvalidInputException.requireNonNull(plan, "plan");
        return switch (this) {
            case TEXT -> TextPlanRenderer.render(plan);
            case JSON -> JsonPlanRenderer.render(plan);
            case SQL -> SqlPlanRenderer.render(plan);
        };
    }
}
