package dev.lakesetup.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way a file can be wrong names the file, line, column, field, value and what is accepted. */
class SetupFileErrorsTest {

    private static SetupProblem onlyProblem(String text) {
        return problems("setup.yaml", text, Map.of()).get(0);
    }

    private static List<SetupProblem> problems(String name, String text, Map<String, String> env) {
        SetupFileException e = catchThrowableOfType(SetupFileException.class,
                () -> SetupFile.read(name, text, env));
        assertThat(e).as("a SetupFileException").isNotNull();
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.getMessage()).contains(name + ":" + e.problems().get(0).line() + ":"
                + e.problems().get(0).column());
        return e.problems();
    }

    @Test
    void read_whenFieldUnknown_namesItsKeyPlaceAndTheKnownFields() {
        SetupProblem problem = onlyProblem(Setups.workspace("""
                blueprint:
                  catalogs:
                    - name: sales
                      commnet: typo
                """));
        assertThat(problem.field()).isEqualTo("/workspaces/0/setup/blueprint/catalogs/0/commnet");
        assertThat(problem.line()).isEqualTo(9);
        assertThat(problem.column()).isEqualTo(13);
        assertThat(problem.value()).isEqualTo("commnet");
        assertThat(problem.accepted()).contains("name", "comment", "managedLocation");
    }

    @Test
    void read_whenRequiredFieldMissing_namesTheFieldAndItsObject() {
        SetupProblem problem = onlyProblem(Setups.workspace("""
                blueprint:
                  externalLocations:
                    - name: landing
                      url: abfss://landing@acct.dfs.core.windows.net/
                """));
        assertThat(problem.field()).isEqualTo("/workspaces/0/setup/blueprint/externalLocations/0/credential");
        assertThat(problem.value()).isEqualTo("<missing>");
        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.accepted()).contains("credential");
    }

    @Test
    void read_whenApiVersionWrong_namesTheAcceptedVersion() {
        SetupProblem problem = onlyProblem("apiVersion: lakesetup/v2\nworkspaces:\n  - name: a\n    setup:\n"
                + "      blueprint: {}\n");
        assertThat(problem.field()).isEqualTo("/apiVersion");
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo(13);
        assertThat(problem.value()).isEqualTo("lakesetup/v2");
        assertThat(problem.accepted()).contains("lakesetup/v1");
    }

    @Test
    void read_whenEnumValueWrong_listsTheAcceptedValues() {
        SetupProblem problem = onlyProblem("""
                apiVersion: lakesetup/v1
                profiles:
                  p:
                    archetype: reed
                    servicePrincipal: {name: x}
                workspaces:
                  - name: a
                    setup:
                      profile: {name: p}
                """);
        assertThat(problem.field()).isEqualTo("/profiles/p/archetype");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.value()).isEqualTo("reed");
        assertThat(problem.accepted()).contains("read", "write", "read-write");
    }

    @Test
    void read_whenYamlMalformed_namesTheLineAndColumn() {
        SetupProblem problem = onlyProblem("apiVersion: lakesetup/v1\nworkspaces:\n  - name: [a\n");
        assertThat(problem.line()).isGreaterThanOrEqualTo(3);
        assertThat(problem.problem()).contains("not well-formed");
    }

    @Test
    void read_whenJsonFile_namesLineAndColumnInTheJson() {
        String json = "{\n  \"apiVersion\": \"lakesetup/v1\",\n  \"workspaces\": [\n    {\"name\": \"a\", "
                + "\"setup\": {\"blueprint\": {\"catalogs\": [{\"name\": 7}]}}}\n  ]\n}\n";
        SetupProblem problem = problems("setup.json", json, Map.of()).get(0);
        assertThat(problem.file()).isEqualTo("setup.json");
        assertThat(problem.field()).isEqualTo("/workspaces/0/setup/blueprint/catalogs/0/name");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(65);
        assertThat(problem.value()).isEqualTo("7");
        assertThat(problem.accepted()).contains("string");
    }

    @Test
    void read_whenPrivilegeUnknown_namesThePrivilegesEntry() {
        SetupProblem problem = onlyProblem(Setups.workspace("""
                blueprint:
                  grants:
                    - on: {catalog: sales}
                      to: {group: analysts}
                      privileges: [USE CATALOG, READ EVERYTHING]
                """));
        assertThat(problem.field()).isEqualTo("/workspaces/0/setup/blueprint/grants/0/privileges/1");
        assertThat(problem.line()).isEqualTo(10);
        assertThat(problem.column()).isEqualTo(39);
        assertThat(problem.value()).isEqualTo("READ EVERYTHING");
    }

    @Test
    void read_whenPrivilegeDoesNotApplyToTheSecurable_namesTheEntry() {
        SetupProblem problem = onlyProblem(Setups.workspace("""
                blueprint:
                  grants:
                    - on: {storageCredential: cred}
                      to: {group: analysts}
                      privileges: [SELECT]
                """));
        assertThat(problem.field()).isEqualTo("/workspaces/0/setup/blueprint/grants/0/privileges/0");
        assertThat(problem.value()).isEqualTo("SELECT");
    }

    @Test
    void read_whenNameBreaksUnityCatalogRules_namesTheField() {
        SetupProblem problem = onlyProblem(Setups.workspace("""
                blueprint:
                  catalogs:
                    - name: "sales.eu"
                """));
        assertThat(problem.field()).isEqualTo("/workspaces/0/setup/blueprint/catalogs/0/name");
        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.value()).isEqualTo("sales.eu");
    }

    @Test
    void read_whenSecretInline_refusesItWithoutShowingIt() {
        SetupFileException e = catchThrowableOfType(SetupFileException.class, () -> Setups.one(Setups.workspace("""
                blueprint:
                  storageCredentials:
                    - name: cred
                      azureServicePrincipal:
                        directoryId: 11111111-2222-3333-4444-555555555555
                        applicationId: 99999999-8888-7777-6666-555555555555
                        clientSecret: hunter2-very-secret
                """)));
        SetupProblem problem = e.problems().get(0);
        assertThat(problem.field())
                .isEqualTo("/workspaces/0/setup/blueprint/storageCredentials/0/azureServicePrincipal/clientSecret");
        assertThat(problem.line()).isEqualTo(12);
        assertThat(problem.column()).isEqualTo(29);
        assertThat(problem.problem()).contains("inline secret");
        assertThat(problem.accepted()).contains("fromEnv");
        assertThat(e.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void read_whenSecretComesThroughAnEnvironmentReference_refusesItAsInline() {
        SetupProblem problem = problems("setup.yaml", Setups.workspace("""
                dataGraph:
                  servicePrincipal: {applicationId: 99999999-8888-7777-6666-555555555555}
                  profilesSyncCatalog: segment_profiles
                  validateWith:
                    clientId: 99999999-8888-7777-6666-555555555555
                    secret: ${SP_SECRET}
                """), Map.of("SP_SECRET", "hunter2")).get(0);
        assertThat(problem.field()).endsWith("/validateWith/secret");
        assertThat(problem.value()).isEqualTo("****");
    }

    @Test
    void read_whenSecretEnvironmentVariableUnset_namesTheVariable() {
        SetupProblem problem = onlyProblem(Setups.workspace("""
                dataGraph:
                  servicePrincipal: {applicationId: 99999999-8888-7777-6666-555555555555}
                  profilesSyncCatalog: segment_profiles
                  validateWith:
                    clientId: 99999999-8888-7777-6666-555555555555
                    secret: {fromEnv: SP_SECRET}
                """));
        assertThat(problem.field()).endsWith("/validateWith/secret");
        assertThat(problem.problem()).contains("SP_SECRET");
        assertThat(problem.line()).isEqualTo(11);
    }

    @Test
    void read_whenEnvironmentReferenceUnset_namesTheVariableAndPlace() {
        SetupProblem problem = onlyProblem("apiVersion: lakesetup/v1\nworkspaces:\n  - name: a\n"
                + "    host: https://${WORKSPACE_HOST}\n    setup:\n      blueprint: {}\n");
        assertThat(problem.field()).isEqualTo("/workspaces/0/host");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(11);
        assertThat(problem.problem()).contains("WORKSPACE_HOST");
    }

    @Test
    void read_whenWorkspaceNamedTwice_namesTheSecond() {
        SetupProblem problem = onlyProblem("apiVersion: lakesetup/v1\nworkspaces:\n  - name: a\n    setup:\n"
                + "      blueprint: {}\n  - name: a\n    setup:\n      blueprint: {}\n");
        assertThat(problem.field()).isEqualTo("/workspaces/1/name");
        assertThat(problem.line()).isEqualTo(6);
    }

    @Test
    void read_whenSetupHasTwoKinds_namesTheSetup() {
        SetupProblem problem = onlyProblem(Setups.workspace("blueprint: {}\nprofile: {name: p}\n"));
        assertThat(problem.field()).isEqualTo("/workspaces/0/setup");
        assertThat(problem.accepted()).contains("Exactly one of blueprint, profile");
    }

    @Test
    void read_whenWarehouseMissing_namesTheSection() {
        SetupProblem problem = onlyProblem("apiVersion: lakesetup/v1\nworkspaces:\n  - name: a\n    setup:\n"
                + "      blueprint:\n        warehousePermissions:\n          - principal: {group: g}\n");
        assertThat(problem.field()).isEqualTo("/workspaces/0/setup/blueprint/warehousePermissions/0");
        assertThat(problem.accepted()).contains("warehouse");
    }

    @Test
    void read_whenSeveralProblems_reportsThemAllInFileOrder() {
        List<SetupProblem> problems = problems("setup.yaml", Setups.workspace("""
                blueprint:
                  catalogs:
                    - comment: no name
                  schemas:
                    - name: a.b
                      extra: 1
                """), Map.of());
        assertThat(problems).extracting(SetupProblem::field).containsExactly(
                "/workspaces/0/setup/blueprint/catalogs/0/name", "/workspaces/0/setup/blueprint/schemas/0/extra");
        assertThat(problems.get(0).line()).isLessThan(problems.get(1).line());
    }

    @Test
    void read_whenFileMissing_namesTheFile() {
        SetupFileException e = catchThrowableOfType(SetupFileException.class,
                () -> SetupFile.read(java.nio.file.Path.of("no-such-setup.yaml"), Map.of()));
        assertThat(e.problems().get(0).file()).isEqualTo("no-such-setup.yaml");
        assertThat(e.getMessage()).contains("cannot be read");
    }

    @Test
    void read_whenStorageCredentialHasNoIdentity_namesTheCredentialAndTheChoices() {
        List<SetupProblem> problems = problems("setup.yaml", Setups.workspace("""
                blueprint:
                  storageCredentials:
                    - name: cred
                """), Map.of());
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("/workspaces/0/setup/blueprint/storageCredentials/0");
            assertThat(problem.line()).isEqualTo(8);
            assertThat(problem.accepted()).contains("azureManagedIdentity or azureServicePrincipal");
        });
    }

    @Test
    void read_whenKeyRepeated_namesItsPlaceInsteadOfKeepingTheLastValue() {
        SetupProblem problem = onlyProblem("apiVersion: lakesetup/v1\nworkspaces:\n  - name: a\n    name: b\n"
                + "    setup:\n      blueprint: {}\n");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.problem()).contains("Duplicate field 'name'");
    }
}
