package dev.lakesetup.core.render;

import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.exception.InvalidInputException;

/**
 * The formats a drift report renders to: {@code DriftFormat.TEXT.render(report)}. A report is data and never renders
 * itself.
 */
public enum DriftFormat {
    /**
     * For people: a headline ({@link DriftReport#summary()} and when it was checked), then one line per item, drift
     * first. Text that came from a service is escaped (no line break or terminal escape reaches the output).
     */
    TEXT,
    /**
     * For machines and schedulers: one JSON object whose {@code schema} field is {@code lakesetup.drift-report/v1},
     * described in {@code docs/report-json.md}. Text that came from a service is JSON-escaped.
     */
    JSON;

    /**
     * Renders a drift report in this format.
     *
     * @param report the report
     * @return the rendering, ending in a line break; no secret is ever in a report
     * @throws InvalidInputException if the report is {@code null}
     */
    public String render(DriftReport report) {
        InvalidInputException.requireNonNull(report, "drift report");
        return switch (this) {
            case TEXT -> TextDriftRenderer.render(report);
            case JSON -> JsonDriftRenderer.render(report);
        };
    }
}
