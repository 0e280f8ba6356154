package dev.lakesetup.setup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {{name}}} placeholders of an access profile, filled in from a workspace's {@code values:}. */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private Placeholders() {
    }

    /** Replaces every placeholder of a text; a name without a value fails at the field. */
    static String fill(Field field, String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                throw field.fail(text, "the profile's placeholder {{" + name + "}} has no value",
                        "values: {" + name + ": ...} in the workspace that uses the profile; given: "
                                + values.keySet());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Every placeholder name used anywhere in a profile. */
    static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        collect(node, names);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            Matcher matcher = PLACEHOLDER.matcher(node.textValue());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        node.forEach(child -> collect(child, names));
    }
}
