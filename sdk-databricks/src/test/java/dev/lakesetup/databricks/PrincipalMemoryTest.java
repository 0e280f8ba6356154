package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.PrincipalDirectory;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.testkit.FakeWorkspace;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A principal found is trusted for a while on the workspace policy's clock, then looked up again. */
class PrincipalMemoryTest {
    private static final String GROUP_LOOKUP = "GET /api/2.0/preview/scim/v2/Groups";
    private static final ExecutionContext CONTEXT = new ExecutionContext() {
        @Override
        public <T, V> List<V> runAll(String what, List<T> items, Function<? super T, ? extends V> call) {
            return items.stream().<V>map(call).toList();
        }

        @Override
        public Optional<ApplicationId> applicationIdOf(ServicePrincipal principal) {
            return Optional.empty();
        }
    };

    private final FakeWorkspace fake = FakeWorkspace.builder().group("analysts").build().start();
    private final FakeTime time = new FakeTime();
    private final PrincipalDirectory directory = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting()
            .pat(fake.adminToken()).callPolicy(CallPolicy.builder().clock(time).sleeper(time).build()).build()
            .restExecutor().principalDirectory().orElseThrow();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void lookUp_whenFoundRecently_asksNotAgain_andAfterTenMinutesAsksAgain() {
        assertThat(directory.lookUp(Principal.group("analysts"), CONTEXT).orElseThrow().found()).isTrue();
        time.advance(Duration.ofMinutes(9));
        assertThat(directory.lookUp(Principal.group("analysts"), CONTEXT).orElseThrow().found()).isTrue();
        assertThat(fake.requests().count(GROUP_LOOKUP)).isEqualTo(1);

        time.advance(Duration.ofMinutes(1));
        assertThat(directory.lookUp(Principal.group("analysts"), CONTEXT).orElseThrow().found()).isTrue();

        assertThat(fake.requests().count(GROUP_LOOKUP)).as("asked again once the memory expired").isEqualTo(2);
    }
}
