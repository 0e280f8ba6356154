package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.GrantStore;
import dev.lakesetup.testkit.RequestStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST grant store reads exclusive securables (one GET each) and the others (bulk statements) in one fan-out,
 * so the GETs add no round of latency after the statements, with the same requests as before.
 */
class GrantReadFanOutTest {
    private final FakeFixture f = FakeFixture.start();

    @AfterEach
    void close() {
        f.close();
    }

    /** Runs each fan-out's calls in order and records how many items each fan-out had. */
    private static final class RecordingContext implements ExecutionContext {
        final List<Integer> fanOuts = new ArrayList<>();
        private final Set<Securable> exclusive;

        RecordingContext(Set<Securable> exclusive) {
            this.exclusive = exclusive;
        }

        @Override
        public <T, V> List<V> runAll(String what, List<T> items, Function<? super T, ? extends V> call) {
            fanOuts.add(items.size());
            return items.stream().<V>map(call).toList();
        }

        @Override
        public Optional<ApplicationId> applicationIdOf(ServicePrincipal principal) {
            return Optional.empty();
        }

        @Override
        public boolean needsEveryGrant(Securable securable) {
            return exclusive.contains(securable);
        }
    }

    @Test
    void read_whenSomeSecurablesAreExclusive_readsGetsAndBulkStatementsInOneFanOut() {
        f.fake.seedCatalog("sales").seedCatalog("ops").seedSchema("ops.raw")
                .seedGrant("catalog", "sales", "analysts", "USE_CATALOG")
                .seedGrant("schema", "ops.raw", "analysts", "USE_SCHEMA");
        Securable sales = Securable.catalog("sales");
        Securable raw = Securable.schema("ops", "raw");
        GrantStore store = f.workspace.restExecutor().grantStores().get(0);
        RecordingContext context = new RecordingContext(Set.of(sales, Securable.metastore()));
        store.read(List.of(Securable.catalog("ops")), context);
        RequestStats before = f.fake.requests();
        context.fanOuts.clear();

        Map<Securable, List<PrincipalPrivileges>> read = store.read(List.of(sales, Securable.metastore(),
                Securable.catalog("ops"), raw), context);

        assertThat(context.fanOuts).as("one fan-out: two GETs and two statements (catalogs, schemas)")
                .containsExactly(4);
        RequestStats after = f.fake.requests();
        assertThat(after.count(FakeFixture.PERMISSIONS_GET) - before.count(FakeFixture.PERMISSIONS_GET)).isEqualTo(2);
        assertThat(after.count(FakeFixture.STATEMENTS_POST) - before.count(FakeFixture.STATEMENTS_POST)).isEqualTo(2);
        assertThat(read).containsKeys(sales, raw);
        assertThat(read.get(raw)).extracting(p -> p.principal().toString()).anyMatch(s -> s.contains("analysts"));
    }
}
