package dev.lakesetup.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/setup-file.md publishes the jar's schema and shows messages exactly as they are. */
class SetupFileDocsTest {
    private static final Path DOC = Path.of("..", "docs", "setup-file.md");

    @Test
    void docs_publishTheSchemaOfTheJar() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("```json", doc.indexOf("## The JSON Schema")) + "```json".length();
        String published = doc.substring(start, doc.indexOf("```", start));
        assertThat(new ObjectMapper().readTree(published)).isEqualTo(SetupFile.schema());
        assertThat(doc).contains(SetupFile.SCHEMA_ID);
    }

    @Test
    void docs_showTheErrorMessagesAsTheyAre() throws IOException {
        String doc = Files.readString(DOC);
        SetupFileException unknown = catchThrowableOfType(SetupFileException.class, () -> Setups.one(
                Setups.workspace("blueprint:\n  catalogs:\n    - name: sales\n      commnet: typo\n")));
        assertThat(doc).contains(unknown.getMessage());
        SetupFileException inline = catchThrowableOfType(SetupFileException.class, () -> Setups.one(
                Setups.workspace("""
                        blueprint:
                          storageCredentials:
                            - name: cred
                              azureServicePrincipal:
                                directoryId: 11111111-2222-3333-4444-555555555555
                                applicationId: 99999999-8888-7777-6666-555555555555
                                clientSecret: hunter2-very-secret
                        """)));
        assertThat(doc).contains(inline.getMessage());
    }
}
