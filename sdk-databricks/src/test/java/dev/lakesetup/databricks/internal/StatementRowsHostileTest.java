package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.apply.CallPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.testing.FakeTime;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Result chunks that point back, or never end, are not followed without bound. */
class StatementRowsHostileTest {
    private static final String MANIFEST = "\"manifest\":{\"format\":\"JSON_ARRAY\",\"schema\":{\"column_count\":1,"
            + "\"columns\":[{\"name\":\"n\",\"position\":0}]}}";
    private HostileServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void query_whenAChunkPointsBack_failsFatallyInsteadOfLooping() throws IOException {
        server = new HostileServer((request, out) -> {
            if (request.line().startsWith("POST /api/2.0/sql/statements")) {
                HostileServer.json(out, 200, "{\"statement_id\":\"s1\",\"status\":{\"state\":\"SUCCEEDED\"},"
                        + MANIFEST + ",\"result\":{\"chunk_index\":0,\"data_array\":[[\"1\"]],\"next_chunk_index\":1}}");
            } else if (request.path().startsWith("/api/2.0/sql/statements/s1/result/chunks/")) {
                HostileServer.json(out, 200, "{\"chunk_index\":1,\"data_array\":[[\"2\"]],\"next_chunk_index\":0}");
            } else {
                HostileServer.json(out, 404, "{\"error_code\":\"NOT_FOUND\",\"message\":\"no\"}");
            }
        });

        assertThatThrownBy(() -> rows(StatementRows.MAX_CHUNKS, StatementRows.MAX_ROWS).query("read grants", "SELECT n"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("points back")
                .satisfies(e -> assertThat(((ServiceException) e).failure()).isEqualTo(Failure.FATAL));
        assertThat(server.received()).filteredOn(r -> r.path().contains("/result/chunks/")).hasSize(1);
    }

    @Test
    void query_whenChunksNeverEnd_stopsAtTheChunkCap() throws IOException {
        server = new HostileServer((request, out) -> {
            if (request.line().startsWith("POST /api/2.0/sql/statements")) {
                HostileServer.json(out, 200, "{\"statement_id\":\"s1\",\"status\":{\"state\":\"SUCCEEDED\"},"
                        + MANIFEST + ",\"result\":{\"chunk_index\":0,\"data_array\":[],\"next_chunk_index\":1}}");
            } else {
                long index = Long.parseLong(request.path().substring(request.path().lastIndexOf('/') + 1));
                HostileServer.json(out, 200, "{\"chunk_index\":" + index + ",\"data_array\":[],"
                        + "\"next_chunk_index\":" + (index + 1) + "}");
            }
        });

        assertThatThrownBy(() -> rows(20, StatementRows.MAX_ROWS).query("read grants", "SELECT n"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("more than 20 result chunks")
                .satisfies(e -> assertThat(((ServiceException) e).failure()).isEqualTo(Failure.FATAL));
        assertThat(server.received()).filteredOn(r -> r.path().contains("/result/chunks/")).hasSize(19);
    }

    @Test
    void query_whenChunksBringMoreRowsThanTheCap_failsFatallyBeforeKeepingThem() throws IOException {
        server = new HostileServer((request, out) -> {
            if (request.line().startsWith("POST /api/2.0/sql/statements")) {
                HostileServer.json(out, 200, "{\"statement_id\":\"s1\",\"status\":{\"state\":\"SUCCEEDED\"},"
                        + MANIFEST + ",\"result\":{\"chunk_index\":0,\"data_array\":[[\"1\"],[\"2\"]],"
                        + "\"next_chunk_index\":1}}");
            } else {
                HostileServer.json(out, 200, "{\"chunk_index\":1,\"data_array\":[[\"3\"],[\"4\"]]}");
            }
        });

        assertThatThrownBy(() -> rows(StatementRows.MAX_CHUNKS, 3).query("read grants", "SELECT n"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("more than 3 rows")
                .satisfies(e -> assertThat(((ServiceException) e).failure()).isEqualTo(Failure.FATAL));
    }

    private StatementRows rows(int maxChunks, long maxRows) {
        DatabricksConfig config = new DatabricksConfig().setHost(server.url("")).setToken("dapi-admin")
                .setAuthType("pat").setDisableRetries(true).setHttpClient(new JdkHttpClient(CallPolicy.defaults().rateLimiter(), Duration.ofSeconds(5)));
        WorkspaceClient client = new WorkspaceClient(config);
        FakeTime time = new FakeTime();
        return new StatementRows(() -> client, "wh1", Duration.ofMinutes(1), time, time, maxChunks, maxRows);
    }
}
