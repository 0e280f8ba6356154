package dev.lakesetup.core.record;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RunRecordTest {
    private static final Securable SALES = Securable.catalog("sales");
    private static final Principal ANALYSTS = Principal.group("analysts");

    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
    private final List<OAuthCredentials> sink = new CopyOnWriteArrayList<>();
    private final WorkspaceServicePrincipal principal = WorkspaceServicePrincipal.named("acme");
    private final ServicePrincipal named = principal.principal();
    private final Blueprint blueprint = Blueprint.builder()
            .resource(principal)
            .resource(OAuthSecret.forPrincipal(named, sink::add))
            .resource(Catalog.named("profiles"))
            .resource(Catalog.named("sales"))
            .grant(Grant.on(SALES).to(named).privileges(USE_CATALOG, SELECT))
            .grant(Grant.on(SALES).to(ANALYSTS).privileges(USE_CATALOG))
            .build();

    private RunRecord run() {
        Plan plan = lakesetup.plan(blueprint);
        ApplyReport report = lakesetup.apply(plan);
        return RunRecord.of(plan, report, Instant.parse("2026-12-06T05:00:00Z"));
    }

    @Test
    void of_whenSetupApplied_recordsCreatedAdoptedGrantedNewAndHeldBefore() {
        workspace.seed(Catalog.named("sales"));
        workspace.seedGrant(SALES, ANALYSTS, Set.of(USE_CATALOG));

        RunRecord record = run();

        assertThat(record.created()).containsExactly(ResourceId.of("catalog", "profiles"),
                ResourceId.of("oauth_secret", "named:acme"), ResourceId.of("service_principal", "named:acme"));
        assertThat(record.adopted()).containsExactly(ResourceId.of("catalog", "sales"));
        assertThat(record.grantedNew(SALES, named)).containsExactly(USE_CATALOG, SELECT);
        assertThat(record.grantedNew(SALES, ANALYSTS)).isEmpty();
        assertThat(record.heldBefore(SALES, ANALYSTS)).containsExactly(USE_CATALOG);
        assertThat(record.lakesetupVersion()).isNotBlank();
    }

    @Test
    void of_whenAChangeFailed_stillCountsItAsGivenByLakesetup() {
        // a failure may be a lost answer: the object may exist now, and only lakesetup could have made it, since the
        // plan found it absent; a teardown removes only what is present, so counting it is safe
        workspace.failNext(ChangeId.of("catalog:profiles"), new IllegalStateException("denied"));

        RunRecord record = run();

        assertThat(record.created()).contains(ResourceId.of("catalog", "profiles"));
        assertThat(record.adopted()).doesNotContain(ResourceId.of("catalog", "profiles"));
        assertThat(record.grantedNew(SALES, named)).containsExactly(USE_CATALOG, SELECT);
    }

    @Test
    void planned_beforeApplying_isTheRecordOfTheRunWhateverTheApplyDoes() {
        Plan plan = lakesetup.plan(blueprint);

        RunRecord planned = RunRecord.planned(plan, time.instant());
        RunRecord afterwards = RunRecord.of(plan, lakesetup.apply(plan), time.instant());

        assertThat(planned).isEqualTo(afterwards);
        assertThat(planned.created()).contains(ResourceId.of("catalog", "profiles"));
    }

    @Test
    void toJson_thenParse_isTheSameRecordAndHoldsNoSecret() {
        RunRecord record = run();

        String json = record.toJson();

        assertThat(RunRecord.parse(json)).isEqualTo(record);
        assertThat(RunRecord.parse(json).grantedNew(SALES, named)).containsExactly(USE_CATALOG, SELECT);
        assertThat(sink).hasSize(1);
        assertThat(json).doesNotContain(sink.get(0).secret().reveal()).doesNotContain("TOPSECRET")
                .contains("\"format\" : \"lakesetup-run-record\"").contains("\"version\" : 1");
    }

    @Test
    void parse_whenNotARunRecord_namesTheField() {
        assertThatThrownBy(() -> RunRecord.parse("not json")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> RunRecord.parse("{\"format\":\"lakesetup-plan\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("run record.format");
        assertThatThrownBy(() -> RunRecord.parse("{\"format\":\"lakesetup-run-record\",\"version\":9}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("run record.version")
                .hasMessageContaining("version 1 only");
        String noCreated = run().toJson().replace("\"created\"", "\"made\"");
        assertThatThrownBy(() -> RunRecord.parse(noCreated)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("run record.created");
    }

    @Test
    void merge_whenALaterRunFoundAPrivilegePresent_keepsItGrantedNew() {
        RunRecord first = run();
        RunRecord second = run();   // finds everything present: held before, in its own view

        RunRecord merged = first.merge(second);

        assertThat(second.grantedNew(SALES, named)).isEmpty();
        assertThat(merged.grantedNew(SALES, named)).containsExactly(USE_CATALOG, SELECT);
        assertThat(merged.heldBefore(SALES, named)).isEmpty();
        assertThat(merged.created()).contains(ResourceId.of("catalog", "profiles"));
        assertThat(merged.adopted()).doesNotContain(ResourceId.of("catalog", "profiles"));
    }

    @Test
    void merge_whenTheFirstRunFoundAPrivilegeHeld_keepsItHeldBefore() {
        workspace.seedGrant(SALES, ANALYSTS, Set.of(USE_CATALOG));
        RunRecord first = run();
        RunRecord later = RunRecord.parse(first.toJson().replace("\"heldBefore\"", "\"tmp\"")
                .replace("\"grantedNew\"", "\"heldBefore\"").replace("\"tmp\"", "\"grantedNew\""));

        RunRecord merged = first.merge(later);

        assertThat(merged.heldBefore(SALES, ANALYSTS)).containsExactly(USE_CATALOG);
        assertThat(merged.grantedNew(SALES, ANALYSTS)).isEmpty();
    }
}
