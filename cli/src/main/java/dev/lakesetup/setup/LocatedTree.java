package dev.lakesetup.setup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed document with the line and column of every value and every object key, read token by token so that
 * each problem found later (schema, mapping) can name where it is. Keys are JSON pointers ({@code /a/0/b}).
 */
final class LocatedTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final String file;
    private final JsonNode root;
    private final Map<String, int[]> places;

    private LocatedTree(String file, JsonNode root, Map<String, int[]> places) {
        this.file = file;
        this.root = root;
        this.places = places;
    }

    /** Parses a whole document; a syntax error becomes a {@link SetupFileException} at its place. */
    static LocatedTree parse(String file, String text, JsonFactory factory) {
        Map<String, int[]> places = new HashMap<>();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SetupFileException(List.of(new SetupProblem(file, 1, 1, "/", "<empty>",
                        "the file is empty", "a document with apiVersion: " + SetupFile.API_VERSION)));
            }
            JsonNode root = value(parser, "", places);
            return new LocatedTree(file, root, places);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SetupFileException(List.of(new SetupProblem(file, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "/", "<unreadable>",
                    "the file is not well-formed: " + e.getOriginalMessage(), "YAML 1.1 or JSON")));
        } catch (IOException e) {
            throw new SetupFileException(List.of(new SetupProblem(file, 0, 0, "/", "<unreadable>",
                    "the file cannot be read: " + e.getMessage(), "a readable YAML or JSON file")));
        }
    }

    private static JsonNode value(JsonParser parser, String pointer, Map<String, int[]> places) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        places.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(parser, pointer, places);
            case START_ARRAY:
                return array(parser, pointer, places);
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonProcessingException("unexpected " + token, at) { };
        }
    }

    private static ObjectNode object(JsonParser parser, String pointer, Map<String, int[]> places)
            throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String child = pointer + "/" + escape(name);
            JsonLocation key = parser.currentTokenLocation();
            places.put(child + "#key", new int[] {key.getLineNr(), key.getColumnNr()});
            parser.nextToken();
            object.set(name, value(parser, child, places));
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser, String pointer, Map<String, int[]> places)
            throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser, pointer + "/" + array.size(), places));
        }
        return array;
    }

    /** Escapes one pointer segment as RFC 6901 says ({@code ~} then {@code /}). */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** The file's name as the caller gave it. */
    String file() {
        return file;
    }

    /** The document. */
    JsonNode root() {
        return root;
    }

    /** The line and column of the value at a pointer, or of its closest enclosing value. */
    int[] place(String pointer) {
        String at = pointer;
        while (true) {
            int[] found = places.get(at);
            if (found != null || at.isEmpty()) {
                return found == null ? new int[] {1, 1} : found;
            }
            at = at.substring(0, at.lastIndexOf('/'));
        }
    }

    /** The line and column of an object key, falling back to its value's place. */
    int[] keyPlace(String pointer) {
        int[] key = places.get(pointer + "#key");
        return key != null ? key : place(pointer);
    }

    /** A problem at a pointer, with the file and place filled in. */
    SetupProblem problem(String pointer, String value, String problem, String accepted) {
        int[] at = place(pointer);
        return new SetupProblem(file, at[0], at[1], pointer.isEmpty() ? "/" : pointer, value, problem, accepted);
    }
}
