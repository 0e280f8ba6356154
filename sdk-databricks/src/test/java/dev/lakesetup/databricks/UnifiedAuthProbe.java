package dev.lakesetup.databricks;

/**
 * Run by {@link UnifiedAuthTest} in a child JVM whose environment the test sets exactly: builds a workspace with
 * {@code DatabricksWorkspace.fromEnvironment()} or {@code profile(name)}, reads one catalog as the resolved
 * principal and prints the host, the description and the JDBC settings (all masked) for the test to check.
 */
public final class UnifiedAuthProbe {
    private UnifiedAuthProbe() {
    }

    /**
     * Probes.
     *
     * @param args {@code env} or {@code profile:NAME}, then the catalog to read
     */
    public static void main(String[] args) {
        DatabricksWorkspace.Builder builder = args[0].startsWith("profile:")
                ? DatabricksWorkspace.profile(args[0].substring("profile:".length()))
                : DatabricksWorkspace.fromEnvironment();
        DatabricksWorkspace workspace = builder.plainHttpForTesting().warehouseId("wh1").build();
        System.out.println("host=" + workspace.host());
        System.out.println("workspace=" + workspace);
        System.out.println("catalog=" + workspace.adminClient().catalogs().get(args[1]).getName());
        try {
            System.out.println("jdbc=" + workspace.jdbc().plainHttpForTesting().build());
        } catch (IllegalStateException e) {
            System.out.println("jdbc-error=" + e.getMessage());
        }
    }
}
