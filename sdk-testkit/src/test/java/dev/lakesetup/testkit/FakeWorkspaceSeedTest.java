package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeWorkspaceSeedTest {

    private final FakeWorkspace ws = FakeWorkspace.builder().build().start();

    @AfterEach
    void stop() {
        ws.close();
    }

    @Test
    void seedSchema_whenCatalogMissing_createsItOwnedByTheAdmin() {
        ws.seedSchema("Sales.Raw");

        WorkspaceClient w = Clients.admin(ws);
        assertThat(ws.snapshot().catalogs()).containsExactly("sales");
        assertThat(ws.snapshot().schemas()).containsExactly("sales.raw");
        assertThat(w.catalogs().get("sales").getOwner()).isEqualTo(ws.adminUser());
        assertThat(w.schemas().get("sales.raw").getOwner()).isEqualTo(ws.adminUser());
    }

    @Test
    void seedSchema_whenNameHasNotTwoParts_failsNamingIt() {
        assertThatThrownBy(() -> ws.seedSchema("sales.")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sales.'");
    }
}
