package dev.lakesetup.setup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lakesetup.core.exception.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads setup files: versioned YAML or JSON documents ({@code apiVersion: lakesetup/v1}) that declare, for one or
 * more workspaces, a blueprint, a vendor access profile filled in with names, or a recipe with its parameters.
 *
 * <pre>{@code
 * List<WorkspaceSetup> setups = SetupFile.read(Path.of("examples/setups/data-graph.yaml"));
 * Plan plan = setups.get(0).plan(lakesetup, workspace);
 * }</pre>
 *
 * <p>Every file is checked in this order, and the first step with problems fails with all of its problems, each
 * naming the file, line, column, field, value and what is accepted: well-formed YAML or JSON; no inline secret
 * (secrets are given as {@code {fromEnv: NAME}}); every {@code ${NAME}} environment reference set; valid against
 * the published JSON Schema ({@link #SCHEMA_ID}, in this jar as {@code dev/lakesetup/setup/setup-file-v1.schema.json});
 * then mapped to the model, whose own checks (names, privileges, ids) are reported at the field they came from.
 */
public final class SetupFile {
    /** The format version this reader accepts, the value of {@code apiVersion}. */
    public static final String API_VERSION = "lakesetup/v1";
    /** The {@code $id} of the published JSON Schema of this version. */
    public static final String SCHEMA_ID = "https://lakesetup.dev/schemas/setup-file/v1.json";

    private SetupFile() {
    }

    /**
     * Reads a setup file, with environment references taken from the process environment.
     *
     * @param file a {@code .yaml}, {@code .yml} or {@code .json} file
     * @return each workspace's setup, in file order
     * @throws SetupFileException naming every problem's file, line, column, field, value and what is accepted
     */
    public static List<WorkspaceSetup> read(Path file) {
        return read(file, System.getenv());
    }

    /**
     * Reads a setup file, with environment references ({@code ${NAME}} and {@code {fromEnv: NAME}}) taken from
     * the given map.
     *
     * @param file a {@code .yaml}, {@code .yml} or {@code .json} file (any other name is read as YAML, which
     *     includes JSON)
     * @param env the environment values
     * @return each workspace's setup, in file order
     * @throws SetupFileException naming every problem's file, line, column, field, value and what is accepted
     */
    public static List<WorkspaceSetup> read(Path file, Map<String, String> env) {
        InvalidInputException.requireNonNull(file, "setup file");
        InvalidInputException.requireNonNull(env, "environment");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SetupFileException(List.of(new SetupProblem(file.toString(), 0, 0, "/", "<unreadable>",
                    "the file cannot be read: " + e, "a readable UTF-8 file")));
        }
        return read(file.toString(), text, env);
    }

    /**
     * Reads a setup document from text, for callers that hold it in memory.
     *
     * @param name the name to show in problems, such as the file's path; a name ending in {@code .json} is read
     *     as JSON, any other as YAML
     * @param text the document
     * @param env the environment values
     * @return each workspace's setup, in document order
     * @throws SetupFileException naming every problem's place, field, value and what is accepted
     */
    public static List<WorkspaceSetup> read(String name, String text, Map<String, String> env) {
        InvalidInputException.requireNonNull(name, "setup file name");
        InvalidInputException.requireNonNull(text, "setup file text");
        InvalidInputException.requireNonNull(env, "environment");
        JsonFactory factory = name.toLowerCase(Locale.ROOT).endsWith(".json") ? new JsonFactory() : new YAMLFactory();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        LocatedTree tree = LocatedTree.parse(name, text, factory);
        failOn(Preprocess.run(tree, env));
        failOn(SchemaCheck.check(tree));
        return WorkspaceMapper.map(Field.root(new Field.Source(tree, Map.copyOf(env), Map.of(), false)));
    }

    /**
     * Returns the published JSON Schema of this version, for editors and documentation.
     *
     * @return a copy of the schema document
     */
    public static JsonNode schema() {
        return SchemaCheck.schema();
    }

    private static void failOn(List<SetupProblem> problems) {
        if (!problems.isEmpty()) {
            throw new SetupFileException(problems);
        }
    }
}
