package dev.lakesetup.core.render;

import dev.lakesetup.core.drift.DriftItem;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.exception.ServiceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders drift reports for people: the summary and when it was checked, then one line per item, drift first,
 * skipped next and OK last, each in report order.
 * <pre>{@code
 * Drift: 1 missing, 1 changed, 4 ok (checked at 2026-01-05T06:00:00Z)
 *   missing    grants on catalog sales to 1234-abcd: USE CATALOG (declared but not held)
 *   changed    catalog sales: comment: old text -> Sales data
 *   ok         catalog sales
 * }</pre>
 */
final class TextDriftRenderer {
    private static final int STATUS_WIDTH = 10;

    private TextDriftRenderer() {
    }

    static String render(DriftReport report) {
        String summary = report.summary();
        StringBuilder out = new StringBuilder(Character.toUpperCase(summary.charAt(0)) + summary.substring(1))
                .append(" (checked at ").append(report.checkedAt()).append(')');
        List<DriftItem> items = new ArrayList<>(report.items());
        items.sort(Comparator.comparingInt(TextDriftRenderer::rank));
        for (DriftItem item : items) {
            out.append("\n  ").append(pad(item.status().name().toLowerCase(Locale.ROOT)))
                    .append(ServiceText.escape(item.what()));
            if (item.before().isPresent() || item.after().isPresent()) {
                out.append(": ").append(values(item));
            }
            item.reason().ifPresent(reason -> out.append(" (").append(ServiceText.escape(reason)).append(')'));
        }
        return out.append('\n').toString();
    }

    private static String values(DriftItem item) {
        if (item.before().isEmpty()) {
            return ServiceText.escape(item.after().get());
        }
        String before = ServiceText.escape(item.before().get());
        return item.after().isEmpty() ? before : before + " -> " + ServiceText.escape(item.after().get());
    }

    private static int rank(DriftItem item) {
        return switch (item.status()) {
            case MISSING, CHANGED, UNDECLARED, EXPIRING, FAILED -> 0;
            case SKIPPED -> 1;
            case OK -> 2;
        };
    }

    private static String pad(String status) {
        return status + " ".repeat(Math.max(1, STATUS_WIDTH - status.length() + 1));
    }
}
