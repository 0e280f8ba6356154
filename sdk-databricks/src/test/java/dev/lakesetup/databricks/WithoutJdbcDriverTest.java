package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.testkit.FakeWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The class path a user has who did not add the optional Databricks JDBC driver and HikariCP: this class runs only
 * in the surefire execution that leaves both out (see this module's POM).
 */
@Tag("without-jdbc-driver")
class WithoutJdbcDriverTest {
    private static final String COORDINATES = "com\\.databricks:databricks-jdbc:\\d+\\.\\d+\\.\\d+";

    private FakeFixture f;

    @BeforeEach
    void start() {
        f = FakeFixture.start();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void classPath_lacksTheDriverAndThePool() {
        assertThatThrownBy(() -> Class.forName("com.databricks.client.jdbc.Driver"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("com.zaxxer.hikari.HikariDataSource"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void sqlExecutor_withoutDriver_appliesThroughTheStatementApiAndValidationFollows() {
        FakeWorkspace.SeededPrincipal seeded = f.fake.seedServicePrincipal("reader");
        ServicePrincipal sp = Principal.servicePrincipal(ApplicationId.of(seeded.applicationId()));
        Blueprint blueprint = Blueprint.builder()
                .resource(Catalog.named("profiles").comment("bookkeeping"))
                .resource(Schema.named("profiles", "raw"))
                .resource(WarehousePermission.canUse(FakeFixture.WAREHOUSE, sp))
                .grant(Grant.on(Securable.catalog("profiles")).to(sp).privileges(USE_CATALOG))
                .grant(Grant.on(Securable.schema("profiles", "raw")).to(sp).privileges(USE_SCHEMA, SELECT))
                .build();

        try (SqlExecutor sql = f.workspace.sqlExecutor()) {
            Lakesetup lakesetup = f.lakesetup(sql);
            ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint));

            assertThat(report.failures()).isEmpty();
            assertThat(lakesetup.plan(blueprint).isEmpty()).isTrue();
        }
        assertThat(f.fake.snapshot().catalogs()).contains("profiles");
        assertThat(f.fake.snapshot().schemas()).contains("profiles.raw");
        assertThat(f.fake.requests().count(FakeFixture.STATEMENTS_POST)).isPositive();

        ValidationReport validation = PrincipalValidator.builder().host(f.fake.host())
                .warehouseId(FakeFixture.WAREHOUSE).plainHttpForTesting()
                .credentials(new OAuthCredentials(sp.applicationId().orElseThrow(), Secret.of(seeded.secret())))
                .showSchemasIn(CatalogName.of("profiles")).build().validate();
        assertThat(validation.transport()).isEqualTo(ValidationTransport.STATEMENT_API);
        assertThat(validation.passed()).as(validation.toString()).isTrue();
    }

    @Test
    void dataSource_withoutDriver_failsNamingTheDependencyToAdd() {
        DatabricksJdbc jdbc = f.workspace.jdbc().build();

        assertThatThrownBy(jdbc::dataSource).isInstanceOf(LakesetupException.class)
                .hasMessageContaining("The Databricks JDBC driver is not on the class path")
                .hasMessageContaining("DatabricksJdbc.dataSource() needs it")
                .hasMessageContaining("--add-modules databricks.jdbc")
                .hasMessageContaining("DatabricksWorkspace.sqlExecutor()")
                .hasMessageFindingMatch(COORDINATES)
                .hasMessageNotContaining(f.fake.adminToken());
        assertThatThrownBy(jdbc::unpooledDataSource).isInstanceOf(LakesetupException.class)
                .hasMessageFindingMatch(COORDINATES);
    }

    @Test
    void validator_whenJdbcAskedForWithoutDriver_failsAtBuildNamingTheDependency() {
        PrincipalValidator.Builder validator = PrincipalValidator.builder().host(f.fake.host())
                .warehouseId(FakeFixture.WAREHOUSE).plainHttpForTesting()
                .credentials(new OAuthCredentials(ApplicationId.of("9f0c5b7e-1d2a-4c3b-8e4f-5a6b7c8d9e0f"),
                        Secret.of("not-used")))
                .transport(ValidationTransport.JDBC);

        assertThatThrownBy(validator::build).isInstanceOf(LakesetupException.class)
                .hasMessageContaining("validation over JDBC")
                .hasMessageContaining("transport(ValidationTransport.STATEMENT_API)")
                .hasMessageFindingMatch(COORDINATES);
    }
}
