package dev.lakesetup.databricks.reliability;

import static dev.lakesetup.core.model.Privilege.CREATE_SCHEMA;
import static dev.lakesetup.core.model.Privilege.MODIFY;
import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.databricks.DatabricksWorkspace;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/** Two appliers on two threads apply overlapping blueprints to one workspace: the union of their grants holds. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrentAppliersTest {

    private static Blueprint first(String catalog) {
        return Blueprint.builder().resource(Catalog.named(catalog)).resource(Schema.named(catalog, "raw"))
                .grant(Grant.on(Securable.catalog(catalog)).to(Principal.group("analysts"))
                        .privileges(USE_CATALOG, SELECT))
                .grant(Grant.on(Securable.schema(catalog, "raw")).to(Principal.group("analysts"))
                        .privileges(USE_SCHEMA))
                .build();
    }

    private static Blueprint second(String catalog) {
        return Blueprint.builder().resource(Catalog.named(catalog)).resource(Schema.named(catalog, "raw"))
                .grant(Grant.on(Securable.catalog(catalog)).to(Principal.group("analysts"))
                        .privileges(USE_CATALOG, MODIFY))
                .grant(Grant.on(Securable.catalog(catalog)).to(Principal.group("engineers"))
                        .privileges(USE_CATALOG, CREATE_SCHEMA))
                .grant(Grant.on(Securable.schema(catalog, "raw")).to(Principal.group("engineers"))
                        .privileges(USE_SCHEMA, SELECT))
                .build();
    }

    @RepeatedTest(3)
    void apply_whenTwoAppliersOverlap_unionOfGrantsHolds() throws Exception {
        try (Rig rig = Rig.withPat()) {
            List<String> catalogs = List.of("sales", "marketing", "finance");
            Lakesetup one = applier(rig);
            Lakesetup two = applier(rig);
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<List<ApplyReport>> a = CompletableFuture.supplyAsync(() -> run(start, one, true, catalogs));
            CompletableFuture<List<ApplyReport>> b = CompletableFuture.supplyAsync(() -> run(start, two, false, catalogs));
            start.countDown();

            List<ApplyReport> reports = new java.util.ArrayList<>(a.get(50, TimeUnit.SECONDS));
            reports.addAll(b.get(50, TimeUnit.SECONDS));

            assertThat(reports).allSatisfy(r -> assertThat(r.isSuccess()).as(r.toString()).isTrue());
            for (String catalog : catalogs) {
                assertThat(rig.fake.snapshot().grantsOn("catalog", catalog).get("analysts"))
                        .containsExactlyInAnyOrder("USE_CATALOG", "SELECT", "MODIFY");
                assertThat(rig.fake.snapshot().grantsOn("catalog", catalog).get("engineers"))
                        .containsExactlyInAnyOrder("USE_CATALOG", "CREATE_SCHEMA");
                assertThat(rig.fake.snapshot().grantsOn("schema", catalog + ".raw").get("analysts"))
                        .containsExactly("USE_SCHEMA");
                assertThat(rig.fake.snapshot().grantsOn("schema", catalog + ".raw").get("engineers"))
                        .containsExactlyInAnyOrder("USE_SCHEMA", "SELECT");
                assertThat(one.plan(first(catalog)).isEmpty()).isTrue();
                assertThat(two.plan(second(catalog)).isEmpty()).isTrue();
            }
        }
    }

    /** Each applier has its own workspace connection, as two services would. */
    private static Lakesetup applier(Rig rig) {
        DatabricksWorkspace own = DatabricksWorkspace.builder().host(rig.fake.host()).plainHttpForTesting().pat(rig.fake.adminToken())
                .httpTimeout(Duration.ofSeconds(10)).build();
        return rig.lakesetup(own.restExecutor(), RetryPolicy.defaults());
    }

    private static List<ApplyReport> run(CountDownLatch start, Lakesetup lakesetup, boolean first,
            List<String> catalogs) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return catalogs.stream().map(c -> first ? first(c) : second(c))
                .map(blueprint -> lakesetup.apply(lakesetup.plan(blueprint))).toList();
    }
}
