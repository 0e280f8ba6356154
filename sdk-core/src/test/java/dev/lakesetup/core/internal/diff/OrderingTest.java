package dev.lakesetup.core.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ordering rule: ready changes in the order they became ready, ties in blueprint order. */
class OrderingTest {

    private static Change change(String name, String... dependsOn) {
        Set<ChangeId> dependencies = new java.util.TreeSet<>();
        for (String dependency : dependsOn) {
            dependencies.add(ChangeId.of("catalog:" + dependency));
        }
        return ResourceChange.create(Catalog.named(name), dependencies);
    }

    private static List<String> names(List<Change> changes) {
        return changes.stream().map(change -> change.id().value().substring("catalog:".length())).toList();
    }

    @Test
    void topological_placesAChangeWhenItBecomesReady_afterThoseReadyBefore() {
        List<Change> given = List.of(change("b", "a"), change("a"), change("c"), change("d", "b"), change("e"));

        assertThat(names(Ordering.topological(given))).containsExactly("a", "c", "e", "b", "d");
    }

    @Test
    void topological_ofAnOrderedList_leavesItAsItIs() {
        List<Change> ordered = Ordering.topological(List.of(change("x", "y"), change("y"), change("z", "x")));

        assertThat(Ordering.topological(ordered)).isEqualTo(ordered);
    }

    @Test
    void topological_whenDependenciesFormACycle_namesTheChangesInIt() {
        assertThatThrownBy(() -> Ordering.topological(List.of(change("a", "b"), change("b", "a"), change("c"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("catalog:a")
                .hasMessageContaining("catalog:b").hasMessageContaining("cycle");
    }

    @Test
    void topological_whenADependencyIsNotAChange_namesIt() {
        assertThatThrownBy(() -> Ordering.topological(List.of(change("a", "ghost"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("catalog:ghost");
    }
}
