package dev.lakesetup.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text and SQL renderings compose their lines from the changes' values (plans made by hand). */
class PlanTextTest {

    @Test
    void renderText_whenRepresentativePlan_composesLinesFromSettingsAndPrivileges() {
        String text = PlanFormat.TEXT.render(SamplePlans.representative());

        assertThat(text).isEqualTo("""
                ~ catalog sales
                    comment: old -> it's new
                + grants on catalog sales
                    service principal 'graph': USE CATALOG, SELECT
                    ana@example.com: USE CATALOG
                - grants on catalog sales  (revoke)
                    legacy: SELECT
                    deleted principal 1234567890: USE CATALOG
                + storage credential cred
                    identity = azure service principal
                    directory id = 3f1c2a52-1b7e-4c55-8d0a-2f1e6b9c7d41
                    application id = 9f0c3a52-1b7e-4c55-8d0a-2f1e6b9c7d41
                    client secret = ****
                ~ service principal named:graph
                    entitlements: [workspace-access] -> [databricks-sql-access, workspace-access]
                ! external location landing  (conflict: will not be applied)
                    url: abfss://c@acct.dfs.core.windows.net/old -> abfss://c@acct.dfs.core.windows.net/new \
                (cannot change in place)

                Plan: 1 to create, 2 to update, 1 to grant, 1 to revoke, 1 conflicts, 1 unchanged
                """);
        assertThat(text).doesNotContain(SamplePlans.CLIENT_SECRET);
    }

    @Test
    void renderSql_whenPrincipalWasResolvedWhilePlanning_namesItsApplicationId() {
        String sql = PlanFormat.SQL.render(SamplePlans.representative());

        assertThat(sql).contains(
                "COMMENT ON CATALOG `sales` IS 'it\\'s new';",
                "GRANT USE CATALOG, SELECT ON CATALOG `sales` TO `" + SamplePlans.GRAPH + "`;",
                "REVOKE SELECT ON CATALOG `sales` FROM `legacy`;",
                "(remove USE CATALOG from principal_id 1234567890)",
                "-- API: PATCH /api/2.0/preview/scim/v2/ServicePrincipals/{id} (service principal named:graph: "
                        + "entitlements: [workspace-access] -> [databricks-sql-access, workspace-access])",
                "-- CONFLICT, not applied: external location landing: url: ");
        assertThat(sql).doesNotContain(SamplePlans.CLIENT_SECRET).doesNotContain("<application id");
    }

    @Test
    void changeLines_whenChangeIsAnyKind_matchTheTextRendering() {
        Plan plan = SamplePlans.representative();
        String text = PlanFormat.TEXT.render(plan);

        for (Change change : plan.actionableChanges()) {
            assertThat(ChangeLines.of(change)).isNotEmpty()
                    .allSatisfy(line -> assertThat(text).contains("    " + line + "\n"));
        }
    }

    @Test
    void toString_ofChanges_isShortAndMasksSecrets() {
        Plan plan = SamplePlans.representative();

        assertThat(plan.changes()).allSatisfy(change -> assertThat(change.toString())
                .doesNotContain(SamplePlans.CLIENT_SECRET).startsWith(change.action().name()));
        assertThat(plan.toString()).isEqualTo("Plan[1 to create, 2 to update, 1 to grant, 1 to revoke, 1 conflicts, "
                + "1 unchanged]");
    }

    @Test
    void renderTextAndSql_whenServiceTextIsHostile_keepEveryValueOnOneEscapedLine() {
        String hostile = "x\n" + "GRANT ALL PRIVILEGES ON CATALOG `sales` TO `attacker`;\r\u001b[2K\u2028\u202e";
        Plan plan = SamplePlans.hostile(hostile);

        String text = PlanFormat.TEXT.render(plan);
        String sql = PlanFormat.SQL.render(plan);

        assertThat(text + sql).doesNotContain("\r", "\u001b", "\u2028", "\u202e");
        assertThat(text.lines()).noneMatch(line -> line.startsWith("GRANT"));
        assertThat(text).contains("    comment: " + ServiceText.escape(hostile) + " -> fine\n",
                "    ops\\u202egroup: " + ServiceText.escape(hostile) + "\n");
        assertThat(sql.lines()).noneMatch(line -> line.startsWith("GRANT"));
    }

    @Test
    void render_whenPlanIsNull_throwsNamingIt() {
        assertThatThrownBy(() -> PlanFormat.TEXT.render(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plan");
    }

    @Test
    void renderText_whenPlanIsEmpty_saysSo() {
        assertThat(PlanFormat.TEXT.render(Plan.of(List.of()))).startsWith("No changes");
    }
}
