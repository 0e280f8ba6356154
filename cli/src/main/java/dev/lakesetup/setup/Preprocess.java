package dev.lakesetup.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lakesetup.core.model.Secret;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What happens to a document before the schema sees it: inline secrets are refused (before anything is replaced,
 * so a secret cannot enter through an environment reference either), then {@code ${NAME}} references are replaced
 * with environment values ({@code $${} stands for a literal {@code ${}}).
 */
final class Preprocess {
    /** Fields that hold a secret: only {@code {fromEnv: NAME}} is accepted there. */
    static final Set<String> SECRET_FIELDS = Set.of("clientSecret", "secret", "password", "token");
    static final String SECRET_ACCEPTED = "a reference {fromEnv: NAME} to an environment variable that holds it";
    private static final Pattern REFERENCE = Pattern.compile("\\$(\\$?)\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final LocatedTree tree;
    private final Map<String, String> env;
    private final List<SetupProblem> problems = new ArrayList<>();

    private Preprocess(LocatedTree tree, Map<String, String> env) {
        this.tree = tree;
        this.env = env;
    }

    /** Checks and rewrites the tree in place; returns every problem found. */
    static List<SetupProblem> run(LocatedTree tree, Map<String, String> env) {
        Preprocess run = new Preprocess(tree, env);
        run.walk(tree.root(), "", null);
        return run.problems;
    }

    private void walk(JsonNode node, String pointer, String field) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                String child = pointer + "/" + LocatedTree.escape(entry.getKey());
                JsonNode replaced = visit(entry.getValue(), child, entry.getKey());
                if (replaced != null) {
                    entry.setValue(replaced);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode replaced = visit(array.get(i), pointer + "/" + i, field);
                if (replaced != null) {
                    array.set(i, replaced);
                }
            }
        }
    }

    /** Returns a replacement for a text value, or {@code null} to keep the node. */
    private JsonNode visit(JsonNode value, String pointer, String field) {
        if (!value.isValueNode()) {
            walk(value, pointer, field);
            return null;
        }
        if (field != null && SECRET_FIELDS.contains(field) && !value.isNull()) {
            problems.add(tree.problem(pointer, Secret.MASK, "an inline secret is not accepted", SECRET_ACCEPTED));
            return null;
        }
        return value.isTextual() ? replace(value.textValue(), pointer) : null;
    }

    private JsonNode replace(String text, String pointer) {
        if (!text.contains("${")) {
            return null;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            String replacement;
            if (!matcher.group(1).isEmpty()) {
                replacement = "${" + name + "}";
            } else if (!NAME.matcher(name).matches()) {
                problems.add(tree.problem(pointer, text, "the environment reference ${" + name + "} is malformed",
                        "${NAME} with letters, digits and underscores, or $${ for a literal ${"));
                replacement = matcher.group();
            } else if (!env.containsKey(name)) {
                problems.add(tree.problem(pointer, text, "the environment variable " + name + " is not set",
                        "a value for " + name + " in the environment"));
                replacement = matcher.group();
            } else {
                replacement = env.get(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return TextNode.valueOf(out.toString());
    }
}
