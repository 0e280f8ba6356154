package dev.lakesetup.setup;

import static dev.lakesetup.setup.Setups.assertSameBlueprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Access profiles: archetypes, privileges override, existing principals, and values that must fit. */
class AccessProfileTest {
    private static final String APP = "99999999-8888-7777-6666-555555555555";

    private static String file(String profile, String values) {
        return "apiVersion: lakesetup/v1\nprofiles:\n  vendor:\n" + profile.indent(4)
                + "workspaces:\n  - name: a\n    setup:\n      profile:\n        name: vendor\n        values: "
                + values + "\n";
    }

    @Test
    void readProfile_withExistingPrincipal_grantsTheArchetypesPrivileges() {
        WorkspaceSetup setup = Setups.one(file("""
                archetype: read
                servicePrincipal: {applicationId: "{{app}}"}
                catalogs: ["{{catalog}}"]
                schemas: ["{{catalog}}.{{schema}}"]
                """, "{app: " + APP + ", catalog: sales, schema: orders}"));
        ServicePrincipal sp = Principal.servicePrincipal(ApplicationId.of(APP));
        assertSameBlueprint(setup.blueprint(), Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(sp)
                        .privileges(Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT))
                .grant(Grant.on(Securable.schema("sales", "orders")).to(sp)
                        .privileges(Privilege.USE_SCHEMA, Privilege.SELECT))
                .build());
    }

    @Test
    void readProfile_writeArchetypeWithPrivilegesOverride_usesTheGivenPrivileges() {
        WorkspaceSetup setup = Setups.one(file("""
                archetype: write
                servicePrincipal: {applicationId: "{{app}}"}
                catalogs: [landing]
                privileges: [USE CATALOG, USE SCHEMA, CREATE SCHEMA]
                """, "{app: " + APP + "}"));
        assertSameBlueprint(setup.blueprint(), Blueprint.builder()
                .grant(Grant.on(Securable.catalog("landing")).to(Principal.servicePrincipal(ApplicationId.of(APP)))
                        .privileges(Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.CREATE_SCHEMA))
                .build());
    }

    @Test
    void readProfile_whenValueMissing_namesThePlaceholderAndItsPlace() {
        SetupFileException e = catchThrowableOfType(SetupFileException.class, () -> Setups.one(file("""
                archetype: read
                servicePrincipal: {name: vendor-sync}
                catalogs: ["{{catalog}}"]
                """, "{}")));
        SetupProblem problem = e.problems().get(0);
        assertThat(problem.field()).isEqualTo("/profiles/vendor/catalogs/0");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.problem()).contains("{{catalog}}");
    }

    @Test
    void readProfile_whenValueUnused_namesTheValue() {
        SetupFileException e = catchThrowableOfType(SetupFileException.class, () -> Setups.one(file("""
                archetype: read
                servicePrincipal: {name: vendor-sync}
                catalogs: ["{{catalog}}"]
                """, "{catalog: sales, catalgo: typo}")));
        SetupProblem problem = e.problems().get(0);
        assertThat(problem.field()).isEqualTo("/workspaces/0/setup/profile/values/catalgo");
        assertThat(problem.accepted()).contains("[catalog]");
    }

    @Test
    void readProfile_whenProfileUnknown_listsTheDeclaredOnes() {
        SetupFileException e = catchThrowableOfType(SetupFileException.class, () -> Setups.yaml(
                file("archetype: read\nservicePrincipal: {name: x}\n", "{}").replace("name: vendor\n",
                        "name: vendr\n"), Map.of()));
        SetupProblem problem = e.problems().get(0);
        assertThat(problem.field()).isEqualTo("/workspaces/0/setup/profile/name");
        assertThat(problem.value()).isEqualTo("vendr");
        assertThat(problem.accepted()).contains("[vendor]");
    }

    @Test
    void readProfile_whenWarehouseUseWithoutWarehouse_namesTheProfile() {
        SetupFileException e = catchThrowableOfType(SetupFileException.class, () -> Setups.one(file("""
                archetype: read
                servicePrincipal: {name: vendor-sync}
                warehouseUse: true
                """, "{}")));
        assertThat(e.problems().get(0).field()).isEqualTo("/profiles/vendor");
        assertThat(e.problems().get(0).accepted()).contains("warehouse");
    }
}
