package dev.lakesetup.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validates a document against the published JSON Schema and names each violation's place and what is accepted. */
final class SchemaCheck {
    static final String RESOURCE = "setup-file-v1.schema.json";
    private static final JsonNode SCHEMA_NODE = load();
    private static final Schema SCHEMA =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SCHEMA_NODE);
    private static final int MAX_VALUE = 80;

    private SchemaCheck() {
    }

    /** The schema document. */
    static JsonNode schema() {
        return SCHEMA_NODE.deepCopy();
    }

    private static JsonNode load() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the setup file schema " + RESOURCE + " is missing");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation, in file order, one per field. */
    static List<SetupProblem> check(LocatedTree tree) {
        Map<String, SetupProblem> byField = new LinkedHashMap<>();
        for (Error error : SCHEMA.validate(tree.root())) {
            if (insideAlternative(error.getEvaluationPath())) {
                continue;
            }
            SetupProblem problem = problem(tree, error);
            byField.putIfAbsent(problem.field(), problem);
        }
        List<SetupProblem> problems = new ArrayList<>(byField.values());
        problems.sort(Comparator.comparingInt(SetupProblem::line).thenComparingInt(SetupProblem::column));
        return problems;
    }

    /** A failure of one branch of a oneOf: the oneOf's own error, with its description, says it better. */
    private static boolean insideAlternative(NodePath evaluation) {
        for (int i = 0; i < evaluation.getNameCount() - 1; i++) {
            if ("oneOf".equals(String.valueOf(evaluation.getElement(i)))) {
                return true;
            }
        }
        return false;
    }

    private static SetupProblem problem(LocatedTree tree, Error error) {
        String pointer = pointer(error.getInstanceLocation());
        String keyword = error.getKeyword();
        JsonNode schema = at(error.getSchemaLocation().getFragment(), keyword);
        String text = message(error);
        if ("required".equals(keyword)) {
            return tree.problem(pointer + "/" + LocatedTree.escape(error.getProperty()), "<missing>", text,
                    "a value for " + error.getProperty() + describe(schema.path("properties")
                            .path(error.getProperty())));
        }
        if ("additionalProperties".equals(keyword) && schema.path("properties").isObject()) {
            String field = pointer + "/" + LocatedTree.escape(error.getProperty());
            int[] at = tree.keyPlace(field);
            List<String> names = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(names::add);
            return new SetupProblem(tree.file(), at[0], at[1], field, error.getProperty(),
                    "the field " + error.getProperty() + " is not known here", "one of the fields " + names);
        }
        return tree.problem(pointer, value(error.getInstanceNode()), text, accepted(keyword, schema));
    }

    private static String accepted(String keyword, JsonNode schema) {
        JsonNode value = schema.path(keyword);
        switch (keyword) {
            case "enum":
                return "one of " + value;
            case "const":
                return value.toString();
            case "type":
                return "a value of type " + value.asText() + describe(schema);
            case "pattern":
                return "text matching " + value.asText() + describe(schema);
            default:
                String described = describe(schema);
                return described.isEmpty() ? keyword + " " + value : described.substring(2);
        }
    }

    private static String describe(JsonNode schema) {
        JsonNode node = schema;
        if (node.has("$ref")) {
            node = at(parse(node.get("$ref").asText().substring(1)));
        }
        return node.has("description") ? ": " + node.get("description").asText() : "";
    }

    private static String message(Error error) {
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        return colon > 0 && (message.startsWith("/") || message.startsWith("$")) ? message.substring(colon + 2)
                : message;
    }

    private static String value(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "<missing>";
        }
        String text = node.isTextual() ? node.textValue() : node.toString();
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "..." : text;
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(LocatedTree.escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    private static List<String> parse(String fragment) {
        List<String> names = new ArrayList<>();
        for (String part : fragment.split("/")) {
            if (!part.isEmpty()) {
                names.add(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return names;
    }

    private static JsonNode at(NodePath fragment, String keyword) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fragment.getNameCount(); i++) {
            names.add(String.valueOf(fragment.getElement(i)));
        }
        if (!names.isEmpty() && names.get(names.size() - 1).equals(keyword)) {
            names.remove(names.size() - 1);
        }
        return at(names);
    }

    /** The schema node at a fragment's path, or the parent of the keyword that failed. */
    private static JsonNode at(List<String> names) {
        JsonNode node = SCHEMA_NODE;
        for (String name : names) {
            JsonNode next = node.isArray() ? node.path(Integer.parseInt(name)) : node.path(name);
            if (next.isMissingNode()) {
                return node;
            }
            node = next;
        }
        return node.isObject() ? node : SCHEMA_NODE;
    }
}
