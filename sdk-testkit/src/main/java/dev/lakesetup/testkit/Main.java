package dev.lakesetup.testkit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Serves the fakes as a local sandbox until the process is killed.
 *
 * <pre>
 * java -cp ... dev.lakesetup.testkit.Main [--port N] [--azure-port N] [--seed demo]
 * </pre>
 * Prints the workspace host, the admin token, the workspace and account ids, the Azure endpoints, tenant,
 * subscription and bearer token, and what was seeded.
 */
public final class Main {

    /**
     * Parsed command line.
     *
     * @param port port of the fake workspace (0 for a free one)
     * @param azurePort port of the fake Azure endpoints (0 for a free one)
     * @param seed name of the seed set, or null for empty fakes
     */
    record Options(int port, int azurePort, String seed) {

        static Options parse(String[] args) {
            int port = 0;
            int azurePort = 0;
            String seed = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--port" -> port = parsePort(value(args, ++i, arg), arg);
                    case "--azure-port" -> azurePort = parsePort(value(args, ++i, arg), arg);
                    case "--seed" -> {
                        seed = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                        if (!seed.equals("demo")) {
                            throw new IllegalArgumentException("--seed accepts only 'demo', was '" + seed + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + arg
                            + "'; usage: Main [--port N] [--azure-port N] [--seed demo]");
                }
            }
            return new Options(port, azurePort, seed);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String text, String option) {
            try {
                int p = Integer.parseInt(text);
                if (p < 0 || p > 65535) {
                    throw new NumberFormatException();
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a number 0..65535, was '" + text + "'", e);
            }
        }
    }

    private static final String DEMO_APP_ID = "5e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b";

    private Main() {
    }

    /**
     * Starts the fakes, prints how to reach them, and waits until the process is killed.
     *
     * @param args the command-line options
     * @throws InterruptedException when interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<AutoCloseable> running = start(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable fake : running) {
                try {
                    fake.close();
                } catch (Exception e) {
                    System.err.println("stopping " + fake + " failed: " + e);
                }
            }
            stopped.countDown();
        }, "lakesetup-testkit-shutdown"));
        stopped.await();
    }

    /** Starts every fake (the workspace, then the Azure endpoints) and describes them on {@code out}. */
    static List<AutoCloseable> start(Options options, PrintStream out) {
        List<AutoCloseable> running = new ArrayList<>();
        running.add(startWorkspace(options, out));
        running.add(startAzure(options, out));
        return running;
    }

    private static FakeAzure startAzure(Options options, PrintStream out) {
        FakeAzure.Builder builder = FakeAzure.builder().port(options.azurePort());
        boolean demo = "demo".equals(options.seed());
        if (demo) {
            builder.application(DEMO_APP_ID, "demo-vendor-app").storageAccount("demolake", "demo-rg");
        }
        FakeAzure azure = builder.build().start();
        out.println("Fake Azure (Microsoft Graph, Resource Manager, storage)");
        out.println("  graph / arm:   " + azure.baseUrl() + "/  (bearer token " + azure.accessToken() + ")");
        out.println("  tenant id:     " + azure.tenantId());
        out.println("  subscription:  " + azure.subscriptionId());
        if (demo) {
            out.println("  seeded:        application " + DEMO_APP_ID + " (a multi-tenant app without a service "
                    + "principal yet);");
            out.println("                 storage account demolake in resource group demo-rg at "
                    + azure.storageEndpoint("demolake") + " (shared key " + azure.storageAccountKey("demolake")
                    + ")");
        }
        return azure;
    }

    private static FakeWorkspace startWorkspace(Options options, PrintStream out) {
        FakeWorkspace.Builder builder = FakeWorkspace.builder().port(options.port());
        if ("demo".equals(options.seed())) {
            builder.warehouse("d3e0a1b2c3d4e5f6", "Demo warehouse");
        }
        FakeWorkspace ws = builder.build().start();
        out.println("Fake Databricks workspace");
        out.println("  host:          " + ws.host());
        out.println("  admin token:   " + ws.adminToken());
        out.println("  admin user:    " + ws.adminUser());
        out.println("  workspace id:  " + ws.workspaceId());
        out.println("  account id:    " + ws.accountId());
        out.println("  metastore id:  " + ws.metastoreId());
        if ("demo".equals(options.seed())) {
            ws.seedTable("demo.sales.orders", List.of("id INT", "item STRING", "amount DOUBLE"),
                    List.of(List.of(1, "apple", 1.5), List.of(2, "pear", 2.25), List.of(3, "plum", 0.75)));
            FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("demo-reader");
            ws.seedGrant("catalog", "demo", sp.applicationId(), "USE CATALOG");
            ws.seedGrant("schema", "demo.sales", sp.applicationId(), "USE SCHEMA", "SELECT");
            out.println("  seeded:        warehouse d3e0a1b2c3d4e5f6; catalog demo, schema demo.sales, table "
                    + "demo.sales.orders (3 rows);");
            out.println("                 service principal demo-reader (application id " + sp.applicationId()
                    + ", SCIM id " + sp.id() + ") with USE CATALOG on demo and USE SCHEMA, SELECT on demo.sales;");
            out.println("                 create an OAuth secret for it with POST "
                    + "/api/2.0/accounts/servicePrincipals/" + sp.id() + "/credentials/secrets");
        }
        return ws;
    }
}
