package dev.lakesetup.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.setup.SetupFileException;
import dev.lakesetup.setup.SetupProblem;
import dev.lakesetup.setup.WorkspaceSetup;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakesetup validate}: checks a setup file against its schema and its rules (names, privileges, secret
 * references, {@code ${ENV}} values) without contacting any service.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check the setup file (schema, names, privileges, secret references, $${ENV} values) "
            + "without contacting any service. Every problem is listed with its line and column.",
            "With --json, prints {\"schema\": \"lakesetup.validate/v1\", \"valid\": ..., \"workspaces\": [...], "
            + "\"problems\": [...]}."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the file is valid", "1:it is not, or an error"})
final class ValidateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    private LakesetupCommand root;

    @Mixin
    private FileOptions file;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() throws JsonProcessingException {
        Console console = root.console();
        List<WorkspaceSetup> setups;
        try {
            setups = file.selected(file.read(console.env()));
        } catch (SetupFileException e) {
            if (!output.json()) {
                throw e;
            }
            console.out().println(JSON.writeValueAsString(document(List.of(), e.problems())));
            return ExitStatus.ERROR;
        }
        if (output.json()) {
            console.out().println(JSON.writeValueAsString(document(setups, List.of())));
        } else {
            console.out().println(file.file() + " is valid: " + setups.size() + " workspace setup(s)");
            setups.forEach(setup -> console.out().println("  " + setup.name() + ": " + setup.kind().key()
                    + setup.host().map(host -> " on " + host).orElse("")));
        }
        return ExitStatus.CLEAN;
    }

    private ObjectNode document(List<WorkspaceSetup> setups, List<SetupProblem> problems) {
        ObjectNode root = JSON.createObjectNode().put("schema", "lakesetup.validate/v1")
                .put("file", file.file().toString()).put("valid", problems.isEmpty());
        ArrayNode workspaces = root.putArray("workspaces");
        setups.forEach(setup -> workspaces.addObject().put("name", setup.name()).put("kind", setup.kind().key())
                .put("host", setup.host().orElse(null)));
        ArrayNode list = root.putArray("problems");
        problems.forEach(problem -> list.addObject().put("file", problem.file()).put("line", problem.line())
                .put("column", problem.column()).put("field", problem.field()).put("value", problem.value())
                .put("problem", problem.problem()).put("accepted", problem.accepted()));
        return root;
    }
}
