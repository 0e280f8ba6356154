package dev.lakesetup.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesetup.core.drift.DriftItem;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.DriftStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drift reports as text for people and as the versioned JSON document, with service text escaped. */
class DriftFormatTest {
    private static final Instant AT = Instant.parse("2026-01-05T06:00:00Z");
    private static final String HOSTILE = "edited\n\u001b[2Jby hand";

    private final DriftReport report = new DriftReport(List.of(
            DriftItem.ok("catalog", "catalog hr"),
            DriftItem.changed("catalog", "catalog sales: comment", HOSTILE, "Sales data"),
            DriftItem.skipped("grants", "grants on catalog sales", "not readable (" + HOSTILE + ")"),
            DriftItem.missing("grants", "grants on catalog sales to 1234", "SELECT", "declared but not held")), AT);

    @Test
    void text_listsDriftFirstThenSkippedThenOk_andEscapesServiceText() {
        String text = DriftFormat.TEXT.render(report);

        assertThat(text).isEqualTo("""
                Drift: 1 ok, 1 missing, 1 changed, 1 skipped (checked at 2026-01-05T06:00:00Z)
                  changed    catalog sales: comment: edited\\u000a\\u001b[2Jby hand -> Sales data
                  missing    grants on catalog sales to 1234: SELECT (declared but not held)
                  skipped    grants on catalog sales (not readable (edited\\u000a\\u001b[2Jby hand))
                  ok         catalog hr
                """);
    }

    @Test
    void text_whenClean_saysClean() {
        String text = DriftFormat.TEXT.render(new DriftReport(List.of(DriftItem.ok("catalog", "catalog hr")), AT));

        assertThat(text).startsWith("Clean: 1 ok (checked at 2026-01-05T06:00:00Z)\n");
    }

    @Test
    void json_isTheVersionedDocumentWithEveryField() throws Exception {
        JsonNode root = new ObjectMapper().readTree(DriftFormat.JSON.render(report));

        assertThat(root.path("schema").asText()).isEqualTo("lakesetup.drift-report/v1");
        assertThat(root.path("checked_at").asText()).isEqualTo("2026-01-05T06:00:00Z");
        assertThat(root.path("clean").asBoolean()).isFalse();
        assertThat(root.path("complete").asBoolean()).isFalse();
        assertThat(root.path("counts").path("missing").asInt()).isEqualTo(1);
        JsonNode changed = root.path("items").get(1);
        assertThat(changed.path("status").asText()).isEqualTo(DriftStatus.CHANGED.name());
        assertThat(changed.path("kind").asText()).isEqualTo("catalog");
        assertThat(changed.path("before").asText()).isEqualTo("edited\\u000a\\u001b[2Jby hand");
        assertThat(changed.path("after").asText()).isEqualTo("Sales data");
        assertThat(root.path("items").get(0).has("before")).isFalse();
    }
}
