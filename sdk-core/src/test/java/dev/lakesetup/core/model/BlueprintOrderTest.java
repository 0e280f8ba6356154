package dev.lakesetup.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The blueprint owns the order of creation: explicit orders join what resources require. */
class BlueprintOrderTest {
    private static final Catalog SALES = Catalog.named("sales");
    private static final Catalog EVENTS = Catalog.named("events");
    private static final Catalog AUDIT = Catalog.named("audit");
    private static final Schema RAW = Schema.named("sales", "raw");

    @Test
    void prerequisitesOf_whenOrderedAfter_includesTheEarlierResource() {
        Blueprint blueprint = Blueprint.builder().resource(SALES).resource(EVENTS).resource(RAW)
                .order(RAW.id()).after(EVENTS.id())
                .build();

        assertThat(blueprint.prerequisitesOf(RAW)).containsExactlyInAnyOrder(SALES.id(), EVENTS.id());
        assertThat(blueprint.waitsFor(RAW.id())).containsExactly(EVENTS.id());
        assertThat(blueprint.prerequisitesOf(EVENTS)).isEmpty();
    }

    @Test
    void order_whenDeclaredBeforeTheResources_isCheckedAtBuild() {
        Blueprint blueprint = Blueprint.builder()
                .order(EVENTS.id()).after(SALES.id(), AUDIT.id())
                .resource(SALES).resource(EVENTS).resource(AUDIT)
                .build();

        assertThat(blueprint.prerequisitesOf(EVENTS)).containsExactlyInAnyOrder(SALES.id(), AUDIT.id());
    }

    @Test
    void build_whenOrderNamesAnUndeclaredResource_failsNamingIt() {
        Blueprint.Builder builder = Blueprint.builder().resource(SALES).order(SALES.id()).after(EVENTS.id());

        assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("catalog:events").hasMessageContaining("not declared");
    }

    @Test
    void build_whenOrderedResourceIsUndeclared_failsNamingIt() {
        Blueprint.Builder builder = Blueprint.builder().resource(SALES).order(AUDIT.id()).after(SALES.id());

        assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("catalog:audit").hasMessageContaining("not declared");
    }

    @Test
    void build_whenOrdersFormACycle_failsNamingTheCycle() {
        Blueprint.Builder builder = Blueprint.builder().resource(SALES).resource(EVENTS).resource(AUDIT)
                .order(SALES.id()).after(EVENTS.id())
                .order(EVENTS.id()).after(AUDIT.id())
                .order(AUDIT.id()).after(SALES.id());

        assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("catalog:sales waits for catalog:events waits for catalog:audit waits for "
                        + "catalog:sales");
    }

    @Test
    void build_whenOrderClosesACycleWithARequirement_fails() {
        // the schema requires its catalog; ordering the catalog after the schema closes a cycle
        Blueprint.Builder builder = Blueprint.builder().resource(SALES).resource(RAW)
                .order(SALES.id()).after(RAW.id());

        assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cycle").hasMessageContaining("schema:sales.raw");
    }

    @Test
    void order_whenResourceWaitsForItself_failsAtOnce() {
        Blueprint.Builder builder = Blueprint.builder().resource(SALES);

        assertThatThrownBy(() -> builder.order(SALES.id()).after(SALES.id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("itself");
    }

    @Test
    void merge_keepsTheOrdersOfBoth() {
        Blueprint first = Blueprint.builder().resource(SALES).resource(EVENTS)
                .order(EVENTS.id()).after(SALES.id()).build();
        Blueprint second = Blueprint.builder().resource(AUDIT).resource(EVENTS)
                .order(EVENTS.id()).after(AUDIT.id()).build();

        Blueprint merged = first.merge(second);

        assertThat(merged.prerequisitesOf(EVENTS)).containsExactlyInAnyOrder(SALES.id(), AUDIT.id());
        assertThat(merged.toBuilder().build().waitsFor(EVENTS.id())).containsExactly(SALES.id(), AUDIT.id());
    }

    @Test
    void merge_whenOrdersOfBothFormACycle_fails() {
        Blueprint first = Blueprint.builder().resource(SALES).resource(EVENTS)
                .order(EVENTS.id()).after(SALES.id()).build();
        Blueprint second = Blueprint.builder().resource(SALES).resource(EVENTS)
                .order(SALES.id()).after(EVENTS.id()).build();

        assertThatThrownBy(() -> first.merge(second)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cycle");
    }
}
