package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The grants listing pages as the Unity Catalog permissions API documents it, and shows a deleted principal's grant
 * by {@code principal_id} with an empty {@code principal}.
 */
class FakeWorkspaceGrantPagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SALES = "/api/2.1/unity-catalog/permissions/catalog/sales";

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeWorkspace ws;

    @BeforeEach
    void start() {
        ws = FakeWorkspace.builder().group("analysts").group("auditors").group("old-team").build().start();
        ws.seedCatalog("sales").seedGrant("catalog", "sales", "analysts", "USE_CATALOG")
                .seedGrant("catalog", "sales", "auditors", "SELECT")
                .seedGrant("catalog", "sales", "old-team", "USE_CATALOG", "SELECT");
    }

    @AfterEach
    void stop() {
        ws.close();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ws.host() + pathAndQuery))
                .header("Authorization", "Bearer " + ws.adminToken()).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> reply = send("GET", pathAndQuery, null);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }

    @Test
    void get_withoutMaxResults_answersEveryAssignmentUnpaginated() throws Exception {
        ws.grantsPageSize(1);

        JsonNode all = get(SALES);

        assertThat(all.path("privilege_assignments")).hasSize(3);
        assertThat(all.has("next_page_token")).isFalse();
    }

    @Test
    void get_withMaxResultsZero_pagesAtTheServiceLengthUntilTheTokenIsAbsent() throws Exception {
        ws.grantsPageSize(2);
        List<String> principals = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = get(SALES + "?max_results=0" + (token == null ? "" : "&page_token=" + token));
            assertThat(page.path("privilege_assignments").size()).isLessThanOrEqualTo(2);
            page.path("privilege_assignments").forEach(a -> principals.add(a.path("principal").asText()));
            token = page.has("next_page_token") ? page.path("next_page_token").asText() : null;
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(2);
        assertThat(principals).containsExactly("analysts", "auditors", "old-team");
    }

    @Test
    void get_withMaxResultsBelow150OrNegative_isAnInvalidParameter() throws Exception {
        for (String max : List.of("1", "149", "-1")) {
            HttpResponse<String> reply = send("GET", SALES + "?max_results=" + max, null);
            assertThat(reply.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(reply.body()).path("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
        }
        assertThat(get(SALES + "?max_results=150").path("privilege_assignments")).hasSize(3);
    }

    @Test
    void get_afterAPrincipalIsDeleted_listsItsGrantByIdWithAnEmptyName() throws Exception {
        String id = ws.deletePrincipalKeepingGrants("old-team");

        JsonNode all = get(SALES + "?max_results=0");

        JsonNode deleted = null;
        for (JsonNode a : all.path("privilege_assignments")) {
            if (id.equals(a.path("principal_id").asText())) {
                deleted = a;
            }
        }
        assertThat(deleted).isNotNull();
        assertThat(deleted.path("principal").asText()).isEmpty();
        assertThat(deleted.path("privileges").toString()).contains("USE_CATALOG").contains("SELECT");
    }

    @Test
    void patch_byPrincipalId_removesADeletedPrincipalsPrivileges_andByNameOrBothIsRefused() throws Exception {
        String id = ws.deletePrincipalKeepingGrants("old-team");

        HttpResponse<String> byName = send("PATCH", SALES,
                "{\"changes\":[{\"principal\":\"old-team\",\"remove\":[\"SELECT\"]}]}");
        HttpResponse<String> both = send("PATCH", SALES,
                "{\"changes\":[{\"principal\":\"old-team\",\"principal_id\":\"" + id + "\",\"remove\":[\"SELECT\"]}]}");
        HttpResponse<String> addById = send("PATCH", SALES,
                "{\"changes\":[{\"principal_id\":\"" + id + "\",\"add\":[\"MODIFY\"]}]}");
        HttpResponse<String> byId = send("PATCH", SALES,
                "{\"changes\":[{\"principal_id\":\"" + id + "\",\"remove\":[\"USE_CATALOG\",\"SELECT\"]}]}");

        assertThat(JSON.readTree(byName.body()).path("error_code").asText()).isEqualTo("PRINCIPAL_DOES_NOT_EXIST");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(addById.body()).path("error_code").asText()).isEqualTo("PRINCIPAL_DOES_NOT_EXIST");
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(ws.snapshot().grantsOn("catalog", "sales"))
                .isEqualTo(Map.of("analysts", Set.of("USE_CATALOG"), "auditors", Set.of("SELECT")));
    }
}
