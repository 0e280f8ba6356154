package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void parse_whenUnknownOption_failsNamingIt() {
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--nope"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--nope");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--port", "x"}))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--azure-port", "-1"}))
                .hasMessageContaining("--azure-port");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--seed", "other"}))
                .hasMessageContaining("demo");
    }

    @Test
    void start_withDemoSeed_printsHostTokenAndSeededObjects() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<AutoCloseable> running = Main.start(Main.Options.parse(new String[] {"--seed", "demo"}),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertThat(out).contains("host:          http://127.0.0.1:").contains("admin token:   dapi")
                    .contains("demo.sales.orders").contains("d3e0a1b2c3d4e5f6");
            FakeWorkspace ws = (FakeWorkspace) running.get(0);
            assertThat(ws.snapshot().schemas()).contains("demo.sales");
            FakeAzure azure = (FakeAzure) running.get(1);
            assertThat(out).contains("tenant id:     " + azure.tenantId())
                    .contains(azure.storageEndpoint("demolake"));
        } finally {
            for (AutoCloseable c : running) {
                c.close();
            }
        }
    }
}
