package dev.lakesetup.examples;

import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.databricks.ReverseEtlSourceSetup;
import java.io.PrintStream;
import java.util.Map;

/**
 * Runs the Reverse ETL source setup (OAuth M2M): a service principal with an OAuth secret, "Can use" on a SQL
 * warehouse, read access to the schemas the models read, and CREATE SCHEMA on the catalog so the vendor creates its
 * bookkeeping schema. Offline against a fake workspace seeded with sample tables unless {@code DATABRICKS_HOST} is
 * set (see {@link DataGraphExample} for the sign-in variables); plans only unless {@code --apply} is given.
 */
public final class ReverseEtlSourceExample {

    private ReverseEtlSourceExample() {
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
        return RecipeStory.tell("the Reverse ETL source setup", args, env, out, SampleData::seed,
                (warehouse, vault) -> {
                    ReverseEtlSourceSetup setup = recipe(warehouse, vault);
                    return new RecipeStory.Recipe(setup::plan, setup::run);
                });
    }

    /**
     * Declares the Reverse ETL source as the README shows it.
     *
     * @param warehouseId the SQL warehouse the principal may use
     * @param vault where the new OAuth secret goes
     * @return the recipe
     */
    static ReverseEtlSourceSetup recipe(String warehouseId, SecretSink vault) {
        return ReverseEtlSourceSetup.builder()
                .servicePrincipalNamed("segment-reverse-etl")
                .warehouse(warehouseId)
                .readSchemas("sales", "orders", "customers")
                .vendorCreatesSchemaIn("sales")
                .validateWithTables(SampleData.ORDERS_TABLE)
                .secretSink(vault)
                .build();
    }
}
