package dev.lakesetup.core.teardown;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What a teardown deletes without being named: only what the record says lakesetup created for the setup's service
 * principal (without a record, only what belongs to a principal the blueprint creates); never another principal's
 * warehouse permission, never the secrets of a principal lakesetup did not create.
 */
class TeardownDeletionRulesTest {
    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time).deletable(OAuthSecret.class,
            WarehousePermission.class, WorkspaceServicePrincipal.class);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
    private final List<OAuthCredentials> sink = new CopyOnWriteArrayList<>();
    private final WorkspaceServicePrincipal principal = WorkspaceServicePrincipal.named("acme-graph")
            .entitlements(Entitlement.DATABRICKS_SQL_ACCESS);
    private final ServicePrincipal named = principal.principal();
    private final WarehousePermission ownPermission = WarehousePermission.canUse("wh1", named);
    private final WarehousePermission groupPermission = WarehousePermission.canUse("wh1",
            Principal.group("analysts"));
    private final OAuthSecret secret = OAuthSecret.forPrincipal(named, sink::add);

    private RunRecord setUp(Blueprint blueprint) {
        Plan plan = lakesetup.plan(blueprint);
        RunRecord record = RunRecord.planned(plan, time.instant());
        ApplyReport report = lakesetup.apply(plan);
        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        return record;
    }

    @Test
    void teardown_whenPrincipalExistsAndNoRecord_deletesNothingOfItAndSaysWhy() {
        ServicePrincipal existing = Principal.servicePrincipal(InMemoryWorkspace.idFor("vendor-app"));
        workspace.seedPrincipal("vendor-app", InMemoryWorkspace.idFor("vendor-app"));
        Blueprint blueprint = Blueprint.builder()
                .resource(OAuthSecret.forPrincipal(existing, sink::add))
                .resource(WarehousePermission.canUse("wh1", existing))
                .grant(Grant.on(TeardownTest.SALES).to(existing).privileges(USE_CATALOG)).build();
        setUp(blueprint);

        Plan plan = lakesetup.teardown(blueprint, TeardownOptions.defaults());

        assertThat(TeardownTest.ids(plan, Action.DELETE)).isEmpty();
        assertThat(plan.notes()).filteredOn(note -> note.contains("without a record lakesetup cannot tell"))
                .hasSize(2);
    }

    @Test
    void teardown_whenWarehousePermissionIsForAGroup_deletesItOnlyWhenNamed() {
        Blueprint blueprint = Blueprint.builder().resource(principal).resource(ownPermission)
                .resource(groupPermission).build();
        RunRecord record = setUp(blueprint);

        Plan withRecord = lakesetup.teardown(blueprint, TeardownOptions.defaults().record(record));
        Plan withoutRecord = lakesetup.teardown(blueprint, TeardownOptions.defaults());
        Plan named = lakesetup.teardown(blueprint, TeardownOptions.defaults().record(record)
                .delete(groupPermission));

        assertThat(TeardownTest.ids(withRecord, Action.DELETE)).containsExactly(ownPermission.id().toString());
        assertThat(withRecord.notes()).anyMatch(note -> note.contains("it is not for the setup's service principal"));
        assertThat(TeardownTest.ids(withoutRecord, Action.DELETE)).containsExactly(ownPermission.id().toString());
        assertThat(TeardownTest.ids(named, Action.DELETE)).contains(groupPermission.id().toString());
    }

    @Test
    void teardown_withRecord_deletesOnlyWhatTheRecordListsAsCreated() {
        RunRecord record = setUp(Blueprint.builder().resource(principal).build());
        workspace.seed(ownPermission);   // given by hand, not by lakesetup
        Blueprint blueprint = Blueprint.builder().resource(principal).resource(ownPermission).build();

        Plan plan = lakesetup.teardown(blueprint, TeardownOptions.defaults().record(record));

        assertThat(TeardownTest.ids(plan, Action.DELETE)).isEmpty();
        assertThat(plan.notes()).anyMatch(note -> note.contains("does not list it as created"));
    }

    @Test
    void teardown_whenPrincipalExistedBefore_leavesItsSecretsSoAHandMadeOneSurvives() {
        workspace.seed(principal);   // the principal existed, with a secret made by hand
        Blueprint blueprint = Blueprint.builder().resource(principal).resource(secret).build();
        RunRecord record = setUp(blueprint);
        assertThat(record.created()).containsExactly(secret.id());

        Plan plan = lakesetup.teardown(blueprint, TeardownOptions.defaults().record(record));
        lakesetup.apply(plan, TeardownTest.teardownOptions());

        assertThat(TeardownTest.ids(plan, Action.DELETE)).isEmpty();
        assertThat(workspace.object(secret.id())).isPresent();
        assertThat(plan.notes()).anyMatch(note -> note.contains("removes every OAuth secret of the principal"));
    }

    @Test
    void teardown_whenRecordSaysLakesetupCreatedThePrincipal_deletesItsSecrets() {
        Blueprint blueprint = Blueprint.builder().resource(principal).resource(secret).build();
        RunRecord record = setUp(blueprint);

        Plan plan = lakesetup.teardown(blueprint, TeardownOptions.defaults().record(record));

        assertThat(TeardownTest.ids(plan, Action.DELETE)).containsExactly(secret.id().toString());
        assertThat(record.created()).contains(ResourceId.of("service_principal", "named:acme-graph"));
    }
}
