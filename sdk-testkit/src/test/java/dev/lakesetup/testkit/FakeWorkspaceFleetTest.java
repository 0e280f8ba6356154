package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.CreateCatalog;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeWorkspaceFleetTest {

    @Test
    void start_servesEachWorkspaceOnItsOwnPortWithItsOwnState() {
        try (FakeWorkspaceFleet fleet = FakeWorkspaceFleet.builder().workspaces(3)
                .each(ws -> ws.warehouse("wh1", "Starter")).start()) {
            FakeWorkspaceFleet.Member first = fleet.member(0);
            FakeWorkspaceFleet.Member second = fleet.member(1);

            WorkspaceClient firstClient = Clients.admin(first.workspace());
            WorkspaceClient secondClient = Clients.admin(second.workspace());
            fleet.resetRequests();   // the clients' start-up discovery requests aside

            firstClient.catalogs().create(new CreateCatalog().setName("only_in_first"));

            assertThat(fleet.members()).extracting(FakeWorkspaceFleet.Member::key)
                    .containsExactly("ws-001", "ws-002", "ws-003");
            assertThat(fleet.members()).extracting(FakeWorkspaceFleet.Member::host).doesNotHaveDuplicates()
                    .allMatch(host -> host.startsWith("http://127.0.0.1:"));
            assertThat(names(secondClient)).doesNotContain("only_in_first");
            assertThat(first.workspace().snapshot().catalogs()).contains("only_in_first");
            assertThat(first.workspace().workspaceId()).isNotEqualTo(second.workspace().workspaceId());
            assertThat(first.requests().total()).isEqualTo(1);
            assertThat(second.requests().total()).isEqualTo(1);
            assertThat(fleet.totalRequests()).isEqualTo(2);
        }
    }

    @Test
    void member_refusesAnotherWorkspacesToken() {
        try (FakeWorkspaceFleet fleet = FakeWorkspaceFleet.start(2)) {
            WorkspaceClient wrong = new WorkspaceClient(new DatabricksConfig().setHost(fleet.member(0).host())
                    .setToken(fleet.member(1).adminToken()).setAuthType("pat").setDisableRetries(true));

            assertThatThrownBy(() -> names(wrong)).isInstanceOf(DatabricksError.class)
                    .hasMessageContaining("Credential was not sent");
        }
    }

    @Test
    void latency_isInjectedOnEveryWorkspaceAndCountedPerWorkspace() {
        try (FakeWorkspaceFleet fleet = FakeWorkspaceFleet.builder().workspaces(2).latency(Duration.ofMillis(30))
                .start()) {
            WorkspaceClient client = Clients.admin(fleet.member(1).workspace());
            fleet.resetRequests();
            long begin = System.nanoTime();

            names(client);
            names(client);

            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
            assertThat(fleet.member(1).requestStartTimes()).hasSize(2);
            assertThat(fleet.member(0).requestStartTimes()).isEmpty();
            assertThat(fleet.peakInFlight()).isEqualTo(1);
            fleet.resetRequests();
            assertThat(fleet.totalRequests()).isZero();
        }
    }

    private static List<String> names(WorkspaceClient client) {
        List<String> names = new ArrayList<>();
        for (CatalogInfo info : client.catalogs().list(new ListCatalogsRequest())) {
            names.add(info.getName());
        }
        return names;
    }
}
