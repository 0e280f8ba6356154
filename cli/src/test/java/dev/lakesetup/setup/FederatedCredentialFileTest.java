package dev.lakesetup.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakesetup.databricks.DataGraphSetup;
import dev.lakesetup.databricks.FederatedCredential;
import dev.lakesetup.databricks.ProfilesSyncSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A recipe's federatedCredential: in a setup file maps to the fluent federatedCredential(..). */
class FederatedCredentialFileTest {
    private static final String ISSUER = "https://token.actions.githubusercontent.com";
    private static final String SUBJECT = "repo:segment/data-graph:environment:prod";

    @Test
    void dataGraph_withFederatedCredential_equalsTheFluentRecipe() {
        WorkspaceSetup setup = Setups.yaml(Setups.workspace("""
                dataGraph:
                  servicePrincipal: {name: segment-data-graph}
                  profilesSyncCatalog: segment_profiles
                  federatedCredential:
                    issuer: "https://token.actions.githubusercontent.com"
                    subject: "repo:segment/data-graph:environment:prod"
                    audiences: [https://github.com/segment]
                    validationToken: {fromEnv: WORKLOAD_TOKEN}
                """), Map.of("WORKLOAD_TOKEN", "eyJ.fake.token")).get(0);
        DataGraphSetup fluent = DataGraphSetup.builder().servicePrincipalNamed("segment-data-graph")
                .warehouse(Setups.WAREHOUSE).profilesSyncCatalog("segment_profiles")
                .federatedCredential(FederatedCredential.of(ISSUER, SUBJECT).audiences("https://github.com/segment"))
                .build();

        Setups.assertSameBlueprint(setup.blueprint(), fluent.blueprint(schema -> true));
        assertThat(setup.blueprint().resources()).extracting(r -> r.id().kind())
                .contains("federation_policy").doesNotContain("oauth_secret");
        assertThat(setup.toString()).doesNotContain("eyJ.fake.token");
    }

    @Test
    void profilesSync_withFederatedCredentialWithoutAudiences_equalsTheFluentRecipe() {
        WorkspaceSetup setup = Setups.one(Setups.workspace("""
                profilesSync:
                  servicePrincipal: {name: segment-profiles-sync}
                  catalog: segment_profiles
                  federatedCredential: {issuer: "https://token.actions.githubusercontent.com", subject: "repo:x"}
                """));
        ProfilesSyncSetup fluent = ProfilesSyncSetup.builder().servicePrincipalNamed("segment-profiles-sync")
                .warehouse(Setups.WAREHOUSE).catalog("segment_profiles")
                .federatedCredential(FederatedCredential.of(ISSUER, "repo:x")).build();

        Setups.assertSameBlueprint(setup.blueprint(), fluent.blueprint());
    }

    @Test
    void federatedCredential_withAPlainHttpIssuerOrASecretSink_isRefusedAtTheField() {
        SetupFileException http = catchThrowableOfType(SetupFileException.class, () -> Setups.one(Setups.workspace("""
                profilesSync:
                  servicePrincipal: {name: sync}
                  catalog: profiles
                  federatedCredential: {issuer: "http://idp.example.com", subject: "repo:x"}
                """)));
        assertThat(http.problems().get(0).field())
                .isEqualTo("/workspaces/0/setup/profilesSync/federatedCredential");
        assertThat(http.getMessage()).contains("https");

        SetupFileException sink = catchThrowableOfType(SetupFileException.class, () -> Setups.one(Setups.workspace("""
                profilesSync:
                  servicePrincipal: {name: sync}
                  catalog: profiles
                  secretSink: {file: secrets/sync.json}
                  federatedCredential: {issuer: "https://idp.example.com", subject: "repo:x"}
                """)));
        assertThat(sink.getMessage()).contains("secret sink");
    }
}
