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
 * java -cp ... dev.lakesetup.testkit.Main [--port N] [--seed demo]
 * </pre>
 * Prints the host, the admin token, the workspace and account ids and what was seeded.
 */
public final class Main {

    /**
     * Parsed command line.
     *
     * @param port port of the fake workspace (0 for a free one)
     * @param seed name of the seed set, or null for an empty workspace
     */
    record Options(int port, String seed) {

        static Options parse(String[] args) {
            int port = 0;
            String seed = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--port" -> port = parsePort(value(args, ++i, arg));
                    case "--seed" -> {
                        seed = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                        if (!seed.equals("demo")) {
                            throw new IllegalArgumentException("--seed accepts only 'demo', was '" + seed + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + arg
                            + "'; usage: Main [--port N] [--seed demo]");
                }
            }
            return new Options(port, seed);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String text) {
            try {
                int p = Integer.parseInt(text);
                if (p < 0 || p > 65535) {
                    throw new NumberFormatException();
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number 0..65535, was '" + text + "'", e);
            }
        }
    }

    private Main() {
    }

    /** Starts the fakes, prints how to reach them, and waits until the process is killed. */
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

    /** Starts every fake (today the workspace; further fakes add themselves here) and describes them on {@code out}. */
    static List<AutoCloseable> start(Options options, PrintStream out) {
        List<AutoCloseable> running = new ArrayList<>();
        running.add(startWorkspace(options, out));
        return running;
    }

    private static FakeWorkspace startWorkspace(Options options, PrintStream out) {
        FakeWorkspace.Builder builder = FakeWorkspace.builder().port(options.port());
        if ("demo".equals(options.seed())) {
            builder.warehouse("demo-warehouse", "Demo warehouse");
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
            out.println("  seeded:        warehouse demo-warehouse; catalog demo, schema demo.sales, table "
                    + "demo.sales.orders (3 rows);");
            out.println("                 service principal demo-reader (application id " + sp.applicationId()
                    + ", SCIM id " + sp.id() + ") with USE CATALOG on demo and USE SCHEMA, SELECT on demo.sales;");
            out.println("                 create an OAuth secret for it with POST "
                    + "/api/2.0/accounts/servicePrincipals/" + sp.id() + "/credentials/secrets");
        }
        return ws;
    }
}
