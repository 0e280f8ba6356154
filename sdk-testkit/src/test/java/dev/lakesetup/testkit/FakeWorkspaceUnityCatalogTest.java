package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.core.error.platform.ResourceConflict;
import com.databricks.sdk.service.catalog.AzureManagedIdentityRequest;
import com.databricks.sdk.service.catalog.AzureServicePrincipal;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.CreateCatalog;
import com.databricks.sdk.service.catalog.CreateExternalLocation;
import com.databricks.sdk.service.catalog.CreateSchema;
import com.databricks.sdk.service.catalog.CreateStorageCredential;
import com.databricks.sdk.service.catalog.EffectivePermissionsList;
import com.databricks.sdk.service.catalog.EffectivePrivilege;
import com.databricks.sdk.service.catalog.GetEffectiveRequest;
import com.databricks.sdk.service.catalog.GetGrantRequest;
import com.databricks.sdk.service.catalog.GetPermissionsResponse;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.PrivilegeAssignment;
import com.databricks.sdk.service.catalog.SecurableType;
import com.databricks.sdk.service.catalog.StorageCredentialInfo;
import com.databricks.sdk.service.catalog.UpdateCatalog;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeWorkspaceExtension.class)
class FakeWorkspaceUnityCatalogTest {

    private final FakeWorkspace ws;
    private final WorkspaceClient w;
    private final String sp;

    FakeWorkspaceUnityCatalogTest(FakeWorkspace ws) {
        this.ws = ws;
        this.w = Clients.admin(ws);
        this.sp = ws.seedServicePrincipal("reader-" + System.nanoTime()).applicationId();
    }

    @BeforeEach
    void resetCounts() {
        ws.resetRequests();
    }

    @Test
    void metastoresCurrent_whenUnityCatalogEnabled_returnsAssignment() {
        assertThat(w.metastores().current().getMetastoreId()).isEqualTo(ws.metastoreId());
    }

    @Test
    void metastoresCurrent_whenUnityCatalogDisabled_isNotFound() {
        try (FakeWorkspace noUc = FakeWorkspace.builder().unityCatalog(false).build().start()) {
            assertThatThrownBy(() -> Clients.admin(noUc).metastores().current()).isInstanceOf(NotFound.class);
        }
    }

    @Test
    void catalogsCreate_storesLowercaseAndRejectsDuplicateWithCatalogAlreadyExists() {
        CatalogInfo created = w.catalogs().create(new CreateCatalog().setName("Sales_UC").setComment("c1"));
        assertThat(created.getName()).isEqualTo("sales_uc");
        assertThat(w.catalogs().get("SALES_UC").getComment()).isEqualTo("c1");
        assertThat(w.catalogs().list(new com.databricks.sdk.service.catalog.ListCatalogsRequest()))
                .extracting(CatalogInfo::getName).contains("sales_uc");
        assertThatThrownBy(() -> w.catalogs().create(new CreateCatalog().setName("sales_uc")))
                .isInstanceOf(ResourceConflict.class)
                .satisfies(e -> assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("CATALOG_ALREADY_EXISTS"));
        w.catalogs().update(new UpdateCatalog().setName("sales_uc").setComment("c2"));
        assertThat(ws.snapshot().catalogs()).contains("sales_uc");
        assertThat(w.catalogs().get("sales_uc").getComment()).isEqualTo("c2");
        assertThat(ws.requests().count("POST /api/2.1/unity-catalog/catalogs")).isEqualTo(2);
    }

    @Test
    void catalogsGet_whenMissing_isNotFoundWithRealCode() {
        assertThatThrownBy(() -> w.catalogs().get("nope")).isInstanceOf(NotFound.class)
                .satisfies(e -> assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("CATALOG_DOES_NOT_EXIST"));
    }

    @Test
    void schemasCreate_whenDuplicate_isConflict_andWhenCatalogMissing_isNotFound() {
        w.catalogs().create(new CreateCatalog().setName("sch_cat"));
        w.schemas().create(new CreateSchema().setCatalogName("sch_cat").setName("Raw"));
        assertThat(w.schemas().get("sch_cat.raw").getFullName()).isEqualTo("sch_cat.raw");
        assertThat(w.schemas().list(new com.databricks.sdk.service.catalog.ListSchemasRequest()
                .setCatalogName("sch_cat"))).hasSize(1);
        assertThatThrownBy(() -> w.schemas().create(new CreateSchema().setCatalogName("sch_cat").setName("raw")))
                .isInstanceOf(ResourceConflict.class)
                .satisfies(e -> assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("SCHEMA_ALREADY_EXISTS"));
        assertThatThrownBy(() -> w.schemas().create(new CreateSchema().setCatalogName("missing").setName("x")))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> w.schemas().get("sch_cat.nope")).isInstanceOf(NotFound.class)
                .satisfies(e -> assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("SCHEMA_DOES_NOT_EXIST"));
    }

    @Test
    void storageCredentials_keepClientSecretHidden_andExternalLocationsNeedTheCredential() {
        StorageCredentialInfo mi = w.storageCredentials().create(new CreateStorageCredential().setName("MI_Cred")
                .setAzureManagedIdentity(new AzureManagedIdentityRequest().setAccessConnectorId(
                        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/ac")));
        assertThat(mi.getName()).isEqualTo("mi_cred");
        assertThat(mi.getAzureManagedIdentity().getAccessConnectorId()).endsWith("/accessConnectors/ac");
        StorageCredentialInfo spCred = w.storageCredentials().create(new CreateStorageCredential().setName("sp_cred")
                .setAzureServicePrincipal(new AzureServicePrincipal().setDirectoryId("tenant").setApplicationId("app")
                        .setClientSecret("s3cr3t")));
        assertThat(spCred.getAzureServicePrincipal().getClientSecret()).isNull();
        assertThat(w.storageCredentials().get("sp_cred").getAzureServicePrincipal().getApplicationId())
                .isEqualTo("app");
        assertThatThrownBy(() -> w.storageCredentials().create(new CreateStorageCredential().setName("mi_cred")
                .setAzureManagedIdentity(new AzureManagedIdentityRequest().setAccessConnectorId(
                        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/ac"))))
                .isInstanceOf(ResourceConflict.class);

        var loc = w.externalLocations().create(new CreateExternalLocation().setName("Landing")
                .setUrl("abfss://landing@acct.dfs.core.windows.net/").setCredentialName("mi_cred").setReadOnly(true));
        assertThat(loc.getName()).isEqualTo("landing");
        assertThat(w.externalLocations().get("landing").getReadOnly()).isTrue();
        assertThatThrownBy(() -> w.externalLocations().create(new CreateExternalLocation().setName("other")
                .setUrl("abfss://x@acct.dfs.core.windows.net/").setCredentialName("no_such_cred")))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> w.externalLocations().create(new CreateExternalLocation().setName("bad")
                .setUrl("not a url").setCredentialName("mi_cred"))).isInstanceOf(InvalidParameterValue.class);
    }

    @Test
    void grantsUpdate_addsRemovesAndMapsLegacyNames() {
        w.catalogs().create(new CreateCatalog().setName("grant_cat"));
        var after = w.grants().update(new UpdatePermissions().setSecurableType("catalog").setFullName("grant_cat")
                .setChanges(List.of(new PermissionsChange().setPrincipal(sp)
                        .setAdd(List.of(Privilege.USAGE, Privilege.CREATE, Privilege.SELECT)))));
        assertThat(after.getPrivilegeAssignments()).singleElement().satisfies(a -> assertThat(a.getPrivileges())
                .containsExactlyInAnyOrder(Privilege.USE_CATALOG, Privilege.CREATE_SCHEMA, Privilege.SELECT));
        w.grants().update(new UpdatePermissions().setSecurableType("catalog").setFullName("grant_cat")
                .setChanges(List.of(new PermissionsChange().setPrincipal(sp).setRemove(List.of(Privilege.SELECT)))));
        GetPermissionsResponse read = w.grants().get(new GetGrantRequest().setSecurableType("catalog")
                .setFullName("grant_cat"));
        assertThat(read.getPrivilegeAssignments()).singleElement().extracting(PrivilegeAssignment::getPrivileges)
                .satisfies(p -> assertThat(p).containsExactlyInAnyOrder(Privilege.USE_CATALOG,
                        Privilege.CREATE_SCHEMA));
        assertThat(ws.snapshot().grantsOn("catalog", "grant_cat").get(sp))
                .containsExactlyInAnyOrder("USE_CATALOG", "CREATE_SCHEMA");
        assertThat(ws.requests().count("PATCH /api/2.1/unity-catalog/permissions/{type}/{name}")).isEqualTo(2);
    }

    @Test
    void revokeAllGrantsOf_removesThatPrincipalsGrantsOnly() {
        ws.seedCatalog("revoke_all_a").seedCatalog("revoke_all_b").seedSchema("revoke_all_a.s");
        ws.seedGrant("catalog", "revoke_all_a", sp, "USE CATALOG");
        ws.seedGrant("schema", "revoke_all_a.s", sp, "USE SCHEMA", "SELECT");
        ws.seedGrant("catalog", "revoke_all_b", "account users", "USE CATALOG");

        int removed = ws.revokeAllGrantsOf(sp);

        assertThat(removed).isEqualTo(2);
        assertThat(ws.snapshot().grantsOn("catalog", "revoke_all_a")).doesNotContainKey(sp);
        assertThat(ws.snapshot().grantsOn("schema", "revoke_all_a.s")).doesNotContainKey(sp);
        assertThat(ws.snapshot().grantsOn("catalog", "revoke_all_b")).containsKey("account users");
        assertThat(ws.revokeAllGrantsOf(sp)).isZero();
    }

    @Test
    void grantsUpdate_whenPrivilegeDoesNotApplyOrPrincipalUnknown_isRejected() {
        w.catalogs().create(new CreateCatalog().setName("bad_grant_cat"));
        assertThatThrownBy(() -> w.grants().update(new UpdatePermissions().setSecurableType("catalog")
                .setFullName("bad_grant_cat").setChanges(List.of(new PermissionsChange().setPrincipal(sp)
                        .setAdd(List.of(Privilege.READ_FILES))))))
                .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("READ_FILES");
        assertThatThrownBy(() -> w.grants().update(new UpdatePermissions().setSecurableType("catalog")
                .setFullName("bad_grant_cat").setChanges(List.of(new PermissionsChange().setPrincipal("ghost")
                        .setAdd(List.of(Privilege.USE_CATALOG))))))
                .isInstanceOf(DatabricksError.class)
                .satisfies(e -> assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("PRINCIPAL_DOES_NOT_EXIST"));
        assertThatThrownBy(() -> w.grants().update(new UpdatePermissions().setSecurableType("catalog")
                .setFullName("no_such_catalog").setChanges(List.of())))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void grantsGet_withMaxResultsZero_pagesAtTheServiceLength() {
        w.catalogs().create(new CreateCatalog().setName("paged_cat"));
        ws.seedGrant("catalog", "paged_cat", "users", "BROWSE");
        ws.seedGrant("catalog", "paged_cat", "account users", "USE_CATALOG");
        ws.seedGrant("catalog", "paged_cat", sp, "USE_CATALOG");
        ws.grantsPageSize(2);
        try {
            GetPermissionsResponse first = w.grants().get(new GetGrantRequest().setSecurableType("catalog")
                    .setFullName("paged_cat").setMaxResults(0L));
            assertThat(first.getPrivilegeAssignments()).hasSize(2);
            assertThat(first.getNextPageToken()).isNotBlank();
            GetPermissionsResponse second = w.grants().get(new GetGrantRequest().setSecurableType("catalog")
                    .setFullName("paged_cat").setMaxResults(0L).setPageToken(first.getNextPageToken()));
            assertThat(second.getPrivilegeAssignments()).hasSize(1);
            assertThat(second.getNextPageToken()).isNull();
        } finally {
            ws.grantsPageSize(1000);
        }
    }

    @Test
    void effectivePermissions_inheritFromCatalogAndSchema() {
        ws.seedTable("eff_cat.eff_s.t", List.of("id INT"), List.of(List.of(1)));
        ws.seedGrant("catalog", "eff_cat", sp, "USE_CATALOG");
        ws.seedGrant("schema", "eff_cat.eff_s", sp, "USE_SCHEMA", "SELECT");
        EffectivePermissionsList eff = w.grants().getEffective(new GetEffectiveRequest().setSecurableType("table")
                .setFullName("eff_cat.eff_s.t").setPrincipal(sp));
        assertThat(eff.getPrivilegeAssignments()).singleElement().satisfies(a -> assertThat(a.getPrivileges())
                .extracting(EffectivePrivilege::getPrivilege, EffectivePrivilege::getInheritedFromType,
                        EffectivePrivilege::getInheritedFromName)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Privilege.USE_SCHEMA, SecurableType.SCHEMA, "eff_cat.eff_s"),
                        org.assertj.core.groups.Tuple.tuple(Privilege.SELECT, SecurableType.SCHEMA, "eff_cat.eff_s"),
                        org.assertj.core.groups.Tuple.tuple(Privilege.USE_CATALOG, SecurableType.CATALOG, "eff_cat")));
    }

    @Test
    void servicePrincipal_seesOnlyWhatItWasGranted() {
        FakeWorkspace.SeededPrincipal p = ws.seedServicePrincipal("limited-" + System.nanoTime());
        w.catalogs().create(new CreateCatalog().setName("visible_cat"));
        w.catalogs().create(new CreateCatalog().setName("hidden_cat"));
        ws.seedGrant("catalog", "visible_cat", p.applicationId(), "USE CATALOG");
        WorkspaceClient asSp = Clients.servicePrincipal(ws, p.applicationId(), p.secret());
        assertThat(asSp.catalogs().list(new com.databricks.sdk.service.catalog.ListCatalogsRequest()))
                .extracting(CatalogInfo::getName).contains("visible_cat").doesNotContain("hidden_cat");
        assertThatThrownBy(() -> asSp.catalogs().get("hidden_cat")).isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> asSp.grants().update(new UpdatePermissions().setSecurableType("catalog")
                .setFullName("visible_cat").setChanges(List.of(new PermissionsChange().setPrincipal(p.applicationId())
                        .setAdd(List.of(Privilege.SELECT)))))).isInstanceOf(PermissionDenied.class);
    }

    @Test
    void request_withoutToken_isUnauthenticated() {
        WorkspaceClient anonymous = new WorkspaceClient(new com.databricks.sdk.core.DatabricksConfig()
                .setHost(ws.host()).setToken("dapi-wrong").setAuthType("pat").setDisableRetries(true));
        assertThatThrownBy(() -> anonymous.catalogs().get("x"))
                .isInstanceOf(com.databricks.sdk.core.error.platform.Unauthenticated.class);
    }

    @Test
    void malformedBody_isInvalidParameterValueOrMalformed() {
        assertThatThrownBy(() -> w.catalogs().create(new CreateCatalog().setName("has space")))
                .isInstanceOf(InvalidParameterValue.class);
        assertThatThrownBy(() -> w.catalogs().create(new CreateCatalog()))
                .isInstanceOf(InvalidParameterValue.class);
    }
}
