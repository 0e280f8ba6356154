package dev.lakesetup.testkit.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response a fake service sends: status, headers and a text body.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body body text (may be empty)
 */
public record HttpReply(int status, Map<String, String> headers, String body) {

    /** Validates and copies. */
    public HttpReply {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** Returns a JSON response. */
    public static HttpReply json(int status, String json) {
        return new HttpReply(status, Map.of("Content-Type", "application/json"), json);
    }

    /** Returns a response with the given content type. */
    public static HttpReply of(int status, String contentType, String body) {
        return new HttpReply(status, Map.of("Content-Type", contentType), body);
    }

    /** Returns a copy with one more header. */
    public HttpReply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpReply(status, copy, body);
    }
}
