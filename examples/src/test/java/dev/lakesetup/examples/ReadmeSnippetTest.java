package dev.lakesetup.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's testkit example the same as the test that runs in the build. */
class ReadmeSnippetTest {

    @Test
    void readme_showsOnboardingTestInFull() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String readme = Files.readString(module.resolveSibling("README.md"), StandardCharsets.UTF_8);
        String test = Files.readString(module.resolve("src/test/java/dev/lakesetup/examples/OnboardingTest.java"),
                StandardCharsets.UTF_8);

        assertThat(readme).contains("```java\n" + test + "```\n");
    }
}
