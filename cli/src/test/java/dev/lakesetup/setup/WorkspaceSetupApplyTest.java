package dev.lakesetup.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.PrincipalValidator;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.testkit.FakeWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applying a file's setup on the fake workspace: complete, an empty re-plan, the secret in its owner-only file. */
class WorkspaceSetupApplyTest {

    @Test
    void apply_profile_createsEverythingAndWritesTheSecretOwnerOnly(@TempDir Path dir) throws IOException {
        String text = Files.readString(Setups.EXAMPLES.resolve("vendor-profile.yaml"))
                .replace("secrets/{{principal}}.json", dir.resolve("{{principal}}.json").toString());
        WorkspaceSetup setup = Setups.yaml(text, Map.of("CUSTOMER_ONE_HOST", "h", "CUSTOMER_TWO_HOST", "h")).get(0);
        try (FakeWorkspace fake = FakeWorkspace.builder().warehouse(Setups.WAREHOUSE, "Starter").build().start()) {
            fake.seedCatalog("acme").seedCatalog("sales").seedSchema("sales.orders");
            DatabricksWorkspace workspace = Setups.workspace(fake);
            Lakesetup lakesetup = Setups.lakesetup(workspace);
            SetupOutcome outcome = setup.apply(lakesetup, workspace);
            assertThat(outcome.succeeded()).as(outcome.report().toString()).isTrue();
            assertThat(outcome.replan()).hasValueSatisfying(replan -> assertThat(replan.isEmpty()).isTrue());
            assertThat(outcome.connectionDetails()).isEmpty();
            Path secret = dir.resolve("acme-sync.json");
            assertThat(Files.readString(secret)).contains("client_secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            assertThat(setup.plan(lakesetup, workspace).isEmpty()).isTrue();
        }
    }

    @Test
    void apply_profilesSyncRecipe_validatesAsThePrincipalAndHandsOver(@TempDir Path dir) {
        String text = Setups.workspace("""
                profilesSync:
                  servicePrincipal: {name: segment-profiles-sync}
                  catalog: segment_profiles
                  secretSink: {file: "%s"}
                """.formatted(dir.resolve("sync.json")));
        WorkspaceSetup setup = Setups.one(text);
        try (FakeWorkspace fake = Setups.fake()) {
            fake.seedCatalog("segment_profiles");
            DatabricksWorkspace workspace = Setups.workspace(fake);
            SetupOutcome outcome = setup.apply(Setups.lakesetup(workspace), workspace,
                    RunOptions.defaults().withValidator(PrincipalValidator.Builder::plainHttpForTesting));
            assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
            assertThat(outcome.validation()).isPresent();
            assertThat(outcome.connectionDetails()).hasValueSatisfying(details ->
                    assertThat(details.catalog().fullName()).isEqualTo("segment_profiles"));
            assertThat(dir.resolve("sync.json")).exists();
            assertThat(outcome.toString()).doesNotContain(
                    outcome.connectionDetails().orElseThrow().oauthSecret().orElseThrow().reveal());
        }
    }
}
