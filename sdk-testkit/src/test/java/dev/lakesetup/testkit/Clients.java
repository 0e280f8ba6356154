package dev.lakesetup.testkit;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;

/** Builds the official Databricks clients pointed at a fake workspace. */
final class Clients {

    private Clients() {
    }

    static WorkspaceClient admin(FakeWorkspace ws) {
        return new WorkspaceClient(new DatabricksConfig().setHost(ws.host()).setToken(ws.adminToken())
                .setAuthType("pat").setDisableRetries(true));
    }

    static WorkspaceClient adminWithRetries(FakeWorkspace ws) {
        return new WorkspaceClient(new DatabricksConfig().setHost(ws.host()).setToken(ws.adminToken())
                .setAuthType("pat"));
    }

    static WorkspaceClient servicePrincipal(FakeWorkspace ws, String clientId, String secret) {
        return new WorkspaceClient(new DatabricksConfig().setHost(ws.host()).setClientId(clientId)
                .setClientSecret(secret).setAuthType("oauth-m2m").setDisableRetries(true));
    }

    static AccountClient account(FakeWorkspace ws) {
        return new AccountClient(new DatabricksConfig().setHost(ws.host()).setAccountId(ws.accountId())
                .setToken(ws.adminToken()).setAuthType("pat").setDisableRetries(true));
    }
}
