package dev.lakesetup.azure;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.StorageUrl;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.databricks.AdminChecks;
import dev.lakesetup.databricks.ConnectionDetails;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.RecipeRun;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Azure Delta Lake destination setup procedure as a recipe: a vendor application's service principal in Entra
 * ID, an ADLS Gen2 container with "Storage Blob Data Contributor" for that principal, the same principal in the
 * Databricks account and workspace with cluster-creation and SQL entitlements, a storage credential and an external
 * location on the container with file privileges for the principal, and a catalog stored in the container on which
 * the principal has all privileges.
 *
 * <pre>{@code
 * AzureDeltaLakeDestinationSetup setup = AzureDeltaLakeDestinationSetup.builder()
 *     .vendorApplication(AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID)
 *     .storageContainer("lakeaccount", "rg-data", "segment")
 *     .storageCredential("segment_credential").accessConnector(accessConnectorId)
 *     .externalLocation("segment_location")
 *     .catalog("segment")
 *     .build();
 * DestinationSetupResult result = setup.run(lakesetup, workspace);
 * ValidationReport later = setup.validate(workspace, azureConnection); // e.g. from a periodic health check
 * }</pre>
 * The builder rejects incomplete or contradictory input before anything is called. The {@link Lakesetup} given to
 * {@link #run} needs both an {@link AzureExecutor} and the workspace's REST executor; the workspace needs
 * {@code account(..)} for the account-level principal.
 */
public final class AzureDeltaLakeDestinationSetup {
    /** The application id of the vendor app in the setup guide; pass it to {@link Builder#vendorApplication}. */
    public static final String GUIDE_APPLICATION_ID = "fffa5b05-1da5-4599-8360-cc2684bcdefb";
    /** The display name the guide recommends for the vendor's service principal. */
    public static final String DEFAULT_DISPLAY_NAME = "Segment Storage Destinations";

    private final EntraServicePrincipal entraPrincipal;
    private final AdlsContainer container;
    private final RoleAssignment roleAssignment;
    private final WorkspaceServicePrincipal workspacePrincipal;
    private final StorageCredential credential;
    private final ExternalLocation location;
    private final Catalog catalog;
    private final DestinationChecks checks;

    private AzureDeltaLakeDestinationSetup(Builder b) {
        this.entraPrincipal = EntraServicePrincipal.of(b.applicationId, b.displayName);
        this.container = b.container;
        this.roleAssignment = new RoleAssignment(b.container, entraPrincipal, b.role, false);
        this.workspacePrincipal = WorkspaceServicePrincipal.ofApplication(b.applicationId, b.displayName)
                .entitlements(Entitlement.ALLOW_CLUSTER_CREATE, Entitlement.DATABRICKS_SQL_ACCESS).throughAccount();
        this.credential = StorageCredential.named(b.credentialName, b.identity());
        this.location = ExternalLocation.named(b.locationName, b.locationUrl.value(), b.credentialName);
        this.catalog = Catalog.named(b.catalogName).managedLocation(b.catalogRoot().value());
        this.checks = new DestinationChecks(principal().applicationId().orElseThrow(), credential.name(),
                catalog.name(), workspacePrincipal, roleAssignment, b.vendorRanges);
    }

    /**
     * Starts a recipe.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the vendor's service principal, the grantee of every Databricks privilege.
     *
     * @return the principal, by application id
     */
    public ServicePrincipal principal() {
        return workspacePrincipal.principal();
    }

    /**
     * Returns the catalog the vendor lands data in.
     *
     * @return the catalog name
     */
    public CatalogName catalog() {
        return catalog.name();
    }

    /**
     * Returns the external location's URL on the container.
     *
     * @return the URL
     */
    public StorageUrl externalLocationUrl() {
        return location.url();
    }

    /**
     * Returns the catalog's storage root, the container URL or a path under it.
     *
     * @return the managed location
     */
    public StorageUrl catalogStorageRoot() {
        return catalog.managedLocation().orElseThrow();
    }

    /**
     * Declares every step of the procedure: Entra principal, container, role assignment, account principal with
     * workspace assignment and entitlements, storage credential, external location, catalog, and the grants. It
     * also declares the order across clouds that the resources cannot know: the account principal waits for the
     * Entra principal, the external location for the container and the role assignment.
     *
     * @return the blueprint
     */
    public Blueprint blueprint() {
        ServicePrincipal sp = principal();
        return Blueprint.builder()
                .resource(entraPrincipal)
                .resource(container)
                .resource(roleAssignment)
                .resource(workspacePrincipal)
                .resource(credential)
                .resource(location)
                .resource(catalog)
                .order(workspacePrincipal.id()).after(entraPrincipal.id())
                .order(location.id()).after(container.id(), roleAssignment.id())
                .grant(Grant.on(credential.name()).to(sp).privileges(Privilege.CREATE_EXTERNAL_TABLE,
                        Privilege.READ_FILES, Privilege.WRITE_FILES))
                .grant(Grant.on(catalog.name()).to(sp).privileges(Privilege.ALL_PRIVILEGES))
                .build();
    }

    /**
     * Checks that the workspace has Unity Catalog, reading only, before anything else is called.
     *
     * @param workspace the workspace
     * @return the id of the workspace's metastore
     * @throws ServiceException of kind {@code FATAL} with code {@code METASTORE_DOES_NOT_EXIST} when the workspace
     *     has no metastore (the Hive metastore is not supported)
     */
    public String preflight(DatabricksWorkspace workspace) {
        return DestinationChecks.preflight(workspace);
    }

    /**
     * Runs the preflight check (retried by the policy of {@code lakesetup} when throttled or transient), then plans
     * the blueprint, whose declared order puts the Databricks steps after the Azure steps they rely on.
     *
     * @param lakesetup the applier, with an {@link AzureExecutor} and the workspace's REST executor
     * @param workspace the workspace
     * @return the plan; nothing is changed
     */
    public Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return recipe(lakesetup, workspace).build().plan();
    }

    /**
     * Verifies the procedure with the default options: {@link #verify(Lakesetup, DatabricksWorkspace, VerifyOptions)}.
     *
     * @param lakesetup the engine, with an {@link AzureExecutor} and the workspace's REST executor
     * @param workspace the workspace
     * @return what differs from the procedure, item by item
     */
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return verify(lakesetup, workspace, VerifyOptions.defaults());
    }

    /**
     * Runs the preflight check and reports what changed since setup, changing nothing: the Entra principal, the
     * container and its role assignment, the principal in the workspace (a workspace assignment gone, missing
     * entitlements), the storage credential, external location and catalog (a changed URL or credential), and every
     * grant, as {@link Lakesetup#verify(Blueprint, VerifyOptions)} reports them; reads a read-only identity may not
     * make are skipped with the permission they need. Nothing signs in as the vendor's principal (the vendor
     * authenticates as its own application), so the options' validation credentials are not used; the admin-side
     * {@link #validate(DatabricksWorkspace)} checks effective privileges when wanted.
     *
     * @param lakesetup the engine, with an {@link AzureExecutor} and the workspace's REST executor
     * @param workspace the workspace
     * @param options the verify options
     * @return what differs from the procedure, item by item
     * @throws ServiceException when the workspace has no Unity Catalog
     */
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace, VerifyOptions options) {
        return recipe(lakesetup, workspace).build().verify(options);
    }

    /**
     * Runs the whole procedure: preflight, plan, apply, a re-plan that must be empty and, after a successful apply,
     * the admin-side {@link #validate(DatabricksWorkspace) validation} of the Databricks steps (the Azure steps are
     * confirmed by the re-plan, which reads them through the {@link AzureExecutor}).
     *
     * @param lakesetup the applier, with an {@link AzureExecutor} and the workspace's REST executor
     * @param workspace the workspace
     * @return the plan, the report, the re-plan, the validation and the connection details
     * @throws ServiceException when the workspace has no Unity Catalog, before any change
     * @throws dev.lakesetup.core.apply.ApplyRefusedException when the plan holds a conflict (an existing object with
     *     another storage URL or credential), before any change
     */
    public DestinationSetupResult run(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return run(lakesetup, workspace, RunOptions.defaults());
    }

    /**
     * Runs the whole procedure as {@link #run(Lakesetup, DatabricksWorkspace)} does, with the options' apply options
     * and, when they name one, keeping the run's record in their store ({@link RunOptions#record}) for a later
     * {@link #teardown(Lakesetup, DatabricksWorkspace, TeardownOptions) teardown}. The validator settings do not apply: this recipe
     * validates as the admin.
     *
     * @param lakesetup the applier, with an {@link AzureExecutor} and the workspace's REST executor
     * @param workspace the workspace
     * @param options apply options and the record store
     * @return the plan, the report, the re-plan, the validation and the connection details
     * @throws ServiceException when the workspace has no Unity Catalog, before any change
     */
    public DestinationSetupResult run(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options) {
        InvalidInputException.requireNonNull(options, "run options");
        return recipe(lakesetup, workspace).applyOptions(options.applyOptions()).record(options)
                .validation(outcome -> outcome.report().isSuccess()
                        ? Optional.of(checks.admin(workspace).listener(lakesetup.listener()).build().validate())
                        : Optional.empty())
                .build()
                .run(outcome -> new DestinationSetupResult(outcome.plan(), outcome.report(),
                        outcome.replan().orElse(null), outcome.validation().orElse(null), workspace.host(),
                        connectionDetails(workspace)));
    }

    private RecipeRun.Builder recipe(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        InvalidInputException.requireNonNull(lakesetup, "lakesetup");
        InvalidInputException.requireNonNull(workspace, "workspace");
        return RecipeRun.builder(lakesetup).name("Azure Delta Lake destination setup of " + principal())
                .preflight("check Unity Catalog", () -> preflight(workspace)).blueprint(this::blueprint);
    }

    /**
     * Checks as the workspace's admin that the vendor's principal effectively holds what the guide asks: CREATE
     * EXTERNAL TABLE, READ FILES and WRITE FILES on the storage credential, ALL PRIVILEGES on the catalog, the
     * workspace assignment and both entitlements. Nothing signs in as the vendor's principal: the vendor
     * authenticates as its own application, whose secret the customer never holds. Changes nothing.
     *
     * @param workspace the workspace, signed in as an admin, with {@code account(..)} for the workspace assignment
     * @return one named check per expectation; a missing privilege or setting is a failed check, not an exception
     */
    public ValidationReport validate(DatabricksWorkspace workspace) {
        return checks.admin(workspace).build().validate();
    }

    /**
     * Checks what {@link #validate(DatabricksWorkspace)} checks, and also that the role assignment exists on the
     * container in Azure.
     *
     * @param workspace the workspace, signed in as an admin, with {@code account(..)}
     * @param azure the Azure connection, allowed to read the container's role assignments
     * @return one named check per expectation
     */
    public ValidationReport validate(DatabricksWorkspace workspace, AzureConnection azure) {
        return checks.withAzure(workspace, azure).build().validate();
    }

    /**
     * Returns what the destination's connection settings need: the workspace host and the catalog. No secret: the
     * vendor authenticates as its own application.
     *
     * @param workspace the workspace
     * @return the details, with the vendor's application id as client id and no HTTP path
     */
    public ConnectionDetails connectionDetails(DatabricksWorkspace workspace) {
        return ConnectionDetails.builder(workspace, catalog.name())
                .clientId(principal().applicationId().orElseThrow()).build();
    }

    /**
     * Plans the removal of what this setup gave ({@link Lakesetup#teardown}): the revokes of its grants on the
     * storage credential and the catalog (with the record of its runs, only what they granted new), then the
     * principal's workspace assignment. The account principal, the Entra principal, the role assignment, the
     * catalog, the external location, the storage credential and the container are deleted only when named, e.g.
     * {@code TeardownOptions.defaults().deletePrincipal(setup.principal()).delete(setup.roleAssignment())}; a
     * catalog or container that still holds data is refused by the service (nothing cascades). Apply the plan with
     * {@code ApplyOptions.defaults().withRevokesAllowed().withDeletesAllowed()}. Like
     * {@link #verify(Lakesetup, DatabricksWorkspace, VerifyOptions) verify}, it runs the preflight check on the
     * workspace first; changes nothing.
     *
     * @param lakesetup the engine, with an {@link AzureExecutor} and the workspace's REST executor
     * @param workspace the workspace
     * @param options the record of the setup's runs and what else to delete
     * @return a plan of revokes and deletions, with notes on what it leaves in place
     * @throws ServiceException when the workspace has no Unity Catalog
     */
    public Plan teardown(Lakesetup lakesetup, DatabricksWorkspace workspace, TeardownOptions options) {
        InvalidInputException.requireNonNull(lakesetup, "lakesetup");
        InvalidInputException.requireNonNull(workspace, "workspace");
        InvalidInputException.requireNonNull(options, "teardown options");
        lakesetup.call("check Unity Catalog", () -> preflight(workspace));
        return lakesetup.teardown(blueprint(), options);
    }

    /**
     * Returns the Entra service principal the setup declares, to name it for deletion in a teardown.
     *
     * @return the declaration
     */
    public EntraServicePrincipal entraPrincipal() {
        return entraPrincipal;
    }

    /**
     * Returns the role assignment on the container the setup declares, to name it for deletion in a teardown.
     *
     * @return the declaration
     */
    public RoleAssignment roleAssignment() {
        return roleAssignment;
    }

    @Override
    public String toString() {
        return "AzureDeltaLakeDestinationSetup[principal=" + principal() + ", container=" + container.id().key()
                + ", role=" + roleAssignment.role().name() + ", credential=" + credential.name() + ", location="
                + location.name() + " (" + location.url() + "), catalog=" + catalog.name() + " ("
                + catalogStorageRoot() + ")]";
    }

    /** Collects the recipe's input; {@link #build()} rejects what is missing or contradictory. */
    public static final class Builder {
        private ApplicationId applicationId;
        private String displayName = DEFAULT_DISPLAY_NAME;
        private AdlsContainer container;
        private AzureRole role = AzureRole.STORAGE_BLOB_DATA_CONTRIBUTOR;
        private String credentialName;
        private StorageIdentity.AzureManagedIdentity managedIdentity;
        private StorageIdentity.AzureServicePrincipal credentialPrincipal;
        private String locationName;
        private String locationUrlText;
        private StorageUrl locationUrl;
        private CatalogName catalogName;
        private String catalogPath;
        private final List<String> vendorRanges = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds the vendor's published IP ranges: validation then also checks, reading only, that the workspace's IP
         * access lists would admit them (the guide asks for them to be allowed).
         *
         * @param cidrs IPv4 addresses or CIDR blocks
         * @return this builder
         * @throws InvalidInputException for a range that is not IPv4, naming it
         */
        public Builder vendorIpRanges(String... cidrs) {
            AdminChecks.builder().vendorIpRanges(cidrs); // checks the ranges now, naming a bad one
            vendorRanges.addAll(List.of(cidrs));
            return this;
        }

        /**
         * Names the vendor's multi-tenant application, whose service principal is added and granted (required).
         *
         * @param applicationId the application (client) id, e.g. {@link #GUIDE_APPLICATION_ID}
         * @return this builder
         */
        public Builder vendorApplication(String applicationId) {
            this.applicationId = ApplicationId.of(applicationId);
            return this;
        }

        /**
         * Sets the display name of the principal when lakesetup creates it (default {@value #DEFAULT_DISPLAY_NAME}).
         *
         * @param value the display name
         * @return this builder
         */
        public Builder displayName(String value) {
            if (value == null || value.isBlank()) {
                throw InvalidInputException.of("display name", value, "it is empty", "a non-blank name");
            }
            this.displayName = value;
            return this;
        }

        /**
         * Names the ADLS Gen2 container the vendor writes to, created when absent (required).
         *
         * @param storageAccount the storage account
         * @param resourceGroup the account's resource group
         * @param containerName the container
         * @return this builder
         */
        public Builder storageContainer(String storageAccount, String resourceGroup, String containerName) {
            this.container = new AdlsContainer(storageAccount, resourceGroup, containerName);
            return this;
        }

        /**
         * Overrides the role assigned to the principal on the container (default Storage Blob Data Contributor).
         *
         * @param value the role
         * @return this builder
         */
        public Builder role(AzureRole value) {
            this.role = InvalidInputException.requireNonNull(value, "role");
            return this;
        }

        /**
         * Names the Unity Catalog storage credential (required, with one identity).
         *
         * @param name the credential name
         * @return this builder
         */
        public Builder storageCredential(String name) {
            this.credentialName = InvalidInputException.requireNonNull(name, "storage credential name");
            return this;
        }

        /**
         * Lets the storage credential use a Databricks access connector's managed identity.
         *
         * @param accessConnectorId the connector's Resource Manager id
         * @return this builder
         */
        public Builder accessConnector(String accessConnectorId) {
            this.managedIdentity = new StorageIdentity.AzureManagedIdentity(accessConnectorId, null);
            return this;
        }

        /**
         * Lets the storage credential use an Entra service principal of your own with a client secret.
         *
         * @param directoryId the tenant id
         * @param applicationId the application id
         * @param clientSecret the client secret
         * @return this builder
         */
        public Builder credentialServicePrincipal(String directoryId, String applicationId, Secret clientSecret) {
            this.credentialPrincipal = new StorageIdentity.AzureServicePrincipal(directoryId,
                    ApplicationId.of(applicationId), clientSecret);
            return this;
        }

        /**
         * Names the external location on the container (required); its URL is the container's root.
         *
         * @param name the location name
         * @return this builder
         */
        public Builder externalLocation(String name) {
            this.locationName = InvalidInputException.requireNonNull(name, "external location name");
            this.locationUrlText = null;
            return this;
        }

        /**
         * Names the external location and gives its URL, which must lie in the container.
         *
         * @param name the location name
         * @param url an {@code abfss://container@account.dfs.core.windows.net/...} URL
         * @return this builder
         */
        public Builder externalLocation(String name, String url) {
            this.locationName = InvalidInputException.requireNonNull(name, "external location name");
            this.locationUrlText = InvalidInputException.requireNonNull(url, "external location URL");
            return this;
        }

        /**
         * Names the catalog the vendor lands data in (required); its storage root is the external location's URL.
         *
         * @param name the catalog name
         * @return this builder
         */
        public Builder catalog(String name) {
            this.catalogName = CatalogName.of(name);
            this.catalogPath = null;
            return this;
        }

        /**
         * Names the catalog and stores it in a path under the external location's URL.
         *
         * @param name the catalog name
         * @param subPath a relative path such as {@code catalogs/segment}
         * @return this builder
         */
        public Builder catalog(String name, String subPath) {
            this.catalogName = CatalogName.of(name);
            this.catalogPath = StorageLayout.relativePath(subPath);
            return this;
        }

        /**
         * Checks the input and builds the recipe.
         *
         * @return the recipe
         * @throws InvalidInputException naming what is missing or contradictory
         */
        public AzureDeltaLakeDestinationSetup build() {
            require(applicationId != null, "vendor application", "vendorApplication(id), e.g. "
                    + "AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID");
            require(container != null, "storage container", "storageContainer(account, resourceGroup, container)");
            require(credentialName != null, "storage credential", "storageCredential(name)");
            if ((managedIdentity == null) == (credentialPrincipal == null)) {
                throw InvalidInputException.of("storage credential identity",
                        managedIdentity == null ? "none" : "both an access connector and a service principal",
                        "exactly one must be given",
                        "accessConnector(id) or credentialServicePrincipal(tenant, applicationId, secret)");
            }
            if (credentialPrincipal != null && credentialPrincipal.applicationId().equals(applicationId)) {
                throw InvalidInputException.of("storage credential application id", applicationId.toString(),
                        "it is the vendor's application, whose secret you do not hold",
                        "a service principal of your own that can read and write the container");
            }
            require(locationName != null, "external location", "externalLocation(name)");
            require(catalogName != null, "catalog", "catalog(name)");
            this.locationUrl = StorageLayout.locationUrl(container, locationUrlText);
            return new AzureDeltaLakeDestinationSetup(this);
        }

        private StorageIdentity identity() {
            return managedIdentity != null ? managedIdentity : credentialPrincipal;
        }

        private StorageUrl catalogRoot() {
            return StorageLayout.catalogRoot(locationUrl, catalogPath);
        }

        private static void require(boolean present, String field, String how) {
            if (!present) {
                throw InvalidInputException.of(field, null, "it is required", how);
            }
        }
    }
}
