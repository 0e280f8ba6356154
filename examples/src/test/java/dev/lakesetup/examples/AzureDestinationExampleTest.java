package dev.lakesetup.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.azure.AzureDeltaLakeDestinationSetup;
import dev.lakesetup.azure.DestinationSetupResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureDestinationExampleTest {

    @Test
    void runOffline_appliesEveryStepAndSecondPlanIsEmpty() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        DestinationSetupResult result = AzureDestinationExample.runOffline(
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(result.isSuccess()).as(out).isTrue();
        assertThat(result.report().outcomes()).hasSize(9);
        assertThat(out).contains("Plan:").contains("entra service principal")
                .contains("adls container lakeacct/segment").contains("Setup complete.")
                .contains("catalog=segment").contains("Second plan (empty)");
        int checks = result.validation().orElseThrow().checks().size();
        assertThat(out).contains("  [                    ] validating 0 of " + checks,
                "  [####################] validating " + checks + " of " + checks);
    }

    @Test
    void recipe_withoutStorageSettings_namesTheMissingVariable() {
        assertThatThrownBy(() -> AzureDestinationExample.recipe(Map.of()))
                .hasMessageContaining("LAKESETUP_STORAGE_ACCOUNT");
    }

    @Test
    void recipe_byDefault_usesTheGuidesApplication() {
        AzureDeltaLakeDestinationSetup setup = AzureDestinationExample.recipe(Map.of(
                "LAKESETUP_STORAGE_ACCOUNT", "acct1", "LAKESETUP_RESOURCE_GROUP", "rg",
                "LAKESETUP_CONTAINER", "segment", "LAKESETUP_ACCESS_CONNECTOR_ID",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/c"));

        assertThat(setup.principal().applicationId().orElseThrow().toString())
                .isEqualTo(AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID);
        assertThat(setup.catalog().toString()).isEqualTo("segment");
    }
}
