package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.service.settings.IpAccessListInfo;
import com.databricks.sdk.service.settings.ListType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IP access lists API and the {@code enableIpAccessLists} setting, read through the official SDK. */
class FakeWorkspaceNetworkTest {
    private FakeWorkspace ws;

    @BeforeEach
    void start() {
        ws = FakeWorkspace.builder().build().start();
    }

    @AfterEach
    void stop() {
        ws.close();
    }

    /** The SDK's own getStatus (0.141.0) drops the "keys" query parameter, so the setting is asked for directly. */
    private static Map<String, String> conf(WorkspaceClient client, String keys) {
        return client.apiClient().getStringMap(new Request("GET", "/api/2.0/workspace-conf")
                .withQueryParam("keys", keys));
    }

    private static List<IpAccessListInfo> lists(WorkspaceClient client) {
        List<IpAccessListInfo> lists = new ArrayList<>();
        client.ipAccessLists().list().forEach(lists::add);
        return lists;
    }

    @Test
    void workspaceConf_whenNothingSeeded_answersFeatureOffAndNoLists() {
        WorkspaceClient admin = Clients.admin(ws);

        assertThat(conf(admin, "enableIpAccessLists"))
                .containsEntry("enableIpAccessLists", "false");
        assertThat(lists(admin)).isEmpty();
    }

    @Test
    void ipAccessLists_whenSeeded_answersEveryFieldAsTheApiDocumentsThem() {
        ws.network().enableIpAccessLists(true).seedIpAccessList("office", "ALLOW", true, "203.0.113.0/24", "198.51.100.7")
                .seedIpAccessList("old", "BLOCK", false, "192.0.2.0/24");
        WorkspaceClient admin = Clients.admin(ws);

        List<IpAccessListInfo> lists = lists(admin);

        assertThat(conf(admin, "enableIpAccessLists"))
                .containsEntry("enableIpAccessLists", "true");
        assertThat(lists).hasSize(2);
        assertThat(lists.get(0).getLabel()).isEqualTo("office");
        assertThat(lists.get(0).getListType()).isEqualTo(ListType.ALLOW);
        assertThat(lists.get(0).getEnabled()).isTrue();
        assertThat(lists.get(0).getIpAddresses()).containsExactly("203.0.113.0/24", "198.51.100.7");
        assertThat(lists.get(0).getAddressCount()).isEqualTo(2L);
        assertThat(lists.get(0).getListId()).isNotBlank();
        assertThat(lists.get(1).getListType()).isEqualTo(ListType.BLOCK);
        assertThat(lists.get(1).getEnabled()).isFalse();
    }

    @Test
    void workspaceConf_whenKeyIsUnknown_answers400() {
        assertThatThrownBy(() -> conf(Clients.admin(ws), "noSuchKey"))
                .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("noSuchKey");
    }

    @Test
    void workspaceConfGetStatus_ofTheSdk_sendsNoKeysAndIsRefused() {
        // why lakesetup asks for the setting directly: the SDK's request carries no "keys" parameter
        assertThatThrownBy(() -> Clients.admin(ws).workspaceConf().getStatus(
                new com.databricks.sdk.service.settings.GetStatusRequest().setKeys("enableIpAccessLists")))
                .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("keys");
    }

    @Test
    void ipAccessLists_whenCallerIsNoAdmin_answers403() {
        FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("reader");
        WorkspaceClient client = Clients.servicePrincipal(ws, sp.applicationId(), sp.secret());

        assertThatThrownBy(() -> lists(client)).isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> conf(client, "enableIpAccessLists")).isInstanceOf(PermissionDenied.class);
    }

    @Test
    void seedIpAccessList_whenTypeIsNeitherAllowNorBlock_isRefused() {
        assertThatThrownBy(() -> ws.network().seedIpAccessList("x", "DENY", true, "10.0.0.0/8"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ALLOW or BLOCK");
    }
}
