package dev.lakesetup.examples;

import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.render.UnityCatalogSql;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the SQL of the Data Graph setup procedure (steps 2 to 5 and the conditional reverse-ETL grant), built with
 * lakesetup's model and rendered in canonical Unity Catalog form. Nothing is sent anywhere: this is a dry run.
 *
 * <p>The service principal is declared by display name, as lakesetup would create it, so its application id
 * appears as a placeholder.
 */
public final class DataGraphDryRun {
    private static final UnityCatalogSql SQL = UnityCatalogSql.standard()
            .withUnresolvedPrincipalsAs(sp -> "${application id of " + sp.displayName().orElseThrow() + "}");
    private DataGraphDryRun() {
    }

    /**
     * Declares the Data Graph procedure as a blueprint.
     *
     * @param principal the service principal that receives the grants
     * @return the blueprint
     */
    public static Blueprint blueprint(ServicePrincipal principal) {
        String bookkeeping = "SEGMENT_LINKED_PROFILES_DB";
        Blueprint.Builder builder = Blueprint.builder()
                // Step 2: a catalog for checkpoint tables, writable by the principal.
                .resource(Catalog.named(bookkeeping).comment("Segment Data Graph bookkeeping"))
                .grant(Grant.on(Securable.catalog(bookkeeping)).to(principal)
                        .privileges(Privilege.USE_CATALOG, Privilege.CREATE_SCHEMA, Privilege.SELECT));
        // Steps 3 and 4: read-only on the Profiles Sync catalog and on each additional catalog.
        for (String catalog : List.of("segment_profiles", "marketing")) {
            builder.grant(Grant.on(Securable.catalog(catalog)).to(principal)
                    .privileges(Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT));
        }
        // Step 5: read-only restricted to chosen schemas instead of a whole catalog.
        builder.grant(Grant.on(Securable.catalog("sales")).to(principal).privileges(Privilege.USE_CATALOG));
        for (String schema : List.of("orders", "customers")) {
            builder.grant(Grant.on(Securable.schema("sales", schema)).to(principal)
                    .privileges(Privilege.USE_SCHEMA, Privilege.SELECT));
        }
        return builder.build();
    }

    /**
     * Declares the guide's extra grant for a bookkeeping catalog where Reverse ETL already ran: all privileges on
     * its {@code __segment_reverse_etl} schema. It applies only when that schema exists.
     *
     * @param principal the service principal
     * @return the grant
     */
    public static Grant reverseEtlGrant(ServicePrincipal principal) {
        return Grant.on(Securable.schema("SEGMENT_LINKED_PROFILES_DB", "__segment_reverse_etl")).to(principal)
                .privileges(Privilege.ALL_PRIVILEGES);
    }

    /**
     * Renders a blueprint's catalogs and grants as a SQL script, one statement per line.
     *
     * @param blueprint the blueprint
     * @return the statements
     */
    public static List<String> script(Blueprint blueprint) {
        List<String> statements = new ArrayList<>();
        for (Resource resource : blueprint.resources()) {
            if (resource instanceof Catalog catalog) {
                statements.add(SQL.createCatalog(catalog) + ";");
            }
        }
        for (Grant grant : blueprint.grants()) {
            statements.add(SQL.grant(grant) + ";");
        }
        return statements;
    }

    /**
     * Prints the script.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        out.println("-- Data Graph setup, rendered by lakesetup (dry run: nothing is sent)");
        ServicePrincipal principal = ServicePrincipal.named("segment-data-graph");
        script(blueprint(principal)).forEach(out::println);
        out.println("-- Only if Reverse ETL already created its schema in the bookkeeping catalog:");
        out.println(SQL.grant(reverseEtlGrant(principal)) + ";");
    }
}
