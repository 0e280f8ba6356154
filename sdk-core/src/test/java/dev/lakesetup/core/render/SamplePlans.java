package dev.lakesetup.core.render;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.Setting;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.plan.SettingChange;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plans made by hand, in the planner's order, with one change of every action and every kind of value. */
final class SamplePlans {
    static final String CLIENT_SECRET = "AZURE-CLIENT-SECRET-VALUE";
    static final ApplicationId APP = ApplicationId.of("9f0c3a52-1b7e-4c55-8d0a-2f1e6b9c7d41");
    static final ApplicationId GRAPH = ApplicationId.of("0b6a5c1e-7d2f-4e8a-9c3b-1f2e3d4c5b6a");
    static final String DELETED_ID = "1234567890";

    private SamplePlans() {
    }

    /** Every action: update, create with a secret, members update, grant, revoke, conflict, no-op. */
    static Plan representative() {
        Catalog sales = Catalog.named("sales").comment("it's new");
        ResourceChange update = new ResourceChange(ResourceChange.idOf(sales), Action.UPDATE, sales,
                List.of(new SettingChange(Setting.mutable("comment", "it's new"), Set.of("old"), Set.of())),
                Set.of());
        StorageCredential credential = StorageCredential.named("cred", new StorageIdentity.AzureServicePrincipal(
                "3f1c2a52-1b7e-4c55-8d0a-2f1e6b9c7d41", APP, Secret.of(CLIENT_SECRET)));
        ResourceChange create = ResourceChange.create(credential, Set.of());
        WorkspaceServicePrincipal graph = WorkspaceServicePrincipal.named("graph")
                .entitlements(Entitlement.WORKSPACE_ACCESS, Entitlement.DATABRICKS_SQL_ACCESS);
        ResourceChange members = new ResourceChange(ResourceChange.idOf(graph), Action.UPDATE, graph,
                List.of(new SettingChange(graph.settings().get(0), Set.of("workspace-access"),
                        Set.of("databricks-sql-access"))), Set.of());
        Securable catalog = Securable.catalog("sales");
        GrantChange grant = new GrantChange(GrantChange.idOf(Action.GRANT, catalog), Action.GRANT, catalog,
                List.of(PrincipalPrivileges.of(graph.principal(), Set.of(Privilege.USE_CATALOG, Privilege.SELECT)),
                        PrincipalPrivileges.of(Principal.user("ana@example.com"), Set.of(Privilege.USE_CATALOG))),
                Set.of(update.id(), members.id()));
        GrantChange revoke = new GrantChange(GrantChange.idOf(Action.REVOKE, catalog), Action.REVOKE, catalog,
                List.of(PrincipalPrivileges.of(Principal.group("legacy"), Set.of(Privilege.SELECT)),
                        PrincipalPrivileges.of(DeletedPrincipal.of(DELETED_ID), Set.of(Privilege.USE_CATALOG))),
                Set.of(update.id()));
        ExternalLocation landing = ExternalLocation.named("landing", "abfss://c@acct.dfs.core.windows.net/new",
                "cred");
        ResourceChange conflict = new ResourceChange(ResourceChange.idOf(landing), Action.CONFLICT, landing,
                List.of(new SettingChange(landing.settings().get(0),
                        Set.of("abfss://c@acct.dfs.core.windows.net/old"), Set.of())), Set.of(create.id()));
        Catalog kept = Catalog.named("kept");
        ResourceChange noOp = new ResourceChange(ResourceChange.idOf(kept), Action.NO_OP, kept, List.of(), Set.of());
        return Plan.of(List.of(update, create, members, grant, revoke, conflict, noOp),
                Map.of(graph.principal(), GRAPH));
    }

    /**
     * A plan whose service-provided values carry the text (a live setting, a privilege and a deleted principal's
     * as the service spelled them) and a group name and a deleted principal's id with bidi controls (names allow no
     * control character).
     */
    static Plan hostile(String text) {
        Catalog sales = Catalog.named("sales").comment("fine");
        ResourceChange update = new ResourceChange(ResourceChange.idOf(sales), Action.UPDATE, sales,
                List.of(new SettingChange(Setting.mutable("comment", "fine"), Set.of(text), Set.of())), Set.of());
        Securable catalog = Securable.catalog("sales");
        // a privilege no statement may carry makes the revoke a conflict, as the planner plans it
        GrantChange revoke = new GrantChange(GrantChange.idOf(Action.REVOKE, catalog), Action.CONFLICT, catalog,
                List.of(PrincipalPrivileges.of(Principal.group("ops\u202egroup"), Set.of(Privilege.observed(text,
                        catalog.type()))), PrincipalPrivileges.of(DeletedPrincipal.of("42\u202e1;\u2066x"),
                        Set.of(Privilege.SELECT))),
                Set.of(update.id()));
        return Plan.of(List.of(update, revoke));
    }
}
