package dev.lakesetup.core.render;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;

/** Renders reports for people: the report's headline and one indented line per change. */
final class TextReports {
    private TextReports() {
    }

    /**
     * Renders an apply report.
     *
     * @param report the report
     * @return the headline and one line per change, ending in a line break
     */
    static String render(ApplyReport report) {
        StringBuilder out = new StringBuilder(report.toString());
        for (ChangeOutcome outcome : report.outcomes()) {
            out.append("\n  ").append(outcome);
        }
        return out.append('\n').toString();
    }
}
