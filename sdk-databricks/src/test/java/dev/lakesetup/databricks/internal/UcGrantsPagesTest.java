package dev.lakesetup.databricks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.testkit.FakeWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One grants listing takes a bounded number of pages. */
class UcGrantsPagesTest {
    private FakeWorkspace fake;
    private WorkspaceClient client;

    @BeforeEach
    void start() {
        fake = FakeWorkspace.builder().group("a").group("b").group("c").group("d").build().start();
        fake.seedCatalog("sales");
        for (String group : new String[] {"a", "b", "c", "d"}) {
            fake.seedGrant("catalog", "sales", group, "USE_CATALOG");
        }
        fake.grantsPageSize(1);
        client = new WorkspaceClient(new DatabricksConfig().setHost(fake.host()).setToken(fake.adminToken())
                .setAuthType("pat").setDisableRetries(true));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void read_whenTheListingTakesMorePagesThanTheBound_failsFatallyAfterThem() {
        UcGrants grants = new UcGrants(() -> client, fake::metastoreId, 3);
        fake.resetRequests();

        ServiceException e = catchThrowableOfType(ServiceException.class,
                () -> grants.read(Securable.catalog("sales")));

        assertThat(e).isNotNull();
        assertThat(e.failure()).isEqualTo(ServiceException.Failure.FATAL);
        assertThat(e.getMessage()).contains("still had a next_page_token after 3 pages");
        assertThat(fake.requests().count("GET /api/2.1/unity-catalog/permissions/{type}/{name}")).isEqualTo(3);
    }

    @Test
    void read_withinTheBound_mergesEveryPage() {
        UcGrants grants = new UcGrants(() -> client, fake::metastoreId, 4);

        assertThat(grants.read(Securable.catalog("sales")).orElseThrow()).hasSize(4);
    }
}
