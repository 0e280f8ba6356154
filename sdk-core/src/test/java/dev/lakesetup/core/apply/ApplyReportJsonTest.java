package dev.lakesetup.core.apply;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.render.ReportFormat;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import org.junit.jupiter.api.Test;

class ApplyReportJsonTest {
    private static final String CLIENT_SECRET = "s3cr3t-value-never-shown";
    private static final String HOSTILE = "bad \"quote\" \\ back\nnew line \u0007 bell </script>";

    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();

    private ApplyReport applyWithOneFailure() {
        Blueprint blueprint = Blueprint.builder()
                .resource(StorageCredential.named("cred", new StorageIdentity.AzureServicePrincipal(
                        "72f988bf-86f1-41af-91ab-2d7cd011db47", ApplicationId.of("5f0c3a52-1b7e-4c55-8d0a-2f1e6b9c7d41"),
                        Secret.of(CLIENT_SECRET))))
                .resource(Catalog.named("profiles"))
                .grant(Grant.on(Securable.catalog("profiles")).to(Principal.servicePrincipal(APP))
                        .privileges(USE_CATALOG))
                .build();
        workspace.failNext(ChangeId.of("catalog:profiles"),
                ServiceException.builder(ServiceException.Failure.FATAL, HOSTILE).status(400).build());
        return lakesetup.apply(lakesetup.plan(blueprint));
    }

    @Test
    void renderJson_namesSchemaAndEveryOutcome_andEscapesServiceText() throws Exception {
        ApplyReport report = applyWithOneFailure();

        JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.render(report));

        assertThat(json.get("schema").asText()).isEqualTo("lakesetup.apply-report/v1");
        assertThat(json.get("success").asBoolean()).isFalse();
        assertThat(json.get("summary").get("applied").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("failed").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("skipped").asInt()).isEqualTo(1);
        JsonNode failed = json.get("changes").get(1);
        assertThat(failed.get("id").asText()).isEqualTo("catalog:profiles");
        assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        // the JSON string holds the reason as every rendering shows service text: line breaks and controls escaped
        assertThat(failed.get("reason").asText()).contains(ServiceText.escape(HOSTILE)).doesNotContain("\n");
        assertThat(json.get("changes").get(2).get("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(json.get("changes").get(2).get("reason").asText()).contains("depends on catalog:profiles");
    }

    @Test
    void render_neverShowsASecretSetting() {
        ApplyReport report = applyWithOneFailure();

        for (ReportFormat format : ReportFormat.values()) {
            String rendered = format.render(report);
            assertThat(rendered).doesNotContain(CLIENT_SECRET);
        }
        assertThat(ReportFormat.JSON.render(report)).contains("client secret = " + Secret.MASK);
        assertThat(ReportFormat.TEXT.render(report)).startsWith("Apply failed: 1 applied").contains(
                "FAILED catalog profiles");
    }
}
