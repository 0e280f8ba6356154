package dev.lakesetup.core.fleet;

import dev.lakesetup.core.exception.InvalidInputException;

/**
 * The formats a fleet report renders to: {@code FleetFormat.TEXT.render(report)}. Summaries are escaped when a
 * line is made, so service text cannot break a line of the text form; the JSON form escapes as JSON does.
 */
public enum FleetFormat {
    /** For people: a headline with the counts, then one line per member (status, key, duration, summary). */
    TEXT,
    /**
     * For machines: one JSON object, {@code schema} {@code lakesetup.fleet-report/v1}, with {@code wall_ms},
     * {@code counts} (every status) and {@code members} (key, status, summary, duration_ms), in report order.
     */
    JSON;

    /**
     * Renders a fleet report in this format.
     *
     * @param report the report
     * @return the rendering, ending in a line break
     */
    public String render(FleetReport report) {
        InvalidInputException.requireNonNull(report, "fleet report");
        return switch (this) {
            case TEXT -> FleetRenderers.text(report);
            case JSON -> FleetRenderers.json(report);
        };
    }
}
