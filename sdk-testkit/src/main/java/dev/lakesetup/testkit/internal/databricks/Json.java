package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpReply;
import java.util.ArrayList;
import java.util.List;

/** JSON parsing and rendering for the fake workspace. */
public final class Json {

    /** The shared mapper (thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Returns a new object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Returns a new array node. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses a request body; an empty body is an empty object; malformed JSON is 400 INVALID_PARAMETER_VALUE. */
    public static ObjectNode parseBody(String body) {
        if (body == null || body.isBlank()) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (!(node instanceof ObjectNode o)) {
                throw ApiException.invalid("Request body must be a JSON object");
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "MALFORMED_REQUEST", "Malformed request body: invalid JSON");
        }
    }

    /** Returns a text field, or null when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw ApiException.invalid("Field '" + field + "' must be a string");
        }
        return v.asText();
    }

    /** Returns a required text field; 400 INVALID_PARAMETER_VALUE when missing or blank. */
    public static String requiredText(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null || v.isBlank()) {
            throw ApiException.invalid("Missing required field: " + field);
        }
        return v;
    }

    /** Returns a list of strings from an array field (empty when absent); 400 when it is not an array of strings. */
    public static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw ApiException.invalid("Field '" + field + "' must be an array");
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw ApiException.invalid("Field '" + field + "' must contain strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    /** Returns a 200 JSON reply. */
    public static HttpReply ok(JsonNode node) {
        return reply(200, node);
    }

    /** Returns a JSON reply. */
    public static HttpReply reply(int status, JsonNode node) {
        try {
            return HttpReply.json(status, MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the Databricks error body {@code {"error_code":..,"message":..}}. */
    public static HttpReply error(int status, String code, String message) {
        ObjectNode o = object();
        o.put("error_code", code == null ? defaultCode(status) : code);
        o.put("message", message == null ? defaultMessage(status) : message);
        return reply(status, o);
    }

    private static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "INVALID_PARAMETER_VALUE";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "RESOURCE_CONFLICT";
            case 429 -> "REQUEST_LIMIT_EXCEEDED";
            case 501 -> "NOT_IMPLEMENTED";
            case 503 -> "TEMPORARILY_UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 429 -> "Too many requests. Please wait a moment and try again.";
            case 503 -> "The service is temporarily unavailable.";
            default -> "Request failed with status " + status;
        };
    }
}
