package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.testkit.FakeWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the README points {@code workspace.sqlExecutor()} at the testkit's fake workspace. */
class SqlExecutorOnFakeTest {

    private final FakeWorkspace fake = FakeWorkspace.builder().warehouse("wh1", "Starter").group("analysts").build()
            .start();
    private final DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(fake.host())
            .plainHttpForTesting().pat(fake.adminToken()).warehouseId("wh1").build();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void workspace_whenHostIsPlainHttpWithoutTestMode_failsNamingTheFix() {
        assertThatThrownBy(() -> DatabricksWorkspace.builder().host(fake.host()).pat(fake.adminToken())
                .warehouseId("wh1").build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plain http").hasMessageContaining("plainHttpForTesting()")
                .hasMessageNotContaining(fake.adminToken());
    }

    @Test
    void jdbc_whenPlainHttpWithoutTheStatementApi_failsNamingTheFix() {
        assertThatThrownBy(() -> workspace.jdbc().property("UseThriftClient", "1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("plain http")
                .hasMessageContaining("plainHttpForTesting()");
    }

    @Test
    void sqlExecutor_withPlainHttpForTesting_appliesGrantsOverJdbc() {
        fake.seedCatalog("sales");
        try (SqlExecutor sql = workspace.sqlExecutor()) {
            Lakesetup lakesetup = Lakesetup.builder().executor(sql).build();
            Blueprint blueprint = Blueprint.builder().grant(Grant.on(Securable.catalog("sales"))
                    .to(Principal.group("analysts")).privileges(USE_CATALOG)).build();

            assertThat(lakesetup.apply(lakesetup.plan(blueprint)).isSuccess()).isTrue();
        }

        assertThat(fake.snapshot().grants().get("catalog:sales")).containsEntry("analysts",
                java.util.Set.of("USE_CATALOG"));
        assertThat(fake.requests().count(FakeFixture.PERMISSIONS_PATCH)).as("granted by SQL, not REST").isZero();
    }
}
