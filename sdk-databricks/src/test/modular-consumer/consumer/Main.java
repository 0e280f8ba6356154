package consumer;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.SqlExecutor;

/** Plans one blueprint through the REST executor and through the SQL executor, and prints both summaries. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the plans.
     *
     * @param args the workspace URL, an admin token and a warehouse id
     */
    public static void main(String[] args) {
        DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(args[0]).plainHttpForTesting().pat(args[1]).warehouseId(args[2])
                .build();
        Blueprint blueprint = Blueprint.builder()
                .resource(Catalog.named("modular_app").comment("made on the module path"))
                .grant(Grant.on(Securable.catalog("modular_app")).to(Principal.group("analysts"))
                        .privileges(Privilege.USE_CATALOG))
                .build();
        Lakesetup rest = Lakesetup.builder().executor(workspace.restExecutor()).build();
        System.out.println("rest: " + rest.plan(blueprint).summary());
        try (SqlExecutor sql = workspace.sqlExecutor()) {
            Lakesetup viaSql = Lakesetup.builder().executor(sql).build();
            System.out.println("sql: " + viaSql.plan(blueprint).summary());
        }
    }
}
