package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.testkit.FakeSecret;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.FaultResponse;
import dev.lakesetup.testkit.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the secret rotation tests share: a fake workspace on a virtual clock, a principal with one secret. */
abstract class SecretRotationFixture {
    static final String KEY = "rotations/loader";
    static final String SECRETS_PATH = "/api/2\\.0/accounts/servicePrincipals/.*/credentials/secrets";

    final VirtualClock clock = new VirtualClock();
    FakeFixture f;
    Lakesetup lakesetup;
    FakeWorkspace.SeededPrincipal seeded;
    ServicePrincipal principal;
    final MemoryRecordStore journal = new MemoryRecordStore();
    final SecretVault vault = SecretVault.inMemory();

    @BeforeEach
    void start() {
        f = FakeFixture.start(FakeWorkspace.builder().clock(clock));
        lakesetup = Lakesetup.builder().executor(f.workspace.restExecutor()).callPolicy(CallPolicy.builder()
                .clock(clock).sleeper(clock::sleep).retryPolicy(RetryPolicy.builder().maxAttempts(3)
                        .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build()).build())
                .build();
        seeded = f.fake.seedServicePrincipal("loader");
        principal = ServicePrincipal.of(ApplicationId.of(seeded.applicationId()));
        vault.accept(new OAuthCredentials(principal.applicationId().orElseThrow(), Secret.of(seeded.secret())));
        canUseWarehouse(seeded.applicationId());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    void canUseWarehouse(String appId) {
        new WorkspaceClient(new DatabricksConfig().setHost(f.fake.host()).setToken(f.fake.adminToken())
                .setAuthType("pat").setDisableRetries(true)).warehouses().updatePermissions(
                new WarehousePermissionsRequest().setWarehouseId(FakeFixture.WAREHOUSE).setAccessControlList(List.of(
                        new WarehouseAccessControlRequest().setServicePrincipalName(appId)
                                .setPermissionLevel(WarehousePermissionLevel.CAN_USE))));
    }

    SecretRotation.Builder rotation() {
        return SecretRotation.builder(lakesetup, f.workspace).principal(principal).vault(vault)
                .journal(journal, KEY).keepWindow(Duration.ZERO).validator(b -> b.plainHttpForTesting()
                        .transport(ValidationTransport.STATEMENT_API));
    }

    List<String> ids() {
        return f.fake.secretsOf(seeded.applicationId()).stream().map(FakeSecret::id).toList();
    }

    boolean signsIn(OAuthCredentials credentials) {
        return PrincipalValidator.builder().host(f.fake.host()).warehouseId(FakeFixture.WAREHOUSE)
                .credentials(credentials).transport(ValidationTransport.STATEMENT_API).plainHttpForTesting().build()
                .validate().passed();
    }

}
