package dev.lakesetup.core.render;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.exception.InvalidInputException;

/**
 * The formats a report renders to, each with its renderer: {@code ReportFormat.TEXT.render(applyReport)}. A report
 * is data and never renders itself; the validation report of {@code sdk-databricks} takes these formats too.
 */
public enum ReportFormat {
    /** For people: a headline and one line per change or check. Secrets are masked. */
    TEXT,
    /**
     * For machines and CI: one JSON object whose {@code schema} field names the schema and its version (e.g.
     * {@code lakesetup.apply-report/v1}), described in {@code docs/report-json.md}. Text that came from a service is
     * JSON-escaped; secrets are masked.
     */
    JSON;

    /**
     * Renders an apply report in this format: for people, its headline ({@link ApplyReport#toString()}) and one line
     * per change; for machines, the versioned document of {@code docs/report-json.md}.
     *
     * @param report the report
     * @return the rendering, ending in a line break; secrets are masked and service text is escaped in JSON
     * @throws InvalidInputException if the report is {@code null}
     */
    public String render(ApplyReport report) {
        InvalidInputException.requireNonNull(report, "report");
        return switch (this) {
            case TEXT -> TextReports.render(report);
            case JSON -> JsonReports.render(report);
        };
    }
}
