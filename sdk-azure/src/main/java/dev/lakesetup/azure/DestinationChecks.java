package dev.lakesetup.azure;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.StorageCredentialName;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.databricks.AdminChecks;
import dev.lakesetup.databricks.DatabricksWorkspace;
import java.util.List;

/**
 * The checks of the Azure Delta Lake destination recipe: the Unity Catalog preflight before anything is planned, and
 * the admin-side validation of what the vendor's principal holds afterwards.
 */
final class DestinationChecks {
    private final ApplicationId principal;
    private final StorageCredentialName credential;
    private final CatalogName catalog;
    private final WorkspaceServicePrincipal workspacePrincipal;
    private final RoleAssignment roleAssignment;
    private final List<String> vendorRanges;

    DestinationChecks(ApplicationId principal, StorageCredentialName credential, CatalogName catalog,
                      WorkspaceServicePrincipal workspacePrincipal, RoleAssignment roleAssignment,
                      List<String> vendorRanges) {
        this.principal = principal;
        this.credential = credential;
        this.catalog = catalog;
        this.workspacePrincipal = workspacePrincipal;
        this.roleAssignment = roleAssignment;
        this.vendorRanges = List.copyOf(vendorRanges);
    }

    /** Checks that the workspace has Unity Catalog; a missing metastore fails with a message naming the need. */
    static String preflight(DatabricksWorkspace workspace) {
        InvalidInputException.requireNonNull(workspace, "workspace");
        try {
            return workspace.restExecutor().checkUnityCatalog();
        } catch (ServiceException e) {
            if (!"METASTORE_DOES_NOT_EXIST".equals(e.errorCode())) {
                throw e;
            }
            throw ServiceException.builder(ServiceException.Failure.FATAL, "The Delta Lake destination needs a "
                    + "Unity Catalog workspace; the Hive metastore is not supported. " + e.getMessage())
                    .status(e.status()).errorCode(e.errorCode()).cause(e).build();
        }
    }

    /**
     * The admin checks of the Databricks steps: privileges, workspace assignment and entitlements, and, given the
     * vendor's ranges, whether the workspace's IP access lists admit them.
     */
    AdminChecks.Builder admin(DatabricksWorkspace workspace) {
        InvalidInputException.requireNonNull(workspace, "workspace");
        return AdminChecks.builder().principal(principal).workspace(workspace)
                .expectPrivileges(credential, Privilege.CREATE_EXTERNAL_TABLE, Privilege.READ_FILES,
                        Privilege.WRITE_FILES)
                .expectPrivileges(catalog, Privilege.ALL_PRIVILEGES)
                .expectResource(workspace.restExecutor(), workspacePrincipal)
                .vendorIpRanges(vendorRanges.toArray(String[]::new));
    }

    /** The admin checks, and that the role assignment exists on the container in Azure. */
    AdminChecks.Builder withAzure(DatabricksWorkspace workspace, AzureConnection azure) {
        InvalidInputException.requireNonNull(azure, "Azure connection");
        return admin(workspace).expectResource(azure.executor(), roleAssignment);
    }
}
