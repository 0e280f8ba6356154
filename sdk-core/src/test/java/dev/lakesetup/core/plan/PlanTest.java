package dev.lakesetup.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
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
    void of_whenChangesFollowTheirDependencies_keepsTheGivenOrder() {
        Plan plan = Plan.of(List.of(change("free"), change("create"), change("other"), change("last"),
                change("grant", "create", "other")));

        assertThat(ids(plan)).containsExactly("free", "create", "other", "last", "grant");
    }

    @Test
    void of_whenChangeComesBeforeItsDependency_throwsNamingBoth() {
        // the planner orders a plan; a plan never reorders what it is given
        assertThatThrownBy(() -> Plan.of(List.of(change("grant", "create"), change("free"), change("create"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dependency of grant")
                .hasMessageContaining("create").hasMessageContaining("comes after")
                .hasMessageContaining("dependency order");
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
    void of_whenDependenciesFormACycle_throwsBecauseNoOrderCanBeGiven() {
        assertThatThrownBy(() -> Plan.of(List.of(change("free"), change("b", "a"), change("a", "b"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dependency of b")
                .hasMessageContaining("comes after");
    }

    @Test
    void of_whenChangeDependsOnItself_throws() {
        assertThatThrownBy(() -> Plan.of(List.of(change("a", "a"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dependency of a")
                .hasMessageContaining("comes at");
    }

    @Test
    void change_whenIdKnownOrNot_findsItInAPlanWithOrWithoutDependencies() {
        Plan flat = Plan.of(List.of(change("a"), change("b")));
        Plan ordered = Plan.of(List.of(change("a"), change("b", "a")));

        assertThat(flat.change(ChangeId.of("b"))).map(Change::id).contains(ChangeId.of("b"));
        assertThat(ordered.change(ChangeId.of("b"))).map(Change::dependsOn).contains(Set.of(ChangeId.of("a")));
        assertThat(ordered.change(ChangeId.of("a"))).isPresent();
        assertThat(flat.change(ChangeId.of("c"))).isEmpty();
        assertThat(flat.change(null)).isEmpty();
    }

    @Test
    void of_whenManyChangesInAChain_keepsAndFindsEveryOne() {
        List<Change> changes = new ArrayList<>();
        int n = 20_000;
        changes.add(change("grant:schema:c0.s0"));
        for (int i = 1; i < n; i++) {
            changes.add(change("grant:schema:c" + i / 100 + ".s" + i % 100, "grant:schema:c" + (i - 1) / 100 + ".s"
                    + (i - 1) % 100));
        }

        Plan plan = Plan.of(changes);

        assertThat(plan.changes()).hasSize(n);
        assertThat(plan.changes().get(0).id().value()).isEqualTo("grant:schema:c0.s0");
        assertThat(plan.changes().get(n - 1).id().value()).isEqualTo("grant:schema:c199.s99");
        for (Change change : changes) {
            assertThat(plan.change(change.id())).containsSame(change);
        }
    }

    @Test
    void toString_isShort_andNamesTheSummaryOnly() {
        Plan plan = Plan.of(List.of(change("a"), change("b", "a")));

        assertThat(plan.toString()).startsWith("Plan[").contains("2 unchanged").doesNotContain("catalog");
    }
}
