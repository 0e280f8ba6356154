package dev.lakesetup.testkit.internal.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpReply;

/** JSON helpers for the Graph and ARM endpoints of the fake. */
final class AzureJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private AzureJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a request body as an object; {@code badRequestCode} names the service's error for malformed input. */
    static ObjectNode parse(String body, String badRequestCode) {
        if (body == null || body.isBlank()) {
            throw AzureError.badRequest(badRequestCode, "The request body is missing.");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw AzureError.badRequest(badRequestCode, "The request body is not a valid JSON object.");
    }

    /** Returns a text field, or null when absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static HttpReply reply(int status, JsonNode body) {
        try {
            return HttpReply.json(status, MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
