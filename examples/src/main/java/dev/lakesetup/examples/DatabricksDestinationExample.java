package dev.lakesetup.examples;

import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.databricks.DatabricksDestinationSetup;
import java.io.PrintStream;
import java.util.Map;

/**
 * Runs the Databricks destination setup (any cloud, OAuth M2M): a service principal with an OAuth secret, a catalog
 * with ALL PRIVILEGES for it, "Can use" on a SQL warehouse, and the check that the workspace's IP access lists admit
 * the vendor's ranges. Offline against a fake workspace unless {@code DATABRICKS_HOST} is set (see
 * {@link DataGraphExample} for the sign-in variables); plans only unless {@code --apply} is given.
 */
public final class DatabricksDestinationExample {
    /** Example ranges from the documentation blocks; use the vendor's published list. */
    static final String[] VENDOR_RANGES = {"192.0.2.0/28", "198.51.100.16/28"};

    private DatabricksDestinationExample() {
    }

    /**
     * Runs the example; exits with 0 when the setup succeeded (or was only planned), 1 when not, 2 for bad input.
     *
     * @param args {@code --apply} to change a real workspace
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
        return RecipeStory.tell("the Databricks destination setup", args, env, out,
                fake -> fake.network().enableIpAccessLists(true)
                        .seedIpAccessList("office and vendors", "ALLOW", true, "203.0.113.0/24", "192.0.2.0/28",
                                "198.51.100.0/24"),
                (warehouse, vault) -> {
                    DatabricksDestinationSetup setup = recipe(warehouse, vault);
                    return new RecipeStory.Recipe(setup::plan, setup::run);
                });
    }

    /**
     * Declares the destination as the README shows it.
     *
     * @param warehouseId the SQL warehouse the principal may use
     * @param vault where the new OAuth secret goes
     * @return the recipe
     */
    static DatabricksDestinationSetup recipe(String warehouseId, SecretSink vault) {
        return DatabricksDestinationSetup.builder()
                .servicePrincipalNamed(DatabricksDestinationSetup.DEFAULT_DISPLAY_NAME)
                .warehouse(warehouseId)
                .catalog("segment_events")
                .vendorIpRanges(VENDOR_RANGES)
                .secretSink(vault)
                .build();
    }
}
