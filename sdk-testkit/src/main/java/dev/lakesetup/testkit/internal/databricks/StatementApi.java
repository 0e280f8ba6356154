package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import dev.lakesetup.testkit.sql.SqlParseException;
import dev.lakesetup.testkit.sql.SqlParser;
import dev.lakesetup.testkit.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The statement execution API and SQL sessions ({@code /api/2.0/sql/statements}, {@code /api/2.0/sql/sessions}). */
final class StatementApi {

    private static final Logger LOG = LoggerFactory.getLogger(StatementApi.class);
    private static final Pattern WAIT = Pattern.compile("(\\d+)s");
    private static final Map<String, String> SQL_CLASSES = Map.of(
            "CATALOG_DOES_NOT_EXIST", "NO_SUCH_CATALOG_EXCEPTION",
            "SCHEMA_DOES_NOT_EXIST", "SCHEMA_NOT_FOUND",
            "TABLE_DOES_NOT_EXIST", "TABLE_OR_VIEW_NOT_FOUND",
            "PERMISSION_DENIED", "INSUFFICIENT_PERMISSIONS");

    private final WorkspaceContext ctx;
    private final WarehouseApi warehouses;
    private final SqlExecutor executor;

    StatementApi(WorkspaceContext ctx, WarehouseApi warehouses) {
        this.ctx = ctx;
        this.warehouses = warehouses;
        this.executor = new SqlExecutor(ctx);
    }

    void register(Router r) {
        r.add("POST", "/api/2.0/sql/statements", this::execute)
                .add("POST", "/api/2.0/sql/statements/", this::execute)
                .add("GET", "/api/2.0/sql/statements/{id}", this::get)
                .add("DELETE", "/api/2.0/sql/statements/{id}", ex -> close(ex, "CLOSED"))
                .add("POST", "/api/2.0/sql/statements/{id}/cancel", ex -> close(ex, "CANCELED"))
                .add("POST", "/api/2.0/sql/warehouses/{wh}/sessions", this::openSession)
                .add("DELETE", "/api/2.0/sql/sessions/{id}", this::closeSession);
    }

    private HttpReply openSession(HttpExchange ex) {
        WorkspaceContext.Warehouse w = usable(ex.param("wh"));
        ObjectNode body = Json.parseBody(ex.body());
        Statements.Session s = ctx.statements().open(w.id, lower(Json.text(body, "catalog")),
                lower(Json.text(body, "schema")));
        ObjectNode out = Json.object();
        out.put("session_id", s.id);
        return Json.ok(out);
    }

    private HttpReply closeSession(HttpExchange ex) {
        if (!ctx.statements().close(ex.param("id"))) {
            throw ApiException.notFound("NOT_FOUND", "Session " + ex.param("id") + " does not exist.");
        }
        return Json.ok(Json.object());
    }

    private HttpReply execute(HttpExchange ex) {
        ObjectNode body = Json.parseBody(ex.body());
        String sql = Json.requiredText(body, "statement");
        ctx.statements().logText(sql);
        Statements.Session session = ctx.statements().session(Json.text(body, "session_id"));
        String warehouseId = Json.text(body, "warehouse_id");
        if (warehouseId == null && session != null) {
            warehouseId = session.warehouseId;
        }
        if (warehouseId == null) {
            throw ApiException.invalid("Missing required field: warehouse_id");
        }
        usable(warehouseId);
        requireInlineJson(body);
        boolean async = waitsNot(Json.text(body, "wait_timeout"));
        session = withDefaults(session, body);
        Statements.Record record = ctx.statements().add(null, ctx.pendingPolls());
        record.finalResponse = run(record.id, sql, session);
        if (async || record.pendingPollsLeft > 0) {
            return Json.ok(stateOnly(record.id, "PENDING"));
        }
        return Json.ok(record.finalResponse);
    }

    /** Checks that the request asks for what the fake answers: INLINE results in JSON_ARRAY format (400 otherwise). */
    private static void requireInlineJson(ObjectNode body) {
        String disposition = Json.text(body, "disposition");
        if (disposition != null && !disposition.equals("INLINE")) {
            throw ApiException.invalid("The fake supports only the INLINE disposition, got " + disposition);
        }
        String format = Json.text(body, "format");
        if (format != null && !format.equals("JSON_ARRAY")) {
            throw ApiException.invalid("The fake supports only the JSON_ARRAY format, got " + format);
        }
    }

    /** Returns whether {@code wait_timeout} asks for an asynchronous answer (0s); 400 outside 0s or 5s to 50s. */
    private static boolean waitsNot(String wait) {
        if (wait == null) {
            return false;
        }
        Matcher m = WAIT.matcher(wait);
        long seconds = m.matches() ? Long.parseLong(m.group(1)) : -1;
        if (seconds != 0 && (seconds < 5 || seconds > 50)) {
            throw ApiException.invalid("wait_timeout must be 0s or between 5s and 50s, got " + wait);
        }
        return seconds == 0;
    }

    /** Returns the session to run in (a new one without a session id) with the request's catalog and schema. */
    private static Statements.Session withDefaults(Statements.Session session, ObjectNode body) {
        if (session == null) {
            Statements.Session fresh = new Statements.Session();
            fresh.catalog = lower(Json.text(body, "catalog"));
            fresh.schema = lower(Json.text(body, "schema"));
            return fresh;
        }
        if (Json.text(body, "catalog") != null) {
            session.catalog = lower(Json.text(body, "catalog"));
        }
        if (Json.text(body, "schema") != null) {
            session.schema = lower(Json.text(body, "schema"));
        }
        return session;
    }

    private ObjectNode run(String id, String sql, Statements.Session session) {
        LOG.debug("fake workspace runs statement {}: {}", id, sql);
        String[] injected = ctx.statementFailure(sql);
        if (injected != null) {
            return failed(id, injected[0], injected[1], null);
        }
        try {
            Statement statement = SqlParser.parse(sql);
            return succeeded(id, executor.execute(statement, session));
        } catch (SqlParseException e) {
            return failed(id, "BAD_REQUEST", e.getMessage(), SqlParseException.SQL_STATE);
        } catch (ApiException e) {
            String errorClass = SQL_CLASSES.getOrDefault(e.errorCode(), e.errorCode());
            String code = switch (e.status()) {
                case 404 -> "NOT_FOUND";
                case 409 -> "ALREADY_EXISTS";
                default -> "BAD_REQUEST";
            };
            String state = e.status() == 403 ? "42501" : e.status() == 404 ? "42704" : e.status() == 409 ? "42710"
                    : "42000";
            return failed(id, code, "[" + errorClass + "] " + e.getMessage() + " SQLSTATE: " + state, state);
        }
    }

    private HttpReply get(HttpExchange ex) {
        Statements.Record r = record(ex.param("id"));
        if (r.canceled) {
            return Json.ok(stateOnly(r.id, "CANCELED"));
        }
        if (r.pendingPollsLeft > 0) {
            r.pendingPollsLeft--;
            return Json.ok(stateOnly(r.id, "PENDING"));
        }
        return Json.ok(r.finalResponse);
    }

    private HttpReply close(HttpExchange ex, String state) {
        Statements.Record r = record(ex.param("id"));
        if (r.pendingPollsLeft > 0) {
            r.canceled = true;
        }
        return Json.ok(Json.object());
    }

    private Statements.Record record(String id) {
        Statements.Record r = ctx.statements().get(id);
        if (r == null) {
            throw ApiException.notFound("NOT_FOUND", "Statement " + id + " does not exist.");
        }
        return r;
    }

    private WorkspaceContext.Warehouse usable(String id) {
        WorkspaceContext.Warehouse w = warehouses.existing(id);
        if (!warehouses.canUse(w)) {
            throw ApiException.denied("User does not have CAN_USE permission on warehouse " + id + ".");
        }
        return w;
    }

    private static ObjectNode stateOnly(String id, String state) {
        ObjectNode o = Json.object();
        o.put("statement_id", id);
        o.putObject("status").put("state", state);
        return o;
    }

    private static ObjectNode failed(String id, String code, String message, String sqlState) {
        ObjectNode o = stateOnly(id, "FAILED");
        ObjectNode status = (ObjectNode) o.get("status");
        status.putObject("error").put("error_code", code).put("message", message);
        if (sqlState != null) {
            status.put("sql_state", sqlState);
        }
        return o;
    }

    private static ObjectNode succeeded(String id, SqlResult result) {
        ObjectNode o = stateOnly(id, "SUCCEEDED");
        ObjectNode manifest = o.putObject("manifest");
        manifest.put("format", "JSON_ARRAY");
        ObjectNode schema = manifest.putObject("schema");
        schema.put("column_count", result.columnNames().size());
        ArrayNode columns = schema.putArray("columns");
        for (int i = 0; i < result.columnNames().size(); i++) {
            String type = result.columnTypes().get(i);
            columns.addObject().put("name", result.columnNames().get(i)).put("type_text", type)
                    .put("type_name", type).put("position", i);
        }
        int rows = result.rows().size();
        manifest.put("total_row_count", rows);
        manifest.put("total_chunk_count", 1);
        manifest.putArray("chunks").addObject().put("chunk_index", 0).put("row_offset", 0).put("row_count", rows);
        manifest.put("truncated", false);
        ObjectNode data = o.putObject("result");
        data.put("chunk_index", 0);
        data.put("row_offset", 0);
        data.put("row_count", rows);
        ArrayNode array = data.putArray("data_array");
        for (List<String> row : result.rows()) {
            ArrayNode r = array.addArray();
            row.forEach(r::add);
        }
        return o;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }
}
