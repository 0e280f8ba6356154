package dev.lakesetup.databricks;

import dev.lakesetup.core.drift.DriftItem;
import dev.lakesetup.core.drift.DriftStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a validation as the principal (and the IP access list check) into drift items, one per check: passed is
 * {@code OK}, failed {@code FAILED} with the check's message, skipped {@code SKIPPED} with its reason.
 */
final class ValidationDrift {
    /** The kind every validation item carries. */
    static final String KIND = "validation";

    private ValidationDrift() {
    }

    static List<DriftItem> items(ValidationReport report) {
        List<DriftItem> items = new ArrayList<>(report.checks().size());
        for (ValidationCheck check : report.checks()) {
            items.add(item("as " + report.principal() + ": " + check.name(), check));
        }
        return items;
    }

    /** One check as an item named {@code what}. */
    static DriftItem item(String what, ValidationCheck check) {
        return switch (check.status()) {
            case PASSED -> DriftItem.ok(KIND, what);
            case FAILED -> DriftItem.of(KIND, what, DriftStatus.FAILED, null, null, check.message());
            case SKIPPED -> DriftItem.skipped(KIND, what, check.message());
        };
    }
}
