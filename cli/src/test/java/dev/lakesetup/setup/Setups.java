package dev.lakesetup.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.testkit.FakeWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Test helpers: reading documents, comparing blueprints and plans, a fake workspace to plan against. */
final class Setups {
    static final String WAREHOUSE = "4b9f2c1d7e3a5068";
    static final Path EXAMPLES = Path.of("..", "examples", "setups");

    private Setups() {
    }

    static List<WorkspaceSetup> yaml(String text, Map<String, String> env) {
        return SetupFile.read("setup.yaml", text, env);
    }

    static WorkspaceSetup one(String text) {
        List<WorkspaceSetup> setups = yaml(text, Map.of());
        assertThat(setups).hasSize(1);
        return setups.get(0);
    }

    /** A document with one workspace whose setup is the given YAML, indented under {@code setup:}. */
    static String workspace(String setup) {
        return "apiVersion: lakesetup/v1\nworkspaces:\n  - name: test\n    warehouse: " + WAREHOUSE
                + "\n    setup:\n" + setup.indent(6);
    }

    /** Blueprints have no equals: equal resources (in order), grants, exclusive securables and declared order. */
    static void assertSameBlueprint(Blueprint fromFile, Blueprint fluent) {
        assertThat(fromFile.resources()).containsExactlyElementsOf(fluent.resources());
        assertThat(fromFile.grants()).containsExactlyInAnyOrderElementsOf(fluent.grants());
        assertThat(fromFile.exclusiveSecurables()).isEqualTo(fluent.exclusiveSecurables());
        for (Resource resource : fluent.resources()) {
            assertThat(fromFile.waitsFor(resource.id())).as("order of " + resource.id())
                    .isEqualTo(fluent.waitsFor(resource.id()));
        }
        assertThat(fromFile.resources()).as("settings, secrets included").allSatisfy(resource ->
                assertThat(resource.settings()).isEqualTo(fluent.resource(resource.id()).orElseThrow().settings()));
    }

    /** Plans are data without equals: equal JSON and text renderings. */
    static void assertSamePlan(Plan fromFile, Plan fluent) {
        assertThat(PlanFormat.JSON.render(fromFile)).isEqualTo(PlanFormat.JSON.render(fluent));
        assertThat(PlanFormat.TEXT.render(fromFile)).isEqualTo(PlanFormat.TEXT.render(fluent));
    }

    static FakeWorkspace fake() {
        return FakeWorkspace.builder().warehouse(WAREHOUSE, "Starter").group("data-engineers").build().start();
    }

    static DatabricksWorkspace workspace(FakeWorkspace fake) {
        return DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting().pat(fake.adminToken())
                .account(fake.host(), fake.accountId()).workspaceId(fake.workspaceId()).warehouseId(WAREHOUSE)
                .callPolicy(CallPolicy.builder().rateLimitPerSecond(1000).build()).build();
    }

    static Lakesetup lakesetup(DatabricksWorkspace workspace) {
        return Lakesetup.builder().executor(workspace.restExecutor()).concurrency(4)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5)).build())
                .sleeper(duration -> { }).build();
    }
}
