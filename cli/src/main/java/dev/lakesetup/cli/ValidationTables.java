package dev.lakesetup.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables a workspace's recipe validates with ({@code validateWithTables} in the setup file), so that a sandbox
 * can hold them: a real workspace has them already, and the recipes do not list them once built.
 */
final class ValidationTables {
    private ValidationTables() {
    }

    /**
     * Lists the tables named under {@code validateWithTables} in one workspace's entry of a file that
     * {@code SetupFile.read} has already accepted.
     */
    static List<String> of(Path file, String workspace) {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " again", e);
        }
        List<String> tables = new ArrayList<>();
        for (JsonNode entry : root.path("workspaces")) {
            if (workspace.equals(entry.path("name").asText())) {
                entry.findValues("validateWithTables").forEach(list -> list.forEach(table -> {
                    if (table.isTextual() && table.asText().split("\\.").length == 3) {
                        tables.add(table.asText());
                    }
                }));
            }
        }
        return tables;
    }
}
