package dev.lakesetup.core.render;

/**
 * The formats a report renders to: {@code applyReport.render(format)}, and the validation report of
 * {@code sdk-databricks} likewise.
 */
public enum ReportFormat {
    /** For people: a headline and one line per change or check. Secrets are masked. */
    TEXT,
    /**
     * For machines and CI: one JSON object whose {@code schema} field names the schema and its version (e.g.
     * {@code lakesetup.apply-report/v1}), described in {@code docs/report-json.md}. Text that came from a service is
     * JSON-escaped; secrets are masked.
     */
    JSON
}
