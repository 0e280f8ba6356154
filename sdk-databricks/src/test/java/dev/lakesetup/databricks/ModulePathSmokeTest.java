package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.testing.ModularConsumer;
import dev.lakesetup.testkit.FakeWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application that {@code requires dev.lakesetup.databricks} compiles and runs on the module path with
 * no {@code --add-modules}: the consumer in {@code src/test/modular-consumer} plans through the REST executor and
 * the SQL executor against a fake workspace. Its module path is what a user's build resolves for this module at run
 * time, without the optional JDBC driver.
 */
class ModulePathSmokeTest {
    @TempDir
    Path work;

    @Test
    void modularApplication_plansOnTheModulePath_withoutAddModules() throws Exception {
        ModularConsumer consumer = ModularConsumer.compile(work);

        try (FakeWorkspace fake = FakeWorkspace.builder().warehouse("wh1", "Starter").group("analysts").build()
                .start()) {
            String output = consumer.run(fake.host(), fake.adminToken(), "wh1");

            assertThat(output).contains("rest: 1 to create, 0 to update, 1 to grant")
                    .contains("sql: 1 to create, 0 to update, 1 to grant");
        }
    }
}
