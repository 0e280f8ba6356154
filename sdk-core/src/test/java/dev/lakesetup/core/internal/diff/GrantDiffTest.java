package dev.lakesetup.core.internal.diff;

import static dev.lakesetup.core.model.Privilege.CREATE_SCHEMA;
import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantDiffTest {
    private static final Securable SALES = Securable.catalog("sales");

    /** A service may list one principal in several entries, spelled differently: they count together. */
    private static final Map<Securable, List<PrincipalPrivileges>> SPLIT = Map.of(SALES, List.of(
            PrincipalPrivileges.of(Principal.group("Readers"), Set.of(USE_CATALOG)),
            PrincipalPrivileges.of(Principal.group("writers"), Set.of(CREATE_SCHEMA)),
            PrincipalPrivileges.of(Principal.group("readers"), Set.of(SELECT))));

    private static List<Change> diff(Blueprint blueprint) {
        return new GrantDiff(blueprint, Map.of()).changes(SPLIT);
    }

    @Test
    void changes_whenPrincipalHoldsPrivilegesInSeveralLiveEntries_countsThemTogether() {
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(SALES).to(Principal.group("READERS")).privileges(USE_CATALOG, SELECT)).build();

        List<Change> changes = diff(blueprint);

        assertThat(changes).extracting(Change::action).containsExactly(Action.NO_OP);
    }

    @Test
    void changes_whenOnlySomePrivilegesHeldAcrossEntries_grantsTheRest() {
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(SALES).to(Principal.group("readers")).privileges(USE_CATALOG, SELECT, CREATE_SCHEMA))
                .build();

        GrantChange grant = (GrantChange) diff(blueprint).get(0);

        assertThat(grant.action()).isEqualTo(Action.GRANT);
        assertThat(grant.privileges()).containsExactly(
                PrincipalPrivileges.of(Principal.group("readers"), Set.of(CREATE_SCHEMA)));
    }

    @Test
    void changes_whenExclusive_revokesEachPrincipalOnceNamedAsOnTheSecurable() {
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(SALES).to(Principal.group("readers")).privileges(SELECT))
                .exclusive(SALES).build();

        List<Change> changes = diff(blueprint);

        GrantChange revoke = (GrantChange) changes.get(1);
        assertThat(revoke.action()).isEqualTo(Action.REVOKE);
        assertThat(revoke.privileges()).containsExactly(
                PrincipalPrivileges.of(Principal.group("Readers"), Set.of(USE_CATALOG)),
                PrincipalPrivileges.of(Principal.group("writers"), Set.of(CREATE_SCHEMA)));
        assertThat(revoke.privileges().get(0).principal().grantName()).isEqualTo("Readers");
    }

    @Test
    void changes_whenSecurableGetsSeveralGrants_listsThemInOneChangeInBlueprintOrder() {
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(SALES).to(Principal.group("analysts")).privileges(SELECT))
                .grant(Grant.on(SALES).to(Principal.group("auditors")).privileges(USE_CATALOG))
                .grant(Grant.on(SALES).to(Principal.group("admins")).privileges(CREATE_SCHEMA))
                .build();

        List<Change> changes = diff(blueprint);

        assertThat(changes).hasSize(1);
        assertThat(((GrantChange) changes.get(0)).privileges()).extracting(entry -> entry.principal().grantName())
                .containsExactly("analysts", "auditors", "admins");
    }
}
