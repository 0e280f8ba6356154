package dev.lakesetup.testkit.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.fluent.RoleAssignmentsClient;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentInner;
import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import com.azure.resourcemanager.authorization.models.RoleDefinition;
import dev.lakesetup.testkit.FakeAzure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the fake Resource Manager role definition and role assignment endpoints with the official client. */
class ArmConformanceTest {

    private static final String APP_ID = "0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b";
    private static final String NAME = "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f";

    private FakeAzure azure;
    private AuthorizationManager manager;
    private RoleAssignmentsClient assignments;
    private String scope;
    private String contributor;

    @BeforeEach
    void start() {
        azure = FakeAzure.builder().application(APP_ID, "vendor-app").storageAccount("lake", "rg-data").build()
                .start();
        azure.seedContainer("lake", "landing");
        manager = AzureClients.authorization(azure);
        assignments = manager.roleServiceClient().getRoleAssignments();
        scope = azure.containerScope("lake", "landing");
        contributor = "/subscriptions/" + azure.subscriptionId()
                + "/providers/Microsoft.Authorization/roleDefinitions/" + FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR;
    }

    @AfterEach
    void stop() {
        azure.close();
    }

    private RoleAssignmentCreateParameters params(String principalId) {
        return new RoleAssignmentCreateParameters().withRoleDefinitionId(contributor).withPrincipalId(principalId)
                .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL);
    }

    @Test
    void getByScopeAndRoleName_whenBuiltIn_returnsWellKnownId() {
        RoleDefinition role = manager.roleDefinitions().getByScopeAndRoleName(scope, "Storage Blob Data Contributor");

        assertThat(role.name()).isEqualTo(FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);
        assertThat(role.roleName()).isEqualTo("Storage Blob Data Contributor");
        assertThat(role.id()).endsWith("/roleDefinitions/" + FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);
    }

    @Test
    void getById_whenBuiltIn_returnsRole() {
        RoleDefinition role = manager.roleDefinitions().getById(contributor);

        assertThat(role.roleName()).isEqualTo("Storage Blob Data Contributor");
        assertThat(role.permissions()).isNotEmpty();
    }

    @Test
    void create_whenPrincipalVisible_storesAssignmentAtContainerScope() {
        String principal = azure.seedServicePrincipal(APP_ID, "vendor-app");

        RoleAssignmentInner created = assignments.create(scope, NAME, params(principal));

        assertThat(created.name()).isEqualTo(NAME);
        assertThat(created.scope()).isEqualTo(scope);
        assertThat(created.principalId()).isEqualTo(principal);
        assertThat(created.principalType()).isEqualTo(PrincipalType.SERVICE_PRINCIPAL);
        assertThat(created.roleDefinitionId()).endsWith(FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);
        assertThat(assignments.get(scope, NAME).principalId()).isEqualTo(principal);
        assertThat(azure.snapshot().roleAssignments()).singleElement()
                .satisfies(a -> assertThat(a.roleDefinitionId()).isEqualTo(FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR));
        assertThat(azure.requests().count("PUT /{scope...}/providers/Microsoft.Authorization/roleAssignments/{name}"))
                .isEqualTo(1);
    }

    @Test
    void create_whenRepeatedWithSameName_isIdempotent() {
        String principal = azure.seedServicePrincipal(APP_ID, "vendor-app");
        assignments.create(scope, NAME, params(principal));

        RoleAssignmentInner again = assignments.create(scope, NAME, params(principal));

        assertThat(again.name()).isEqualTo(NAME);
        assertThat(azure.snapshot().roleAssignments()).hasSize(1);
    }

    @Test
    void create_whenSameAssignmentExistsUnderOtherName_fails409RoleAssignmentExists() {
        String principal = azure.seedServicePrincipal(APP_ID, "vendor-app");
        azure.seedRoleAssignment(scope, principal, FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);

        ManagementException e = catchThrowableOfType(ManagementException.class,
                () -> assignments.create(scope, NAME, params(principal)));

        assertThat(e.getResponse().getStatusCode()).isEqualTo(409);
        assertThat(e.getValue().getCode()).isEqualTo("RoleAssignmentExists");
    }

    @Test
    void create_whenNameTakenByOtherPrincipal_fails400UpdateNotPermitted() {
        String first = azure.seedServicePrincipal(APP_ID, "vendor-app");
        String second = azure.seedServicePrincipal("99999999-8888-4777-8666-555555555555", "other");
        assignments.create(scope, NAME, params(first));

        ManagementException e = catchThrowableOfType(ManagementException.class,
                () -> assignments.create(scope, NAME, params(second)));

        assertThat(e.getValue().getCode()).isEqualTo("RoleAssignmentUpdateNotPermitted");
    }

    @Test
    void create_whenPrincipalUnknown_fails400PrincipalNotFound() {
        ManagementException e = catchThrowableOfType(ManagementException.class,
                () -> assignments.create(scope, NAME, params("12345678-1234-4234-8234-123456789012")));

        assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
        assertThat(e.getValue().getCode()).isEqualTo("PrincipalNotFound");
    }

    @Test
    void create_whenPrincipalJustCreatedAndWindowIsCalls_failsThatManyTimesThenSucceeds() {
        azure.faults().newPrincipalsInvisibleFor(2);
        String principal = manager.servicePrincipals().define("vendor-app").withExistingApplication(APP_ID).create()
                .id();

        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            codes.add(catchThrowableOfType(ManagementException.class,
                    () -> assignments.create(scope, NAME, params(principal))).getValue().getCode());
        }
        RoleAssignmentInner created = assignments.create(scope, NAME, params(principal));

        assertThat(codes).containsExactly("PrincipalNotFound", "PrincipalNotFound");
        assertThat(created.principalId()).isEqualTo(principal);
    }

    @Test
    void create_whenPrincipalJustCreatedAndWindowIsTime_failsUntilClockAdvanced() {
        azure.faults().newPrincipalsInvisibleFor(Duration.ofMinutes(2));
        String principal = manager.servicePrincipals().define("vendor-app").withExistingApplication(APP_ID).create()
                .id();

        ManagementException early = catchThrowableOfType(ManagementException.class,
                () -> assignments.create(scope, NAME, params(principal)));
        azure.advanceClock(Duration.ofMinutes(2));
        RoleAssignmentInner created = assignments.create(scope, NAME, params(principal));

        assertThat(early.getValue().getCode()).isEqualTo("PrincipalNotFound");
        assertThat(created.name()).isEqualTo(NAME);
    }

    @Test
    void create_whenCallerNotAuthorized_fails403AuthorizationFailed() {
        String principal = azure.seedServicePrincipal(APP_ID, "vendor-app");
        azure.faults().authorizationFailed(".*/storageAccounts/lake/.*", 1);

        ManagementException e = catchThrowableOfType(ManagementException.class,
                () -> assignments.create(scope, NAME, params(principal)));

        assertThat(e.getResponse().getStatusCode()).isEqualTo(403);
        assertThat(e.getValue().getCode()).isEqualTo("AuthorizationFailed");
        assertThat(azure.snapshot().roleAssignments()).isEmpty();
    }

    @Test
    void create_whenStorageAccountUnknown_fails404() {
        String principal = azure.seedServicePrincipal(APP_ID, "vendor-app");
        String other = scope.replace("/lake/", "/missing/");

        ManagementException e = catchThrowableOfType(ManagementException.class,
                () -> assignments.create(other, NAME, params(principal)));

        assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
        assertThat(e.getValue().getCode()).isEqualTo("ResourceNotFound");
    }

    @Test
    void listForScope_whenFilteredByPrincipal_returnsAssignmentsAtAndAboveScope() {
        String principal = azure.seedServicePrincipal(APP_ID, "vendor-app");
        String other = azure.seedServicePrincipal("99999999-8888-4777-8666-555555555555", "other");
        assignments.create(scope, NAME, params(principal));
        String accountWide = azure.seedRoleAssignment(azure.storageAccountScope("lake"), principal,
                FakeAzure.READER);
        azure.seedRoleAssignment(scope, other, FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);

        List<String> forPrincipal = assignments.listForScope(scope, encoded("principalId eq '" + principal + "'"), null,
                null, com.azure.core.util.Context.NONE).stream().map(RoleAssignmentInner::name).toList();
        List<String> atScope = assignments.listForScope(azure.storageAccountScope("lake"), "atScope()", null, null,
                com.azure.core.util.Context.NONE).stream().map(RoleAssignmentInner::name).toList();

        assertThat(forPrincipal).containsExactlyInAnyOrder(NAME, accountWide);
        assertThat(atScope).containsExactly(accountWide);
    }

    @Test
    void delete_whenPresent_removesAssignment() {
        String principal = azure.seedServicePrincipal(APP_ID, "vendor-app");
        assignments.create(scope, NAME, params(principal));

        assignments.delete(scope, NAME);

        assertThat(azure.snapshot().roleAssignments()).isEmpty();
        ManagementException e = catchThrowableOfType(ManagementException.class, () -> assignments.get(scope, NAME));
        assertThat(e.getValue().getCode()).isEqualTo("RoleAssignmentNotFound");
    }

    @Test
    void list_whenSubscriptionUnknown_fails404SubscriptionNotFound() {
        ManagementException e = catchThrowableOfType(ManagementException.class, () -> manager.roleServiceClient()
                .getRoleDefinitions().list("/subscriptions/00000000-0000-4000-8000-000000000000").stream().toList());

        assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
        assertThat(e.getValue().getCode()).isEqualTo("SubscriptionNotFound");
    }

    @Test
    void request_whenBearerTokenWrong_fails401() {
        AuthorizationManager stranger = AzureClients.authorization(azure, "not-the-token");

        ManagementException e = catchThrowableOfType(ManagementException.class,
                () -> stranger.roleDefinitions().getById(contributor));

        assertThat(e.getResponse().getStatusCode()).isEqualTo(401);
        assertThat(e.getValue().getCode()).isEqualTo("AuthenticationFailed");
    }

    /** The generated client sends {@code $filter} as given: callers percent-encode it. */
    private static String encoded(String filter) {
        return java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
