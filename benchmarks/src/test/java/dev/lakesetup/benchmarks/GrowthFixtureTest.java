package dev.lakesetup.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Plan;
import org.junit.jupiter.api.Test;

class GrowthFixtureTest {

    @Test
    void plan_whenEveryOtherSchemaHoldsTheGrant_grantsTheOtherHalfOnly() {
        GrowthFixture fixture = GrowthFixture.of(300);

        Plan plan = fixture.lakesetup().plan(fixture.blueprint());

        assertThat(fixture.blueprint().grants()).hasSize(300);
        assertThat(plan.summary().count(Action.GRANT)).isEqualTo(150);
        assertThat(Bound.longestChain(plan)).isEqualTo(1);
    }

    @Test
    void named_whenKnownMode_returnsItsSizes() {
        assertThat(Mode.named("FULL").securables()).isEqualTo(550);
        assertThat(Mode.named("quick").largeGrants()).isEqualTo(10 * Mode.named("quick").smallGrants());
    }
}
