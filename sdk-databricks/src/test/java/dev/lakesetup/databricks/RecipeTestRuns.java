package dev.lakesetup.databricks;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.util.List;

/** What the recipe tests share: the fake's run options, the principal's application id, an admin's revoke. */
final class RecipeTestRuns {
    static final RunOptions FAKE_OPTIONS = RunOptions.defaults()
            .withValidator(PrincipalValidator.Builder::plainHttpForTesting);

    private RecipeTestRuns() {
    }

    static String appId(WorkspaceSnapshot snapshot, String displayName) {
        return snapshot.principals().stream().filter(p -> p.displayName().equals(displayName)).findFirst()
                .orElseThrow().applicationId();
    }

    /** Revokes privileges as an admin would, outside lakesetup (drift). */
    static void revoke(FakeFixture f, String type, String fullName, String principal, Privilege... privileges) {
        new WorkspaceClient(new DatabricksConfig().setHost(f.fake.host()).setToken(f.fake.adminToken())
                .setAuthType("pat").setDisableRetries(true)).grants().update(new UpdatePermissions()
                .setSecurableType(type).setFullName(fullName).setChanges(List.of(new PermissionsChange()
                        .setPrincipal(principal).setRemove(List.of(privileges)))));
    }
}
