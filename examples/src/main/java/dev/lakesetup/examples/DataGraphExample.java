package dev.lakesetup.examples;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.databricks.ConnectionDetails;
import dev.lakesetup.databricks.DataGraphSetup;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.PrincipalValidator;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.SetupResult;
import dev.lakesetup.databricks.ValidationReport;
import dev.lakesetup.testkit.FakeWorkspace;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the Data Graph setup procedure end to end: plan, apply with progress, validation as the service principal,
 * the connection details to hand over, and a confirming plan that is empty.
 *
 * <p>Without {@code DATABRICKS_HOST} it starts a fake workspace in this process (on 127.0.0.1), seeds sample
 * catalogs and tables, and runs against it: nothing leaves the machine. With {@code DATABRICKS_HOST} and
 * {@code DATABRICKS_WAREHOUSE_ID} it targets that workspace, signed in as an admin with {@code DATABRICKS_TOKEN}, or
 * else {@code DATABRICKS_CLIENT_ID} + {@code DATABRICKS_CLIENT_SECRET}; when the environment it is given names
 * neither, as the Databricks SDKs' unified authentication finds one (a profile, the Azure CLI, ...). It only plans
 * unless {@code --apply} is given.
 *
 * <p>Options: {@code --apply}, {@code --show-secret} (print the new OAuth secret once, real workspace only),
 * {@code --principal NAME}, {@code --profiles-sync-catalog NAME}, {@code --read-only-catalog NAME} (repeatable),
 * {@code --validate-table CATALOG.SCHEMA.TABLE} (repeatable).
 */
public final class DataGraphExample {
    /** The SQL warehouse of the offline workspace. */
    static final String OFFLINE_WAREHOUSE = "7c3a9e1f5b2d8046";

    private DataGraphExample() {
    }

    /**
     * Runs the example and exits with status 0 when the setup succeeded (or was only planned), 1 when it did not,
     * 2 for bad arguments or settings.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the example against the workspace the environment names, or offline.
     *
     * @param args the options
     * @param env the environment variables
     * @param out where the story is printed
     * @return the exit status
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(Settings.USAGE);
            return 2;
        }
        try {
            return blank(env.get("DATABRICKS_HOST")) ? offline(settings, out) : real(settings, env, out);
        } catch (LakesetupException e) {
            out.println("Setup stopped: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Declares the procedure for the offline sample data: the recipe as the README shows it.
     *
     * @param warehouseId the SQL warehouse the principal may use
     * @param vault where a newly issued OAuth secret goes
     * @return the recipe
     */
    static DataGraphSetup sampleRecipe(String warehouseId, SecretSink vault) {
        return DataGraphSetup.builder()
                .servicePrincipalNamed("segment-data-graph")
                .warehouse(warehouseId)
                .profilesSyncCatalog("segment_profiles")
                .readOnlyCatalogs("marketing")
                .readOnlySchemas("sales", "orders", "customers")
                .validateWithTables("segment_profiles.profiles.identities", "sales.orders.items")
                .secretSink(vault)
                .build();
    }

    /**
     * Declares the procedure with the names given on the command line.
     *
     * @param settings the names
     * @param warehouseId the SQL warehouse the principal may use
     * @param vault where a newly issued OAuth secret goes
     * @return the recipe
     */
    static DataGraphSetup recipe(Settings settings, String warehouseId, SecretSink vault) {
        return DataGraphSetup.builder()
                .servicePrincipalNamed(settings.principal)
                .warehouse(warehouseId)
                .profilesSyncCatalog(settings.profilesSyncCatalog)
                .readOnlyCatalogs(settings.readOnlyCatalogs.toArray(String[]::new))
                .validateWithTables(settings.validationTables.toArray(String[]::new))
                .secretSink(vault)
                .build();
    }

    private static int offline(Settings settings, PrintStream out) {
        try (FakeWorkspace fake = FakeWorkspace.builder().warehouse(OFFLINE_WAREHOUSE, "Starter Warehouse").build()
                .start()) {
            SampleData.seed(fake);
            out.println("== lakesetup: the Data Graph setup, offline against a fake workspace at " + fake.host());
            out.println("   seeded: " + SampleData.DESCRIPTION);
            CallPolicy calls = CallPolicy.builder().rateLimitPerSecond(100).build();
            DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting()
                    .pat(fake.adminToken()).warehouseId(OFFLINE_WAREHOUSE).callPolicy(calls).build();
            Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor()).callPolicy(calls)
                    .listener(new ConsoleProgress(out)).build();
            RunOptions runOptions = RunOptions.defaults()
                    .withValidator(PrincipalValidator.Builder::plainHttpForTesting);
            return planAndRun(sampleRecipe(OFFLINE_WAREHOUSE, sink(out)), lakesetup, workspace, runOptions, true,
                    false, out);
        }
    }

    private static int real(Settings settings, Map<String, String> env, PrintStream out) {
        String warehouse = env.get("DATABRICKS_WAREHOUSE_ID");
        if (blank(warehouse)) {
            out.println("DATABRICKS_WAREHOUSE_ID is not set: the principal gets \"Can use\" on that SQL warehouse");
            return 2;
        }
        // the host is the DATABRICKS_HOST this run was given, checked (https) before anything is sent
        DatabricksWorkspace workspace = admin(env).host(env.get("DATABRICKS_HOST")).warehouseId(warehouse).build();
        out.println("== lakesetup: the Data Graph setup against " + workspace.host()
                + (settings.apply ? "" : " (plan only: pass --apply to change the workspace)"));
        Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor())
                .listener(new ConsoleProgress(out)).build();
        return planAndRun(recipe(settings, warehouse, sink(out)), lakesetup, workspace, RunOptions.defaults(),
                settings.apply, settings.showSecret, out);
    }

    /**
     * Signs in as the admin the given environment names: {@code DATABRICKS_TOKEN}, else {@code DATABRICKS_CLIENT_ID}
     * and {@code DATABRICKS_CLIENT_SECRET} (both required once either is set); when it names neither, as the
     * Databricks SDKs' unified authentication finds one (a ~/.databrickscfg profile, the Azure CLI, ...).
     */
    static DatabricksWorkspace.Builder admin(Map<String, String> env) {
        String token = env.get("DATABRICKS_TOKEN");
        if (!blank(token)) {
            return DatabricksWorkspace.builder().pat(token);
        }
        String clientId = env.get("DATABRICKS_CLIENT_ID");
        String clientSecret = env.get("DATABRICKS_CLIENT_SECRET");
        if (!blank(clientId) || !blank(clientSecret)) {
            return DatabricksWorkspace.builder().oauthM2m(clientId, clientSecret);
        }
        return DatabricksWorkspace.fromEnvironment();
    }

    private static int planAndRun(DataGraphSetup setup, Lakesetup lakesetup, DatabricksWorkspace workspace,
            RunOptions runOptions, boolean apply, boolean showSecret, PrintStream out) {
        out.println();
        out.println("== 1. Plan");
        Plan plan = setup.plan(lakesetup, workspace);
        out.print(PlanFormat.TEXT.render(plan));
        if (!apply) {
            return 0;
        }
        out.println();
        out.println("== 2. Apply");
        SetupResult result = setup.run(lakesetup, workspace, runOptions);
        out.println("  " + result.applyReport());
        out.println();
        out.println("== 3. Validate as the service principal");
        out.println(result.validation().map(ValidationReport::render).orElse("not validated: the principal's "
                + "application id is unknown because its creation failed"));
        out.println();
        out.println("== 4. Connection details to hand over");
        printDetails(result.connectionDetails(), showSecret, out);
        out.println();
        out.println("== 5. Plan again (empty when the workspace matches the recipe)");
        out.print(result.confirmationPlan().map(PlanFormat.TEXT::render)
                .orElse("not planned again: the apply did not succeed\n"));
        out.println();
        out.println(result.succeeded() ? "Setup succeeded." : "Setup did not succeed: see above.");
        return result.succeeded() ? 0 : 1;
    }

    private static void printDetails(ConnectionDetails details, boolean showSecret, PrintStream out) {
        out.println("  hostname      " + details.hostname());
        out.println("  port          " + details.port());
        out.println("  HTTP path     " + details.httpPath());
        out.println("  catalog       " + details.catalog());
        out.println("  client id     " + details.oauthClientId().map(Object::toString).orElse("(unknown)"));
        out.println("  OAuth secret  " + details.oauthSecret()
                .map(secret -> showSecret ? secret.reveal() + "  (shown once: store it now)" : Secret.MASK)
                .orElse("(not issued in this run: the principal already has one)"));
    }

    private static SecretSink sink(PrintStream out) {
        // A real integration stores the secret in its vault here.
        return credentials -> out.println("  new OAuth secret for " + credentials.clientId()
                + " handed to the secret sink: " + credentials.secret());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The names and switches of one run, from the command line. */
    static final class Settings {
        static final String USAGE = "usage: DataGraphExample [--apply] [--show-secret] [--principal NAME] "
                + "[--profiles-sync-catalog NAME] [--read-only-catalog NAME]... [--validate-table C.S.T]...";

        boolean apply;
        boolean showSecret;
        String principal = "segment-data-graph";
        String profilesSyncCatalog = "segment_profiles";
        final List<String> readOnlyCatalogs = new ArrayList<>();
        final List<String> validationTables = new ArrayList<>();

        static Settings parse(String[] args) {
            Settings settings = new Settings();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--apply" -> settings.apply = true;
                    case "--show-secret" -> settings.showSecret = true;
                    case "--principal" -> settings.principal = value(args, ++i);
                    case "--profiles-sync-catalog" -> settings.profilesSyncCatalog = value(args, ++i);
                    case "--read-only-catalog" -> settings.readOnlyCatalogs.add(value(args, ++i));
                    case "--validate-table" -> settings.validationTables.add(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
            }
            return settings;
        }

        private static String value(String[] args, int index) {
            if (index >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[index - 1]);
            }
            return args[index];
        }
    }
}
