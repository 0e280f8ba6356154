package dev.lakesetup.examples;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.databricks.ConnectionDetails;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.PrincipalValidator;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.SetupResult;
import dev.lakesetup.databricks.ValidationReport;
import dev.lakesetup.testkit.FakeWorkspace;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The story the recipe examples tell, written once: plan, apply, validation as the service principal, the
 * connection details to hand over, and a confirming plan. Offline (no {@code DATABRICKS_HOST}) it runs against a
 * fake workspace in this process; otherwise against the workspace the environment names, planning only unless
 * {@code --apply} is given.
 */
final class RecipeStory {
    /** The SQL warehouse of the offline workspace. */
    static final String OFFLINE_WAREHOUSE = "7c3a9e1f5b2d8046";

    /** Plans a recipe; nothing is changed. */
    interface PlanStep {
        /** Plans. */
        Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace);
    }

    /** Runs every step of a recipe. */
    interface RunStep {
        /** Runs. */
        SetupResult run(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options);
    }

    /** A recipe as the story runs it: {@code new Recipe(setup::plan, setup::run)}. */
    record Recipe(PlanStep planStep, RunStep runStep) {
        Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace) {
            return planStep.plan(lakesetup, workspace);
        }

        SetupResult run(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options) {
            return runStep.run(lakesetup, workspace, options);
        }
    }

    private RecipeStory() {
    }

    /**
     * Tells the story for the environment: offline against a seeded fake, or against a real workspace.
     *
     * @param title the recipe's title, e.g. {@code the Profiles Sync setup}
     * @param args the options ({@code --apply} only)
     * @param env the environment variables
     * @param out where the story is printed
     * @param seed seeds the offline fake (its IP access lists, tables)
     * @param recipe builds the recipe for a warehouse and a secret sink
     * @return the exit status: 0 when it succeeded or only planned, 1 when not, 2 for bad arguments
     */
    static int tell(String title, String[] args, Map<String, String> env, PrintStream out,
            Consumer<FakeWorkspace> seed, BiFunction<String, SecretSink, Recipe> recipe) {
        List<String> options = List.of(args);
        if (!options.stream().allMatch("--apply"::equals)) {
            out.println("usage: [--apply]   (offline unless DATABRICKS_HOST is set)");
            return 2;
        }
        try {
            String host = env.get("DATABRICKS_HOST");
            return host == null || host.isBlank() ? offline(title, out, seed, recipe)
                    : real(title, env, options.contains("--apply"), out, recipe);
        } catch (LakesetupException e) {
            out.println("Setup stopped: " + e.getMessage());
            return 1;
        }
    }

    private static int offline(String title, PrintStream out, Consumer<FakeWorkspace> seed,
            BiFunction<String, SecretSink, Recipe> recipe) {
        try (FakeWorkspace fake = FakeWorkspace.builder().warehouse(OFFLINE_WAREHOUSE, "Starter Warehouse").build()
                .start()) {
            seed.accept(fake);
            out.println("== lakesetup: " + title + ", offline against a fake workspace at " + fake.host());
            CallPolicy calls = CallPolicy.builder().rateLimitPerSecond(100).build();
            DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting()
                    .pat(fake.adminToken()).warehouseId(OFFLINE_WAREHOUSE).callPolicy(calls).build();
            Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor()).callPolicy(calls)
                    .listener(new ConsoleProgress(out)).build();
            RunOptions options = RunOptions.defaults().withValidator(PrincipalValidator.Builder::plainHttpForTesting);
            return planAndRun(recipe.apply(OFFLINE_WAREHOUSE, sink(out)), lakesetup, workspace, options, true, out);
        }
    }

    private static int real(String title, Map<String, String> env, boolean apply, PrintStream out,
            BiFunction<String, SecretSink, Recipe> recipe) {
        String warehouse = env.get("DATABRICKS_WAREHOUSE_ID");
        if (warehouse == null || warehouse.isBlank()) {
            out.println("DATABRICKS_WAREHOUSE_ID is not set: the principal gets \"Can use\" on that SQL warehouse");
            return 2;
        }
        DatabricksWorkspace workspace = DataGraphExample.admin(env).host(env.get("DATABRICKS_HOST"))
                .warehouseId(warehouse).build();
        out.println("== lakesetup: " + title + " against " + workspace.host()
                + (apply ? "" : " (plan only: pass --apply to change the workspace)"));
        Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor())
                .listener(new ConsoleProgress(out)).build();
        return planAndRun(recipe.apply(warehouse, sink(out)), lakesetup, workspace, RunOptions.defaults(), apply,
                out);
    }

    private static int planAndRun(Recipe recipe, Lakesetup lakesetup, DatabricksWorkspace workspace,
            RunOptions options, boolean apply, PrintStream out) {
        out.println();
        out.println("== 1. Plan");
        out.print(PlanFormat.TEXT.render(recipe.plan(lakesetup, workspace)));
        if (!apply) {
            return 0;
        }
        out.println();
        out.println("== 2. Apply");
        SetupResult result = recipe.run(lakesetup, workspace, options);
        out.println("  " + result.applyReport());
        out.println();
        out.println("== 3. Validate as the service principal");
        out.println(result.validation().map(ValidationReport::render).orElse("not validated"));
        out.println();
        out.println("== 4. Connection details to hand over");
        printDetails(result.connectionDetails(), out);
        out.println();
        out.println("== 5. Plan again (empty when the workspace matches the recipe)");
        out.print(result.confirmationPlan().map(PlanFormat.TEXT::render)
                .orElse("not planned again: the apply did not succeed\n"));
        out.println();
        out.println(result.succeeded() ? "Setup succeeded." : "Setup did not succeed: see above.");
        return result.succeeded() ? 0 : 1;
    }

    private static void printDetails(ConnectionDetails details, PrintStream out) {
        out.println("  hostname      " + details.hostname());
        out.println("  port          " + details.port());
        out.println("  HTTP path     " + details.httpPath());
        out.println("  catalog       " + details.catalog());
        out.println("  client id     " + details.oauthClientId().map(Object::toString).orElse("(unknown)"));
        out.println("  OAuth secret  " + details.oauthSecret().map(secret -> Secret.MASK)
                .orElse("(not issued in this run: the principal already has one)"));
    }

    private static SecretSink sink(PrintStream out) {
        // A real integration stores the secret in its vault here.
        return credentials -> out.println("  new OAuth secret for " + credentials.clientId()
                + " handed to the secret sink: " + credentials.secret());
    }
}
