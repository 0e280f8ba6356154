package dev.lakesetup.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemporalFleetExampleTest {

    @Test
    void run_onFakesAndTheInMemoryService_onboardsEveryWorkspace() {
        assertThat(TemporalFleetExample.run()).isTrue();
    }
}
