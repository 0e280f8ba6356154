package dev.lakesetup.setup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value of a schema-valid document at its place, for mapping: each read and each conversion that the model
 * refuses becomes a {@link SetupFileException} naming the file, line, column, field and value.
 */
final class Field {
    private final Source source;
    private final String pointer;
    private final JsonNode node;

    /**
     * What every field of one document shares: the tree, the environment and, inside an access profile being
     * filled in ({@code template}), the values of its placeholders.
     */
    record Source(LocatedTree tree, Map<String, String> env, Map<String, String> values, boolean template) {
    }

    Field(Source source, String pointer, JsonNode node) {
        this.source = source;
        this.pointer = pointer;
        this.node = node;
    }

    static Field root(Source source) {
        return new Field(source, "", source.tree().root());
    }

    /** A copy reading the same document with profile values filled in for {@code {{name}}}. */
    Field withValues(Map<String, String> values) {
        return new Field(new Source(source.tree(), source.env(), values, true), pointer, node);
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    Field get(String name) {
        return new Field(source, pointer + "/" + LocatedTree.escape(name), node.path(name));
    }

    Optional<Field> optional(String name) {
        return has(name) ? Optional.of(get(name)) : Optional.empty();
    }

    List<Field> items() {
        List<Field> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new Field(source, pointer + "/" + i, node.get(i)));
        }
        return items;
    }

    List<Field> items(String name) {
        return has(name) ? get(name).items() : List.of();
    }

    List<String> texts(String name) {
        return items(name).stream().map(Field::text).toList();
    }

    /** The first (the only) key of an object with exactly one field, as the schema's one-of objects are. */
    String onlyKey() {
        return node.fieldNames().next();
    }

    String text() {
        return source.template() ? Placeholders.fill(this, node.asText(), source.values()) : node.asText();
    }

    String text(String name) {
        return get(name).text();
    }

    Optional<String> optionalText(String name) {
        return optional(name).map(Field::text);
    }

    boolean flag(String name) {
        return has(name) && node.get(name).asBoolean();
    }

    Optional<Duration> duration(String name) {
        return optional(name).map(field -> field.convert(() -> Duration.parse(field.text()), "an ISO-8601 duration"));
    }

    /** The secret a {@code {fromEnv: NAME}} reference points to; its value never enters a message. */
    Secret secret() {
        String variable = get("fromEnv").text();
        String value = source.env().get(variable);
        if (value == null || value.isEmpty()) {
            throw fail(variable, "the environment variable " + variable + " holding the secret is not set",
                    "a non-empty value for " + variable + " in the environment");
        }
        return Secret.of(value);
    }

    /** Runs a conversion; a refusal of the model becomes a problem at this field. */
    <T> T convert(Supplier<T> conversion, String accepted) {
        try {
            return conversion.get();
        } catch (SetupFileException e) {
            throw e;
        } catch (InvalidInputException e) {
            throw fail(shown(), e.getMessage(), e.accepted() == null ? accepted : e.accepted());
        } catch (LakesetupException | IllegalArgumentException | java.time.DateTimeException e) {
            throw fail(shown(), e.getMessage(), accepted);
        }
    }

    /** Converts this field's text. */
    <T> T map(Function<String, T> conversion, String accepted) {
        String text = text();
        return convert(() -> conversion.apply(text), accepted);
    }

    SetupFileException fail(String value, String problem, String accepted) {
        return new SetupFileException(List.of(source.tree().problem(pointer, value, problem, accepted)));
    }

    private String shown() {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    JsonNode node() {
        return node;
    }

    String pointer() {
        return pointer;
    }

    Source source() {
        return source;
    }
}
