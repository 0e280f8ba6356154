package dev.lakesetup.core.plan;

import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyRefusedException;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.render.ChangeLines;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import dev.lakesetup.core.testing.InterceptingExecutor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Exclusive securables: read in full, and every undeclared privilege held is revoked as the service spells it. */
class ExclusiveGrantsTest {
    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
    private final ServicePrincipal sp = Principal.servicePrincipal(APP);
    private final Securable raw = Securable.schema("sales", "raw");

    private Blueprint exclusiveRaw() {
        return Blueprint.builder().grant(Grant.on(raw).to(sp).privileges(USE_SCHEMA)).exclusive(raw).build();
    }

    @Test
    void plan_whenExclusiveHoldsPrivilegeThatDoesNotApplyToItsType_revokesIt() {
        // BROWSE applies to catalogs and external locations as far as this release knows; the service says it is held
        workspace.seedGrant(raw, Principal.group("analysts"), Set.of(Privilege.observed("BROWSE", SecurableType.SCHEMA)));
        workspace.seedGrant(raw, sp, Set.of(USE_SCHEMA));

        Plan plan = lakesetup.plan(exclusiveRaw());

        GrantChange revoke = (GrantChange) plan.change(GrantChange.idOf(Action.REVOKE, raw)).orElseThrow();
        assertThat(revoke.action()).isEqualTo(Action.REVOKE);
        assertThat(revoke.privileges()).containsExactly(PrincipalPrivileges.of(Principal.group("analysts"),
                Set.of(Privilege.observed("BROWSE", SecurableType.SCHEMA))));
        assertThat(PlanFormat.SQL.render(plan)).contains("REVOKE BROWSE ON SCHEMA `sales`.`raw` FROM `analysts`");
    }

    @Test
    void plan_whenExclusiveHoldsUnknownPrivilege_revokesItAsSpelled() {
        workspace.seedGrant(raw, Principal.group("analysts"),
                Set.of(Privilege.observed("external_use_schema", SecurableType.SCHEMA)));

        Plan plan = lakesetup.plan(exclusiveRaw());

        assertThat(PlanFormat.SQL.render(plan)).contains("REVOKE EXTERNAL USE SCHEMA ON SCHEMA `sales`.`raw` FROM "
                + "`analysts`");
    }

    @Test
    void plan_whenExclusiveHoldsOddlySpelledPrivilege_isConflictNamingIt() {
        Privilege odd = Privilege.observed("SELECT; DROP\nX", SecurableType.SCHEMA);
        workspace.seedGrant(raw, Principal.group("analysts"), Set.of(odd));

        Plan plan = lakesetup.plan(exclusiveRaw());

        GrantChange change = (GrantChange) plan.change(GrantChange.idOf(Action.REVOKE, raw)).orElseThrow();
        assertThat(change.action()).isEqualTo(Action.CONFLICT);
        assertThat(change.privileges()).anySatisfy(entry -> assertThat(entry.privileges()).contains(odd));
        assertThat(ChangeLines.of(change)).anySatisfy(detail -> assertThat(detail)
                .contains("'SELECT; DROP\\u000aX'").contains("revoke it by hand"));
        assertThat(PlanFormat.SQL.render(plan)).doesNotContain("REVOKE").contains("-- CONFLICT, not applied");
        assertThat(PlanFormat.TEXT.render(plan)).contains("conflict");
        assertThatThrownBy(() -> lakesetup.apply(plan)).isInstanceOf(ApplyRefusedException.class);
    }

    @Test
    void plan_readsExclusiveSecurablesAsNeedingEveryGrant() {
        Map<Securable, Boolean> asked = new ConcurrentHashMap<>();
        InterceptingExecutor recording = new InterceptingExecutor(workspace) {
            @Override
            public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
                    ExecutionContext context) {
                securables.forEach(s -> asked.put(s, context.needsEveryGrant(s)));
                return super.readGrants(securables, context);
            }
        };
        Securable gold = Securable.schema("sales", "gold");
        Blueprint blueprint = Blueprint.builder().grant(Grant.on(raw).to(sp).privileges(USE_SCHEMA))
                .grant(Grant.on(gold).to(sp).privileges(USE_SCHEMA)).exclusive(raw).build();

        Lakesetup.builder().executor(recording).clock(time).sleeper(time).build().plan(blueprint);

        assertThat(asked).containsEntry(raw, true).containsEntry(gold, false);
    }

    /** Reads like information_schema as a MANAGE holder: only the caller's grants, unless every grant is asked for. */
    private InterceptingExecutor seeingOnlyOwnGrants(Principal caller) {
        return new InterceptingExecutor(workspace) {
            @Override
            public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
                    ExecutionContext context) {
                Map<Securable, List<PrincipalPrivileges>> all = super.readGrants(securables, context);
                Map<Securable, List<PrincipalPrivileges>> shown = new java.util.LinkedHashMap<>();
                all.forEach((securable, entries) -> shown.put(securable, context.needsEveryGrant(securable) ? entries
                        : entries.stream().filter(e -> e.principal().equals(caller)).toList()));
                return shown;
            }
        };
    }

    @Test
    void apply_whenBulkReadsHideGrantsGivenToOthers_confirmsThemByReadingInFull() {
        Lakesetup seeingLittle = Lakesetup.builder().executor(seeingOnlyOwnGrants(sp)).clock(time).sleeper(time)
                .retryPolicy(Fixtures.exactPolicy()).build();
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(raw).to(Principal.group("analysts")).privileges(USE_SCHEMA)).build();

        var report = seeingLittle.apply(seeingLittle.plan(blueprint));

        assertThat(report.isSuccess()).as(report.failures().toString()).isTrue();
    }

    @Test
    void plan_whenBulkReadsHideOtherGrants_stillRevokesThemOnExclusiveSecurable() {
        workspace.seedGrant(raw, Principal.group("analysts"), Set.of(Privilege.SELECT));
        Lakesetup seeingLittle = Lakesetup.builder().executor(seeingOnlyOwnGrants(sp)).clock(time).sleeper(time)
                .build();

        Plan plan = seeingLittle.plan(exclusiveRaw());

        assertThat(plan.change(GrantChange.idOf(Action.REVOKE, raw))).isPresent();
    }

    @Test
    void applySaved_whenBulkReadsHideOtherGrants_checksExclusiveSecurableInFullAndRevokes() {
        workspace.seedGrant(raw, Principal.group("analysts"), Set.of(Privilege.SELECT));
        Lakesetup seeingLittle = Lakesetup.builder().executor(seeingOnlyOwnGrants(sp)).clock(time).sleeper(time)
                .build();
        SavedPlan saved = SavedPlan.parse(seeingLittle.plan(exclusiveRaw()).savedJson());

        var report = seeingLittle.apply(saved, exclusiveRaw(), ApplyOptions.defaults().withRevokesAllowed());

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(workspace.privileges(raw, Principal.group("analysts"))).isEmpty();
    }

    @Test
    void applySaved_whenBlueprintNoLongerDeclaresTheSecurableExclusive_refusesItsRevokesAndRevokesNothing() {
        workspace.seedGrant(raw, Principal.group("analysts"), Set.of(Privilege.SELECT));
        SavedPlan saved = SavedPlan.parse(lakesetup.plan(exclusiveRaw()).savedJson());
        Blueprint additive = Blueprint.builder().grant(Grant.on(raw).to(sp).privileges(USE_SCHEMA)).build();

        assertThatThrownBy(() -> lakesetup.apply(saved, additive, ApplyOptions.defaults().withRevokesAllowed()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("revoke:schema:sales.raw revokes on schema sales.raw, which the blueprint does "
                        + "not declare exclusive");
        assertThat(workspace.privileges(raw, Principal.group("analysts"))).containsExactly(Privilege.SELECT);
    }
}
