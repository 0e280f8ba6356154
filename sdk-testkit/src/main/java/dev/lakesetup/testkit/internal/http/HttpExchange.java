package dev.lakesetup.testkit.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One HTTP request as the fake services see it: method, decoded path (leading slashes collapsed to one), query,
 * headers, body and the path parameters of the route that matched.
 *
 * @param method upper-case method
 * @param path decoded path without the query string
 * @param query query parameters, decoded, in order
 * @param headers header lookup (case-insensitive, null when absent)
 * @param body the body as text (empty when none)
 * @param pathParams parameters captured by the route template
 * @param headerNames the names of the headers received, as sent (for services that sign headers)
 */
public record HttpExchange(String method, String path, Map<String, List<String>> query,
                           Function<String, String> headers, String body, Map<String, String> pathParams,
                           Set<String> headerNames) {

    /** Builds an exchange from a raw URL (path and query) as received, without the list of header names. */
    public static HttpExchange of(String method, String rawUrl, Function<String, String> headers, String body) {
        return of(method, rawUrl, headers, Set.of(), body);
    }

    /** Builds an exchange from a raw URL (path and query) and the names of the headers received. */
    public static HttpExchange of(String method, String rawUrl, Function<String, String> headers,
                                  Set<String> headerNames, String body) {
        int q = rawUrl.indexOf('?');
        // Clients that join a base URL ending in '/' with a path starting with '/' send "//path"; services accept it.
        String rawPath = (q < 0 ? rawUrl : rawUrl.substring(0, q)).replaceFirst("^/{2,}", "/");
        Map<String, List<String>> query = q < 0 ? Map.of() : parseForm(rawUrl.substring(q + 1));
        return new HttpExchange(method.toUpperCase(java.util.Locale.ROOT), decode(rawPath.replace("+", "%2B")),
                query, headers, body == null ? "" : body, Map.of(), Set.copyOf(headerNames));
    }

    /** Returns a copy carrying the given path parameters. */
    public HttpExchange withPathParams(Map<String, String> params) {
        return new HttpExchange(method, path, query, headers, body, Map.copyOf(params), headerNames);
    }

    /** Returns a path parameter captured by the route, or null. */
    public String param(String name) {
        return pathParams.get(name);
    }

    /** Returns the first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Returns a header value, or null. */
    public String header(String name) {
        return headers.apply(name);
    }

    /** Parses the body as an {@code application/x-www-form-urlencoded} form. */
    public Map<String, List<String>> form() {
        return parseForm(body);
    }

    /** Returns the bearer token of the Authorization header, or null. */
    public String bearerToken() {
        String auth = header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return auth.substring(7).trim();
    }

    /** Returns the user and password of an HTTP Basic Authorization header, or null. */
    public String[] basicCredentials() {
        String auth = header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, List<String>> parseForm(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
