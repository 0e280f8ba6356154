package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.spi.Executor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL handlers drop with {@code IF EXISTS} and never {@code CASCADE}: a repeated drop is done, a catalog or
 * schema that holds something is refused and left; a catalog's empty {@code default} schema goes with it (REST and
 * SQL alike).
 */
class SqlDeletesTest {
    private static final String CONNECTOR = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Databricks"
            + "/accessConnectors/ac1";

    private final FakeFixture f = FakeFixture.start();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void dropCatalogAndSchema_removeOnlyThemAndRepeatAsDone() {
        Executor sql = f.workspace.sqlExecutor();
        f.fake.seedSchema("gone.default").seedSchema("sales.old").seedSchema("sales.kept");

        HandlerDeletesTest.delete(sql, Schema.named("sales", "old"), f);
        HandlerDeletesTest.delete(sql, Schema.named("sales", "old"), f);
        HandlerDeletesTest.delete(sql, Catalog.named("gone"), f);
        HandlerDeletesTest.delete(sql, Catalog.named("gone"), f);

        assertThat(f.fake.snapshot().schemas()).contains("sales.kept").doesNotContain("sales.old", "gone.default");
        assertThat(f.fake.snapshot().catalogs()).contains("sales").doesNotContain("gone");
    }

    @Test
    void dropSchema_whenItHoldsATable_isRefusedAndLeavesIt() {
        Executor sql = f.workspace.sqlExecutor();
        f.fake.seedTable("sales.busy.orders", List.of("id"), List.of(List.of(1)));

        assertThatThrownBy(() -> HandlerDeletesTest.delete(sql, Schema.named("sales", "busy"), f))
                .isInstanceOf(ServiceException.class).hasMessageContaining("not empty");
        assertThatThrownBy(() -> HandlerDeletesTest.delete(sql, Catalog.named("sales"), f))
                .isInstanceOf(ServiceException.class).hasMessageContaining("not empty");

        assertThat(f.fake.snapshot().schemas()).contains("sales.busy");
    }

    @Test
    void dropExternalLocation_removesOnlyIt() {
        Executor sql = f.workspace.sqlExecutor();
        f.fake.contents().seedStorageCredential("cred", CONNECTOR)
                .seedExternalLocation("lake", "abfss://c@acct.dfs.core.windows.net/x", "cred")
                .seedExternalLocation("theirs", "abfss://c@acct.dfs.core.windows.net/y", "cred");
        ExternalLocation lake = ExternalLocation.named("lake", "abfss://c@acct.dfs.core.windows.net/x", "cred");

        HandlerDeletesTest.delete(sql, lake, f);
        HandlerDeletesTest.delete(sql, lake, f);

        assertThat(f.fake.contents().externalLocations()).containsExactly("theirs");
    }

    @Test
    void restDeleteCatalog_removesItsEmptyDefaultSchemaButNotOneWithTables() {
        Executor rest = f.workspace.restExecutor();
        f.fake.seedSchema("fresh.default");
        f.fake.seedTable("used.default.t", List.of("id"), List.of(List.of(1)));

        HandlerDeletesTest.delete(rest, Catalog.named("fresh"), f);
        assertThatThrownBy(() -> HandlerDeletesTest.delete(rest, Catalog.named("used"), f))
                .isInstanceOf(ServiceException.class).hasMessageContaining("used.default");

        assertThat(f.fake.snapshot().catalogs()).contains("used").doesNotContain("fresh");
        assertThat(f.fake.snapshot().schemas()).contains("used.default");
    }

    @Test
    void deleteCatalog_whenAnotherSchemaRemainsBesideDefault_refusesNamingItAndDropsNothing() {
        f.fake.seedSchema("mixed.default").seedSchema("mixed.raw");
        f.fake.seedSchema("mixed2.default").seedSchema("mixed2.raw");

        assertThatThrownBy(() -> HandlerDeletesTest.delete(f.workspace.restExecutor(), Catalog.named("mixed"), f))
                .isInstanceOf(ServiceException.class).hasMessageContaining("mixed.raw")
                .hasMessageContaining("nothing was changed");
        assertThatThrownBy(() -> HandlerDeletesTest.delete(f.workspace.sqlExecutor(), Catalog.named("mixed2"), f))
                .isInstanceOf(ServiceException.class).hasMessageContaining("mixed2.raw")
                .hasMessageContaining("nothing was changed");

        assertThat(f.fake.snapshot().schemas()).contains("mixed.default", "mixed.raw", "mixed2.default",
                "mixed2.raw");
        assertThat(f.fake.requests().count("DELETE /api/2.1/unity-catalog/schemas/{full_name}")).isZero();
        assertThat(f.fake.requests().count("GET /api/2.1/unity-catalog/schemas")).isEqualTo(1);
    }
}
