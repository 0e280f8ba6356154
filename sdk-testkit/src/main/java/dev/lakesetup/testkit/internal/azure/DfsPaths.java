package dev.lakesetup.testkit.internal.azure;

import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Data Lake Storage Gen2 path listing, {@code GET /{filesystem}?resource=filesystem&recursive=..&maxResults=..}:
 * a JSON {@code paths} array of {@code name}, {@code isDirectory}, {@code contentLength}, {@code lastModified},
 * {@code etag} (values as strings, as the service sends them), at most {@code maxResults} entries, with
 * {@code x-ms-continuation} when more remain; 404 {@code FilesystemNotFound} (a JSON error body) for a missing file
 * system.
 */
final class DfsPaths {

    private DfsPaths() {
    }

    static HttpReply list(HttpExchange ex, AzureState.StorageAccount account, Map<String, String> headers) {
        String fs = ex.param("container");
        if (!account.containers().containsKey(fs)) {
            headers.put("Content-Type", "application/json;charset=utf-8");
            headers.put("x-ms-error-code", "FilesystemNotFound");
            return new HttpReply(404, headers, "{\"error\":{\"code\":\"FilesystemNotFound\",\"message\":"
                    + "\"The specified filesystem does not exist.\"}}");
        }
        boolean recursive = "true".equalsIgnoreCase(ex.queryParam("recursive"));
        int max = maxResults(ex.queryParam("maxResults"));
        int start = ex.queryParam("continuation") == null ? 0 : Integer.parseInt(ex.queryParam("continuation"));
        List<String[]> entries = entries(account.paths().getOrDefault(fs, new TreeSet<>()), recursive);
        StringBuilder b = new StringBuilder("{\"paths\":[");
        int end = Math.min(entries.size(), start + max);
        for (int i = start; i < end; i++) {
            String[] e = entries.get(i);
            b.append(i > start ? "," : "").append("{\"name\":\"").append(e[0].replace("\"", "\\\""))
                    .append("\",\"isDirectory\":\"").append(e[1]).append("\",\"contentLength\":\"0\"")
                    .append(",\"lastModified\":\"").append(StorageApi.HTTP_DATE.format(java.time.Instant.EPOCH))
                    .append("\",\"etag\":\"0x1\",\"owner\":\"$superuser\",\"group\":\"$superuser\"")
                    .append(",\"permissions\":\"rw-r-----\"}");
        }
        b.append("]}");
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.put("Content-Type", "application/json;charset=utf-8");
        if (end < entries.size()) {
            out.put("x-ms-continuation", Integer.toString(end));
        }
        return new HttpReply(200, out, b.toString());
    }

    /** The listed entries: every path and its folders when recursive, else the top level; {name, isDirectory}. */
    private static List<String[]> entries(TreeSet<String> paths, boolean recursive) {
        TreeSet<String> dirs = new TreeSet<>();
        TreeSet<String> files = new TreeSet<>();
        for (String p : paths) {
            String[] parts = p.split("/");
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < parts.length - 1 && (recursive || i == 0); i++) {
                prefix.append(i == 0 ? "" : "/").append(parts[i]);
                dirs.add(prefix.toString());
            }
            if (recursive || parts.length == 1) {
                files.add(p);
            }
        }
        TreeSet<String> names = new TreeSet<>(dirs);
        names.addAll(files);
        List<String[]> out = new ArrayList<>();
        names.forEach(n -> out.add(new String[] {n, Boolean.toString(dirs.contains(n))}));
        return out;
    }

    private static int maxResults(String raw) {
        if (raw == null) {
            return 5000;
        }
        int n = Integer.parseInt(raw);
        if (n < 1) {
            throw AzureError.badRequest("InvalidQueryParameterValue", "maxResults must be positive.");
        }
        return Math.min(n, 5000);
    }
}
