package dev.lakesetup.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.model.Securable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static Change change(String id, String... dependsOn) {
        Set<ChangeId> dependencies = new TreeSet<>();
        for (String dependency : dependsOn) {
            dependencies.add(ChangeId.of(dependency));
        }
        return new GrantChange(ChangeId.of(id), Action.NO_OP, Securable.catalog("sales"), List.of(), dependencies);
    }

    private static List<String> ids(Plan plan) {
        return plan.changes().stream().map(change -> change.id().value()).toList();
    }

    @Test
    void of_whenNoDependencies_keepsTheGivenOrder() {
        Plan plan = Plan.of(List.of(change("c"), change("a"), change("b")));

        assertThat(ids(plan)).containsExactly("c", "a", "b");
    }

    @Test
    void of_whenChangeComesBeforeItsDependency_movesItAfterAndKeepsTheRestInOrder() {
        Plan plan = Plan.of(List.of(change("grant", "create", "other"), change("free"), change("create"),
                change("other"), change("last")));

        assertThat(ids(plan)).containsExactly("free", "create", "other", "last", "grant");
    }

    @Test
    void of_whenIdRepeats_throwsNamingIt() {
        assertThatThrownBy(() -> Plan.of(List.of(change("a"), change("b"), change("a"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("a").hasMessageContaining("twice");
    }

    @Test
    void of_whenDependencyIsNotInThePlan_throwsNamingIt() {
        assertThatThrownBy(() -> Plan.of(List.of(change("a"), change("b", "missing"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing");
    }

    @Test
    void of_whenDependenciesFormACycle_throwsListingItsChanges() {
        assertThatThrownBy(() -> Plan.of(List.of(change("free"), change("b", "a"), change("a", "b"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("[a, b]")
                .hasMessageContaining("cycle");
    }

    @Test
    void change_whenIdKnownOrNot_findsItInAPlanWithOrWithoutDependencies() {
        Plan flat = Plan.of(List.of(change("a"), change("b")));
        Plan ordered = Plan.of(List.of(change("b", "a"), change("a")));

        assertThat(flat.change(ChangeId.of("b"))).map(Change::id).contains(ChangeId.of("b"));
        assertThat(ordered.change(ChangeId.of("b"))).map(Change::dependsOn).contains(Set.of(ChangeId.of("a")));
        assertThat(ordered.change(ChangeId.of("a"))).isPresent();
        assertThat(flat.change(ChangeId.of("c"))).isEmpty();
        assertThat(flat.change(null)).isEmpty();
    }

    @Test
    void of_whenManyChangesInAChain_ordersAndFindsEveryOne() {
        List<Change> changes = new ArrayList<>();
        int n = 20_000;
        for (int i = n - 1; i > 0; i--) {
            changes.add(change("grant:schema:c" + i / 100 + ".s" + i % 100, "grant:schema:c" + (i - 1) / 100 + ".s"
                    + (i - 1) % 100));
        }
        changes.add(change("grant:schema:c0.s0"));

        Plan plan = Plan.of(changes);

        assertThat(plan.changes()).hasSize(n);
        assertThat(plan.changes().get(0).id().value()).isEqualTo("grant:schema:c0.s0");
        assertThat(plan.changes().get(n - 1).id().value()).isEqualTo("grant:schema:c199.s99");
        for (Change change : changes) {
            assertThat(plan.change(change.id())).containsSame(change);
        }
    }
}
