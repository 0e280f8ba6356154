package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Setting;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.FaultResponse;
import dev.lakesetup.testkit.FaultRule;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AdminChecksTest {
    private FakeWorkspace fake;
    private DatabricksWorkspace workspace;
    private FakeWorkspace.SeededPrincipal sp;

    @BeforeEach
    void start() {
        fake = FakeWorkspace.builder().build().start();
        workspace = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting().pat(fake.adminToken()).build();
        sp = fake.seedServicePrincipal("reader");
        fake.seedCatalog("sales").seedGrant("catalog", "sales", sp.applicationId(), "USE_CATALOG");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private AdminChecks.Builder checks() {
        return AdminChecks.builder().principal(ApplicationId.of(sp.applicationId())).workspace(workspace);
    }

    @Test
    void validate_whenPrivilegeIsHeld_passesTheNamedCheck() {
        ValidationReport report = checks().expectPrivileges(CatalogName.of("sales"), Privilege.USE_CATALOG).build()
                .validate();

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.transport()).isEqualTo(ValidationTransport.ADMIN_API);
        assertThat(report.checks()).extracting(ValidationCheck::name)
                .containsExactly("privileges on catalog sales include USE CATALOG");
    }

    @Test
    void validate_whenSecurableIsMissingOrPrivilegeLacking_reportsFailedChecksInsteadOfThrowing() {
        ValidationReport report = checks().expectPrivileges(CatalogName.of("sales"), Privilege.CREATE_SCHEMA)
                .expectPrivileges(CatalogName.of("gone"), Privilege.USE_CATALOG).build().validate();

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).extracting(ValidationCheck::status)
                .containsExactly(ValidationCheck.Status.FAILED, ValidationCheck.Status.FAILED);
        assertThat(report.check("privileges on catalog sales include CREATE SCHEMA").message())
                .contains("lacks CREATE SCHEMA");
        assertThat(report.check("privileges on catalog gone include USE CATALOG").message()).isNotBlank();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void validate_whenEffectivePermissionsRepeatTheirPageToken_failsThatCheckInsteadOfReadingForever() {
        FaultRule repeating = fake.faults().on("GET", "/api/2\\.1/unity-catalog/effective-permissions/.*").always()
                .respond(FaultResponse.raw(200, "application/json", "{\"privilege_assignments\":[],"
                        + "\"next_page_token\":\"again\"}"));

        ValidationReport report = checks().expectPrivileges(CatalogName.of("sales"), Privilege.USE_CATALOG).build()
                .validate();

        assertThat(report.check("privileges on catalog sales include USE CATALOG").status())
                .isEqualTo(ValidationCheck.Status.FAILED);
        assertThat(report.check("privileges on catalog sales include USE CATALOG").message())
                .contains("read effective privileges on catalog sales", "'again' twice");
        assertThat(repeating.hits()).isEqualTo(2);
    }

    @Test
    void validate_whenEntitlementIsMissing_failsThatSettingsCheck() {
        WorkspaceServicePrincipal declared = WorkspaceServicePrincipal.ofApplication(
                ApplicationId.of(sp.applicationId()), "reader").entitlements(Entitlement.DATABRICKS_SQL_ACCESS);

        ValidationReport report = checks().expectResource(workspace.restExecutor(), declared).build().validate();

        assertThat(report.failures()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("service_principal:" + sp.applicationId()
                    + ": entitlements include databricks-sql-access");
            assertThat(check.message()).contains("lacks entitlements databricks-sql-access");
        });
    }

    @Test
    void build_whenWorkspaceIsMissing_namesTheField() {
        assertThatThrownBy(() -> AdminChecks.builder().principal(ApplicationId.of(sp.applicationId())).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("workspace");
    }

    @Test
    void expectResource_whenExecutorDoesNotHandleIt_refusesIt() {
        Resource foreign = new Resource() {
            @Override
            public ResourceId id() {
                return ResourceId.of("elsewhere", "thing");
            }

            @Override
            public List<Setting> settings() {
                return List.of();
            }
        };

        assertThatThrownBy(() -> checks().expectResource(workspace.restExecutor(), foreign))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("elsewhere:thing");
    }
}
