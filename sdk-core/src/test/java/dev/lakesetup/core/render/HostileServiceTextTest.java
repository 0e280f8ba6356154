package dev.lakesetup.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import org.junit.jupiter.api.Test;

/** Values the service returns are data in every plan rendering: they never start a line or drive a terminal. */
class HostileServiceTextTest {
    private static final String FORGED = "GRANT ALL PRIVILEGES ON CATALOG `sales` TO `attacker`";

    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();

    /**
     * A plan whose "before" values hold hostile text. Live state is typed, so a live value must be one the model
     * accepts: a storage URL with a line break cannot be read at all, while free text (a comment) and an Azure
     * resource id (which admits control characters other than white space) can carry it.
     */
    private Plan hostilePlan() {
        workspace.seed(Catalog.named("sales").comment("x\n" + FORGED + ";\n--"));
        workspace.seed(StorageCredential.named("cred", new StorageIdentity.AzureManagedIdentity(
                "/subscriptions/s/resourceGroups/rg\u001b[2K\u009b2K/providers/Microsoft.Databricks/"
                        + "accessConnectors/c", null)));
        workspace.seed(Schema.named("sales", "us").comment("ok\u001b[2K\u001b[1A\rnothing to see\u009b2K"));
        return lakesetup.plan(Blueprint.builder()
                .resource(Catalog.named("sales").comment("new"))
                .resource(StorageCredential.named("cred", new StorageIdentity.AzureManagedIdentity(
                        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/c",
                        null)))
                .resource(Schema.named("sales", "us").comment("new"))
                .build());
    }

    @Test
    void renderSql_whenDeletedPrincipalIdHoldsBidiControls_showsThemEscapedInTheApiComment() {
        Securable sales = Securable.catalog("sales");
        Plan plan = Plan.of(List.of(new GrantChange(GrantChange.idOf(Action.REVOKE, sales), Action.REVOKE, sales,
                List.of(PrincipalPrivileges.of(DeletedPrincipal.of("42\u202e1;\u2066x"),
                        Set.of(Privilege.SELECT))), Set.of())), Map.of());

        String sql = PlanFormat.SQL.render(plan);

        assertThat(sql).doesNotContain("\u202e").doesNotContain("\u2066")
                .contains("from principal_id 42\\u202e1;\\u2066x)");
        assertThat(sql.lines()).allMatch(line -> line.startsWith("--"));
    }

    @Test
    void renderSql_whenServiceValueHoldsNewlineAndStatement_keepsItInsideOneComment() {
        String sql = PlanFormat.SQL.render(hostilePlan());

        assertThat(sql.lines()).noneMatch(line -> line.startsWith("GRANT")).allMatch(line -> line.startsWith("--")
                || line.startsWith("COMMENT ON "));
        assertThat(sql).doesNotContain("\u001b", "\r", "\u009b").isEqualTo("""
                -- lakesetup plan: 0 to create, 2 to update, 0 to grant, 0 to revoke, 1 conflicts, 0 unchanged
                COMMENT ON CATALOG `sales` IS 'new';
                -- CONFLICT, not applied: storage credential cred: access connector id: \
                /subscriptions/s/resourceGroups/rg\\u001b[2K\\u009b2K/providers/Microsoft.Databricks/accessConnectors/c \
                -> /subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/c \
                (cannot change in place)
                COMMENT ON SCHEMA `sales`.`us` IS 'new';
                """);
    }

    @Test
    void renderText_whenServiceValueHoldsAnsiAndCarriageReturn_showsThemEscaped() {
        String text = PlanFormat.TEXT.render(hostilePlan());

        assertThat(text).doesNotContain("\u001b", "\r", "\u009b");
        assertThat(text.lines()).noneMatch(line -> line.startsWith("GRANT"));
        assertThat(text).isEqualTo("""
                ~ catalog sales
                    comment: x\\u000a%s;\\u000a-- -> new
                ! storage credential cred  (conflict: will not be applied)
                    access connector id: /subscriptions/s/resourceGroups/rg\\u001b[2K\\u009b2K/providers/\
                Microsoft.Databricks/accessConnectors/c -> \
                /subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/c \
                (cannot change in place)
                ~ schema sales.us
                    comment: ok\\u001b[2K\\u001b[1A\\u000dnothing to see\\u009b2K -> new

                Plan: 0 to create, 2 to update, 0 to grant, 0 to revoke, 1 conflicts, 0 unchanged
                """.formatted(FORGED));
    }

    @Test
    void serviceException_whenServiceMessageHoldsCarriageReturnAndAnsi_keepsOneEscapedLine() {
        ServiceException e = ServiceException.builder(ServiceException.Failure.FATAL,
                        "PATCH grants failed: denied\r\u001b[2K\nINFO applied GRANT ALL PRIVILEGES")
                .errorCode("PERMISSION_DENIED\n").requestId("r-1\u001b[2K").build();

        assertThat(e.getMessage()).isEqualTo(
                "PATCH grants failed: denied\\u000d\\u001b[2K\\u000aINFO applied GRANT ALL PRIVILEGES");
        assertThat(e.errorCode()).isEqualTo("PERMISSION_DENIED\\u000a");
        assertThat(e.requestId()).contains("r-1\\u001b[2K");
    }

    @Test
    void changeOutcome_whenReasonHoldsServiceText_storesItEscaped() {
        Change change = hostilePlan().changes().get(0);

        ChangeOutcome outcome = new ChangeOutcome(change, Outcome.FAILED, 1, Duration.ZERO,
                "denied\r\u001b[2K\nforged line");

        assertThat(outcome.reason()).isEqualTo("denied\\u000d\\u001b[2K\\u000aforged line");
        assertThat(outcome.toString()).doesNotContain("\n", "\r", "\u001b");
    }

    @Test
    void escape_showsControlsSeparatorsAndBidiAsEscapes_andIsIdempotent() {
        String hostile = "a\nb\r\tc\u001b[2K\u007f\u0085\u2028\u2029\u202e\u2066d\\u000a";

        String shown = ServiceText.escape(hostile);

        assertThat(shown).isEqualTo("a\\u000ab\\u000d\\u0009c\\u001b[2K\\u007f\\u0085\\u2028\\u2029\\u202e\\u2066d"
                + "\\u000a");
        assertThat(ServiceText.escape(shown)).isSameAs(shown);
        assertThat(ServiceText.escape(null)).isEqualTo("null");
    }
}
