package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.util.Base64;
import java.util.List;

/**
 * The Workspace API ({@code /api/2.0/workspace/...}) for plain files: {@code import} (base64 content, format
 * {@code AUTO} or {@code RAW}, {@code overwrite}), {@code export} (base64 content in JSON), {@code list} (one level;
 * an empty directory answers {@code {}}), {@code get-status}, {@code mkdirs} and {@code delete}. Errors carry the
 * API's codes: 404 {@code RESOURCE_DOES_NOT_EXIST}, 400 {@code RESOURCE_ALREADY_EXISTS},
 * {@code DIRECTORY_NOT_EMPTY}, {@code MAX_NOTEBOOK_SIZE_EXCEEDED}. Notebooks and DBC archives are not served.
 */
final class WorkspaceFilesApi {

    private static final String WS = "/api/2.0/workspace";
    private static final List<String> FILE_FORMATS = List.of("AUTO", "RAW");

    private final WorkspaceContext ctx;

    WorkspaceFilesApi(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("POST", WS + "/import", this::importFile)
                .add("GET", WS + "/export", this::export)
                .add("GET", WS + "/list", this::list)
                .add("GET", WS + "/get-status", ex -> Json.ok(status(path(ex.queryParam("path")),
                        ex.queryParam("path"))))
                .add("POST", WS + "/mkdirs", ex -> {
                    files().mkdirs(path(Json.requiredText(Json.parseBody(ex.body()), "path")));
                    return Json.ok(Json.object());
                })
                .add("POST", WS + "/delete", ex -> {
                    ObjectNode body = Json.parseBody(ex.body());
                    files().delete(path(Json.requiredText(body, "path")), body.path("recursive").asBoolean(false));
                    return Json.ok(Json.object());
                });
    }

    private WorkspaceFiles files() {
        return ctx.files();
    }

    private static String path(String raw) {
        return WorkspaceFiles.normalize(raw);
    }

    private HttpReply importFile(HttpExchange ex) {
        ObjectNode body = Json.parseBody(ex.body());
        String format = body.path("format").asText("SOURCE");
        if (!FILE_FORMATS.contains(format)) {
            throw ApiException.invalid("The fake imports plain files only (format AUTO or RAW), got " + format);
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(body.path("content").asText(""));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("content is not valid base64");
        }
        files().write(path(Json.requiredText(body, "path")), content, body.path("overwrite").asBoolean(false));
        return Json.ok(Json.object());
    }

    private HttpReply export(HttpExchange ex) {
        String p = path(ex.queryParam("path"));
        WorkspaceFiles.Node n = files().get(p);
        if (n.isDirectory()) {
            throw ApiException.invalid("The fake exports files only; " + p + " is a directory.");
        }
        ObjectNode o = Json.object();
        o.put("content", Base64.getEncoder().encodeToString(n.content()));
        o.put("file_type", p.contains(".") ? p.substring(p.lastIndexOf('.') + 1) : "");
        return Json.ok(o);
    }

    private HttpReply list(HttpExchange ex) {
        String raw = ex.queryParam("path");
        String dir = path(raw);
        if (!files().get(dir).isDirectory()) {
            return Json.ok(wrap(status(dir, raw)));
        }
        List<String> children = files().childrenOf(dir, false);
        ObjectNode out = Json.object();
        if (!children.isEmpty()) {
            ArrayNode arr = out.putArray("objects");
            String asked = raw.startsWith("/Workspace") ? "/Workspace" : "";
            children.forEach(c -> arr.add(status(c, asked + c)));
        }
        return Json.ok(out);
    }

    private static ObjectNode wrap(ObjectNode one) {
        ObjectNode out = Json.object();
        out.putArray("objects").add(one);
        return out;
    }

    private ObjectNode status(String path, String shownAs) {
        WorkspaceFiles.Node n = files().get(path);
        ObjectNode o = Json.object();
        o.put("object_type", n.isDirectory() ? "DIRECTORY" : "FILE");
        o.put("path", shownAs == null ? path : shownAs.replaceAll("/+$", ""));
        o.put("object_id", n.id());
        if (!n.isDirectory()) {
            o.put("size", n.content().length);
        }
        return o;
    }
}
