package dev.lakesetup.core.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.Securable;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerBatchesTest {

    @Test
    void grantBatches_splitsEachTypeByTheSizeAndKeepsTheOrder() {
        List<Securable> all = List.of(Securable.catalog("a"), Securable.schema("a", "x"), Securable.catalog("b"),
                Securable.schema("a", "y"), Securable.catalog("c"), Securable.schema("a", "z"));

        List<List<Securable>> batches = Planner.grantBatches(all, 2);

        assertThat(batches).containsExactly(
                List.of(Securable.catalog("a"), Securable.catalog("b")), List.of(Securable.catalog("c")),
                List.of(Securable.schema("a", "x"), Securable.schema("a", "y")), List.of(Securable.schema("a", "z")));
    }

    @Test
    void grantBatches_whenSizeIsBelowOne_usesOne() {
        List<Securable> all = List.of(Securable.catalog("a"), Securable.catalog("b"));

        assertThat(Planner.grantBatches(all, 0)).containsExactly(List.of(Securable.catalog("a")),
                List.of(Securable.catalog("b")));
    }
}
