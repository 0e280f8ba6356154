package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.testing.ModularConsumer;
import dev.lakesetup.testkit.FakeAzure;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application that {@code requires dev.lakesetup.azure} compiles and runs on the module path with no
 * {@code --add-modules}: the consumer in {@code src/test/modular-consumer} plans Azure resources against the fake
 * Azure endpoints, through the Azure SDK's default HTTP client.
 */
class ModulePathSmokeTest {
    @TempDir
    Path work;

    @Test
    void modularApplication_plansAzureResourcesOnTheModulePath_withoutAddModules() throws Exception {
        ModularConsumer consumer = ModularConsumer.compile(work);
        String appId = UUID.randomUUID().toString();

        try (FakeAzure azure = FakeAzure.builder().application(appId, "modular-app").storageAccount("acct", "rg")
                .build().start()) {
            String output = consumer.run(azure.tenantId(), azure.subscriptionId(), azure.accessToken(),
                    azure.baseUrl(), "acct", "rg", azure.storageAccountKey("acct"), appId);

            assertThat(output).contains("azure: 3 to create, 0 to update");
        }
    }
}
