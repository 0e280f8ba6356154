package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.core.error.platform.ResourceConflict;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.sdk.service.iam.ComplexValue;
import com.databricks.sdk.service.iam.ListServicePrincipalsRequest;
import com.databricks.sdk.service.iam.Patch;
import com.databricks.sdk.service.iam.PatchOp;
import com.databricks.sdk.service.iam.PatchSchema;
import com.databricks.sdk.service.iam.PartialUpdate;
import com.databricks.sdk.service.iam.PermissionAssignment;
import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.iam.UpdateWorkspaceAssignments;
import com.databricks.sdk.service.iam.WorkspacePermission;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretRequest;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretResponse;
import com.databricks.sdk.service.oauth2.SecretInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeWorkspaceExtension.class)
class FakeWorkspaceIdentityTest {

    private final FakeWorkspace ws;
    private final WorkspaceClient w;
    private final AccountClient a;

    FakeWorkspaceIdentityTest(FakeWorkspace ws) {
        this.ws = ws;
        this.w = Clients.admin(ws);
        this.a = Clients.account(ws);
    }

    @Test
    void servicePrincipalsCreate_assignsIdsAndRejectsDuplicateApplicationId() {
        ServicePrincipal created = w.servicePrincipals().create(new ServicePrincipal().setDisplayName("loader")
                .setEntitlements(List.of(new ComplexValue().setValue("allow-cluster-create"))));
        assertThat(created.getId()).matches("\\d+");
        assertThat(UUID.fromString(created.getApplicationId())).isNotNull();
        assertThat(w.servicePrincipals().get(created.getId()).getDisplayName()).isEqualTo("loader");
        assertThatThrownBy(() -> w.servicePrincipals().create(new ServicePrincipal().setDisplayName("again")
                .setApplicationId(created.getApplicationId())))
                .isInstanceOf(ResourceConflict.class);
    }

    @Test
    void usersAndGroupsList_filterByUserNameAndDisplayName_inTheWorkspaceAndTheAccount() {
        ws.seedUser("ana@example.com").seedGroup("Data Readers");

        assertThat(w.users().list(new com.databricks.sdk.service.iam.ListUsersRequest()
                .setFilter("userName eq \"ANA@example.com\""))).extracting(u -> u.getUserName())
                .containsExactly("ana@example.com");
        assertThat(w.users().list(new com.databricks.sdk.service.iam.ListUsersRequest()
                .setFilter("userName eq \"bo@example.com\""))).isEmpty();
        assertThat(w.groups().list(new com.databricks.sdk.service.iam.ListGroupsRequest()
                .setFilter("displayName eq \"data readers\""))).extracting(g -> g.getDisplayName())
                .containsExactly("Data Readers");
        assertThat(a.groups().list(new com.databricks.sdk.service.iam.ListAccountGroupsRequest()
                .setFilter("displayName eq \"Data Readers\""))).hasSize(1);
        assertThat(a.users().list(new com.databricks.sdk.service.iam.ListAccountUsersRequest()
                .setFilter("userName eq \"nobody@example.com\""))).isEmpty();
        assertThatThrownBy(() -> w.groups().list(new com.databricks.sdk.service.iam.ListGroupsRequest()
                .setFilter("userName eq \"x\"")).iterator().hasNext())
                .isInstanceOf(com.databricks.sdk.core.DatabricksError.class);
    }

    @Test
    void servicePrincipalsList_filtersAndPagesByStartIndex() {
        List<String> appIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            appIds.add(w.servicePrincipals().create(new ServicePrincipal().setDisplayName("pager-" + i))
                    .getApplicationId());
        }
        List<ServicePrincipal> filtered = new ArrayList<>();
        w.servicePrincipals().list(new ListServicePrincipalsRequest()
                .setFilter("applicationId eq \"" + appIds.get(3) + "\"")).forEach(filtered::add);
        assertThat(filtered).extracting(ServicePrincipal::getDisplayName).containsExactly("pager-3");
        List<ServicePrincipal> paged = new ArrayList<>();
        ws.resetRequests();
        w.servicePrincipals().list(new ListServicePrincipalsRequest().setCount(2L)).forEach(paged::add);
        assertThat(paged).extracting(ServicePrincipal::getApplicationId).containsAll(appIds).doesNotHaveDuplicates();
        assertThat(ws.requests().count("GET /api/2.0/preview/scim/v2/ServicePrincipals")).isGreaterThan(2);
        List<ServicePrincipal> byName = new ArrayList<>();
        w.servicePrincipals().list(new ListServicePrincipalsRequest().setFilter("displayName eq \"pager-1\""))
                .forEach(byName::add);
        assertThat(byName).hasSize(1);
    }

    @Test
    void usersList_whenCountIsOverTheDocumentedCap_answersAtMost100() {
        for (int i = 0; i < 101; i++) {
            ws.seedUser("user-" + i + "@example.com");
        }

        com.databricks.sdk.service.iam.ListUsersResponse page = w.users().impl().list(
                new com.databricks.sdk.service.iam.ListUsersRequest().setStartIndex(2L)
                        .setCount((long) Integer.MAX_VALUE));

        assertThat(page.getResources()).hasSize(100);
        assertThat(page.getItemsPerPage()).isEqualTo(100L);
        assertThat(page.getTotalResults()).isGreaterThanOrEqualTo(101L);
    }

    @Test
    void servicePrincipalsPatch_addsAndRemovesEntitlements() {
        ServicePrincipal sp = w.servicePrincipals().create(new ServicePrincipal().setDisplayName("patched"));
        w.servicePrincipals().patch(new PartialUpdate().setId(sp.getId())
                .setSchemas(List.of(PatchSchema.URN_IETF_PARAMS_SCIM_API_MESSAGES_2_0_PATCH_OP))
                .setOperations(List.of(new Patch().setOp(PatchOp.ADD).setPath("entitlements")
                        .setValue(List.of(Map.of("value", "allow-cluster-create"),
                                Map.of("value", "databricks-sql-access"))))));
        w.servicePrincipals().patch(new PartialUpdate().setId(sp.getId())
                .setSchemas(List.of(PatchSchema.URN_IETF_PARAMS_SCIM_API_MESSAGES_2_0_PATCH_OP))
                .setOperations(List.of(new Patch().setOp(PatchOp.REMOVE)
                        .setPath("entitlements[value eq \"allow-cluster-create\"]"))));
        assertThat(w.servicePrincipals().get(sp.getId()).getEntitlements()).extracting(ComplexValue::getValue)
                .containsExactly("databricks-sql-access");
    }

    @Test
    void accountServicePrincipal_joinsWorkspaceByAssignment() {
        ServicePrincipal sp = a.servicePrincipals().create(new ServicePrincipal().setDisplayName("acct-sp"));
        assertThatThrownBy(() -> w.servicePrincipals().get(sp.getId())).isInstanceOf(DatabricksError.class);
        PermissionAssignment assigned = a.workspaceAssignment().update(new UpdateWorkspaceAssignments()
                .setWorkspaceId(ws.workspaceId()).setPrincipalId(Long.parseLong(sp.getId()))
                .setPermissions(List.of(WorkspacePermission.USER)));
        assertThat(assigned.getPermissions()).containsExactly(WorkspacePermission.USER);
        assertThat(a.workspaceAssignment().list(ws.workspaceId()))
                .anySatisfy(p -> assertThat(p.getPrincipal().getServicePrincipalName())
                        .isEqualTo(sp.getApplicationId()));
        assertThat(w.servicePrincipals().get(sp.getId()).getApplicationId()).isEqualTo(sp.getApplicationId());
    }

    @Test
    void workspaceAssignment_takesAdminOverUser_andAnUnsupportedListDeletesThePermissions() {
        ServicePrincipal sp = a.servicePrincipals().create(new ServicePrincipal().setDisplayName("assigned-sp"));
        long id = Long.parseLong(sp.getId());

        PermissionAssignment both = a.workspaceAssignment().update(new UpdateWorkspaceAssignments()
                .setWorkspaceId(ws.workspaceId()).setPrincipalId(id)
                .setPermissions(List.of(WorkspacePermission.USER, WorkspacePermission.ADMIN)));
        assertThat(both.getPermissions()).containsExactly(WorkspacePermission.ADMIN);

        a.workspaceAssignment().update(new UpdateWorkspaceAssignments().setWorkspaceId(ws.workspaceId())
                .setPrincipalId(id).setPermissions(List.of(WorkspacePermission.UNKNOWN)));
        assertThat(a.workspaceAssignment().list(ws.workspaceId()))
                .noneSatisfy(p -> assertThat(p.getPrincipal().getServicePrincipalName())
                        .isEqualTo(sp.getApplicationId()));
        assertThatThrownBy(() -> w.servicePrincipals().get(sp.getId())).isInstanceOf(DatabricksError.class);
    }

    @Test
    void secrets_areReturnedOnceAndAuthenticateOAuthM2M() {
        ServicePrincipal sp = w.servicePrincipals().create(new ServicePrincipal().setDisplayName("m2m"));
        CreateServicePrincipalSecretResponse created = w.servicePrincipalSecretsProxy().create(
                new CreateServicePrincipalSecretRequest().setServicePrincipalId(sp.getId()).setLifetime("3600s"));
        assertThat(created.getSecret()).isNotBlank();
        CreateServicePrincipalSecretResponse second = a.servicePrincipalSecrets().create(
                new CreateServicePrincipalSecretRequest().setServicePrincipalId(sp.getId()));
        List<SecretInfo> listed = new ArrayList<>();
        a.servicePrincipalSecrets().list(sp.getId()).forEach(listed::add);
        assertThat(listed).extracting(SecretInfo::getId).containsExactlyInAnyOrder(created.getId(), second.getId());
        assertThat(ws.snapshot().secretsPerPrincipal()).containsEntry(sp.getApplicationId(), 2);

        ws.seedCatalog("m2m_cat").seedGrant("catalog", "m2m_cat", sp.getApplicationId(), "USE_CATALOG");
        WorkspaceClient asSp = Clients.servicePrincipal(ws, sp.getApplicationId(), created.getSecret());
        assertThat(asSp.catalogs().list(new ListCatalogsRequest())).extracting(CatalogInfo::getName)
                .containsExactly("m2m_cat");
        assertThat(ws.requests().count("POST /oidc/v1/token")).isPositive();

        a.servicePrincipalSecrets().delete(sp.getId(), second.getId());
        assertThat(a.servicePrincipalSecrets().list(sp.getId())).hasSize(1);
        assertThatThrownBy(() -> Clients.servicePrincipal(ws, sp.getApplicationId(), "wrong").catalogs()
                .list(new ListCatalogsRequest()).iterator().hasNext())
                .isInstanceOf(DatabricksException.class);
    }
}
