package dev.lakesetup.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The secret rotation example, run offline on the fake workspace's moved clock. */
class SecretRotationExampleTest {

    @Test
    void run_offline_keepsTheSecretUntilDueThenRotatesIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = SecretRotationExample.run(out);
        }
        String story = bytes.toString(StandardCharsets.UTF_8);

        assertThat(status).as(story).isZero();
        assertThat(story).contains("Setup succeeded.", "(active secret expires", "not due, nothing changed",
                "rotated", "deleted: ", "validation: passed", " ACTIVE, expires ");
        assertThat(story.lines().filter(line -> line.startsWith("secret "))).hasSize(1);
    }
}
