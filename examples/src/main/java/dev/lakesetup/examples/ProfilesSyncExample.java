package dev.lakesetup.examples;

import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.databricks.ProfilesSyncSetup;
import java.io.PrintStream;
import java.util.Map;

/**
 * Runs the Profiles Sync setup (OAuth M2M): a service principal with an OAuth secret and the SQL access
 * entitlement, "Can use" on a SQL warehouse, and on the target catalog USE CATALOG, USE SCHEMA, MODIFY, SELECT,
 * CREATE SCHEMA and CREATE TABLE. Offline against a fake workspace unless {@code DATABRICKS_HOST} is set (see
 * {@link DataGraphExample} for the sign-in variables); plans only unless {@code --apply} is given.
 */
public final class ProfilesSyncExample {

    private ProfilesSyncExample() {
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
        return RecipeStory.tell("the Profiles Sync setup", args, env, out, fake -> { },
                (warehouse, vault) -> {
                    ProfilesSyncSetup setup = recipe(warehouse, vault);
                    return new RecipeStory.Recipe(setup::plan, setup::run);
                });
    }

    /**
     * Declares the Profiles Sync access as the README shows it.
     *
     * @param warehouseId the SQL warehouse the principal may use
     * @param vault where the new OAuth secret goes
     * @return the recipe
     */
    static ProfilesSyncSetup recipe(String warehouseId, SecretSink vault) {
        return ProfilesSyncSetup.builder()
                .servicePrincipalNamed("segment-profiles-sync")
                .warehouse(warehouseId)
                .catalog("segment_profiles")
                .secretSink(vault)
                .build();
    }
}
