package dev.lakesetup.databricks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.SchemaName;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.TableName;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.databricks.internal.validation.Ipv4Range;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Data Graph setup procedure as a recipe: a service principal with an OAuth secret and SQL access, "Can
 * use" on a SQL warehouse, a bookkeeping catalog it can write to, read-only access to the Profiles Sync catalog
 * and to further catalogs (or only to chosen schemas of them), and all privileges on the reverse-ETL schema
 * when that schema exists.
 *
 * <pre>{@code
 * DataGraphSetup setup = DataGraphSetup.builder()
 *     .servicePrincipalNamed("segment-data-graph")
 *     .warehouse("abc123")
 *     .profilesSyncCatalog("segment_profiles")
 *     .readOnlyCatalogs("marketing")
 *     .readOnlySchemas("sales", "orders", "customers")
 *     .secretSink(credentials -> vault.store("segment/databricks", credentials.secret().reveal()))
 *     .build();
 * }</pre>
 * The builder rejects incomplete or contradictory input before anything is called.
 */
public final class DataGraphSetup {
    /** The bookkeeping catalog's name in the guide. */
    public static final String DEFAULT_BOOKKEEPING_CATALOG = "SEGMENT_LINKED_PROFILES_DB";
    /** The schema Reverse ETL creates in the bookkeeping catalog. */
    public static final String REVERSE_ETL_SCHEMA = "__segment_reverse_etl";

    private final WorkspaceServicePrincipal newPrincipal;
    private final ServicePrincipal principal;
    private final String warehouseId;
    private final CatalogName bookkeeping;
    private final ReadAccess readAccess;
    private final boolean reverseEtl;
    private final SecretSink secretSink;
    private final Duration secretLifetime;
    private final Duration rotateWithin;
    private final List<TableName> validationTables;
    private final OAuthCredentials validationCredentials;
    private final List<Ipv4Range> vendorRanges;
    private final FederatedCredential federated;

    private DataGraphSetup(Builder builder) {
        this.federated = builder.federated;
        this.newPrincipal = builder.newPrincipal;
        this.principal = builder.newPrincipal != null ? builder.newPrincipal.principal() : builder.existingPrincipal;
        this.warehouseId = builder.warehouseId;
        this.bookkeeping = builder.bookkeeping;
        this.readAccess = new ReadAccess(builder.profilesSync, builder.readOnlyCatalogs, builder.readOnlySchemas);
        this.reverseEtl = builder.reverseEtl;
        this.secretSink = builder.secretSink;
        this.secretLifetime = builder.secretLifetime;
        this.rotateWithin = builder.rotateWithin;
        this.validationTables = List.copyOf(builder.validationTables);
        this.validationCredentials = builder.validationCredentials;
        this.vendorRanges = List.copyOf(builder.vendorRanges);
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
     * Returns the service principal the recipe grants to.
     *
     * @return the principal
     */
    public ServicePrincipal principal() {
        return principal;
    }

    /**
     * Returns the SQL warehouse the principal may use.
     *
     * @return the warehouse id
     */
    public String warehouseId() {
        return warehouseId;
    }

    /**
     * Returns the bookkeeping catalog, the one to enter when connecting.
     *
     * @return the catalog
     */
    public CatalogName bookkeepingCatalog() {
        return bookkeeping;
    }

    /**
     * Returns the reverse-ETL schema in the bookkeeping catalog, which gets all privileges if it exists.
     *
     * @return the schema name
     */
    public SchemaName reverseEtlSchema() {
        return bookkeeping.schema(REVERSE_ETL_SCHEMA);
    }

    /**
     * Tells whether the reverse-ETL grant is wanted (when the schema exists).
     *
     * @return {@code true} unless switched off
     */
    public boolean wantsReverseEtlGrant() {
        return reverseEtl;
    }

    /**
     * Returns every catalog the principal should be able to read from, for validation.
     *
     * @return the catalogs, bookkeeping first
     */
    public List<CatalogName> readableCatalogs() {
        Set<CatalogName> catalogs = new LinkedHashSet<>();
        catalogs.add(bookkeeping);
        catalogs.addAll(readAccess.catalogs());
        return List.copyOf(catalogs);
    }

    /**
     * Returns the tables validation reads with {@code SELECT * ... LIMIT 10}.
     *
     * @return the tables
     */
    public List<TableName> validationTables() {
        return validationTables;
    }

    /**
     * Adds this recipe's validation checks to a validator: {@code SHOW SCHEMAS} in every catalog the principal
     * should read ({@link #readableCatalogs()}), and a sample read of each of the recipe's
     * {@link #validationTables() validation tables}. {@link #run} validates with them; use this to validate later,
     * e.g. from a health check.
     *
     * @param validator a validator's builder, with host, warehouse and credentials
     * @return the same builder
     */
    public PrincipalValidator.Builder addValidationChecks(PrincipalValidator.Builder validator) {
        InvalidInputException.requireNonNull(validator, "validator");
        return validator.showSchemasIn(readableCatalogs().toArray(CatalogName[]::new))
                .sampleTables(validationTables.toArray(TableName[]::new));
    }

    /**
     * Declares the procedure's resources and grants.
     *
     * @param schemaExists tells whether a schema exists in the workspace; asked for the reverse-ETL schema only
     * @return the blueprint
     */
    public Blueprint blueprint(Predicate<SchemaName> schemaExists) {
        return blueprint(schemaExists, secretSink);
    }

    /** The blueprint with a new secret handed to {@code sink} instead of the configured sink. */
    Blueprint blueprint(Predicate<SchemaName> schemaExists, SecretSink sink) {
        InvalidInputException.requireNonNull(schemaExists, "schema lookup");
        Blueprint.Builder blueprint = Blueprint.builder();
        if (newPrincipal != null) {
            blueprint.resource(newPrincipal);
            if (federated == null) {
                OAuthSecret secret = OAuthSecret.forPrincipal(principal, sink);
                secret = secretLifetime == null ? secret : secret.lifetime(secretLifetime);
                blueprint.resource(rotateWithin == null ? secret : secret.rotateWhenExpiringWithin(rotateWithin));
            }
        }
        if (federated != null) {
            blueprint.resource(federated.policyFor(principal));
        }
        blueprint.resource(WarehousePermission.canUse(warehouseId, principal))
                .resource(Catalog.named(bookkeeping).comment("Data Graph bookkeeping and checkpoint tables"))
                .grant(Grant.on(bookkeeping).to(principal)
                        .privileges(Privilege.USE_CATALOG, Privilege.CREATE_SCHEMA, Privilege.SELECT));
        readAccess.declare(blueprint, principal);
        if (reverseEtl && schemaExists.test(reverseEtlSchema())) {
            blueprint.grant(Grant.on(reverseEtlSchema()).to(principal).privileges(Privilege.ALL_PRIVILEGES));
        }
        return blueprint.build();
    }

    /**
     * Checks that Unity Catalog is enabled, looks up whether the reverse-ETL schema exists, and plans the procedure
     * against the live workspace; nothing is changed.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @return the plan
     * @throws dev.lakesetup.core.exception.ServiceException when the workspace has no Unity Catalog metastore
     */
    public Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return new OAuthRecipeRun(recipe(), lakesetup, workspace, RunOptions.defaults()).plan(secretSink);
    }

    /**
     * Verifies the procedure with the default options: {@link #verify(Lakesetup, DatabricksWorkspace, VerifyOptions,
     * RunOptions)}.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @return what differs from the procedure, item by item
     */
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return verify(lakesetup, workspace, VerifyOptions.defaults());
    }

    /**
     * Verifies the procedure with options and the default validator settings.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @param options the secret expiry window and the credentials to validate with
     * @return what differs from the procedure, item by item
     */
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace, VerifyOptions options) {
        return verify(lakesetup, workspace, options, RunOptions.defaults());
    }

    /**
     * Checks that Unity Catalog is enabled and reports what changed since setup, changing nothing: the principal
     * (gone from the workspace, missing entitlements), its OAuth secret (none active, or expiring within the
     * window), "Can use" on the warehouse and every grant, as {@link Lakesetup#verify(Blueprint, VerifyOptions)}
     * reports them (reads a read-only identity may not make are skipped with the permission they need; when it may
     * not read the reverse-ETL schema, that grant is verified as if the schema existed). With credentials
     * ({@link VerifyOptions#validateWith} or {@link Builder#validateWith}) it also validates as the principal, and
     * each check becomes an item.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @param options the secret expiry window and the credentials to validate with
     * @param runOptions the validator's settings (its apply options are not used)
     * @return what differs from the procedure, item by item
     * @throws dev.lakesetup.core.exception.ServiceException when the workspace has no Unity Catalog metastore
     */
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace, VerifyOptions options,
            RunOptions runOptions) {
        InvalidInputException.requireNonNull(options, "verify options");
        return new OAuthRecipeRun(recipe(), lakesetup, workspace, runOptions).verify(secretSink, options);
    }

    /**
     * Runs the whole procedure with the default options: preflight, plan, apply, a confirming re-plan, validation
     * as the service principal, and the connection details to hand over.
     *
     * <pre>{@code
     * SetupResult result = setup.run(lakesetup, workspace);
     * if (!result.succeeded()) {
     *     log.warn("Data Graph setup incomplete: {}", result);
     * }
     * ConnectionDetails details = result.connectionDetails();
     * }</pre>
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered and the caller's listeners
     * @param workspace the workspace
     * @return what happened in each step
     * @throws dev.lakesetup.core.exception.ServiceException when the workspace has no Unity Catalog metastore (nothing is
     *     changed then)
     * @throws dev.lakesetup.core.apply.ApplyRefusedException when the plan holds a conflict
     */
    public SetupResult run(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return run(lakesetup, workspace, RunOptions.defaults());
    }

    /**
     * Runs the whole procedure (see {@link #run(Lakesetup, DatabricksWorkspace)}) with options for apply and
     * validation.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered and the caller's listeners
     * @param workspace the workspace
     * @param options apply options and validator settings
     * @return what happened in each step
     * @throws dev.lakesetup.core.exception.ServiceException when the workspace has no Unity Catalog metastore
     * @throws dev.lakesetup.core.apply.ApplyRefusedException when the plan holds a conflict the options do not allow
     */
    public SetupResult run(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options) {
        return new OAuthRecipeRun(recipe(), lakesetup, workspace, options).run(secretSink);
    }

    /** This recipe as the shared OAuth recipe run takes it. */
    private OAuthRecipe recipe() {
        return new OAuthRecipe("Data Graph setup", principal, warehouseId, bookkeeping,
                (sink, schemaExists) -> blueprint(schemaExists, sink), this::addValidationChecks,
                validationCredentials, vendorRanges, federated);
    }

    /**
     * Plans the removal of what this setup gave ({@link Lakesetup#teardown}): the revokes of its grants (with the
     * record of its runs, only the privileges they granted new), then the principal's OAuth secrets, warehouse
     * permission and workspace assignment; the service principal only when named
     * ({@code TeardownOptions.defaults().deletePrincipal(setup.principal())}). Apply the plan with
     * {@code ApplyOptions.defaults().withRevokesAllowed().withDeletesAllowed()}.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace
     * @param options the record of the setup's runs and what else to delete
     * @return a plan of revokes and deletions, with notes on what it leaves in place
     */
    public Plan teardown(Lakesetup lakesetup, DatabricksWorkspace workspace, TeardownOptions options) {
        return new OAuthRecipeRun(recipe(), lakesetup, workspace, RunOptions.defaults()).teardown(secretSink, options);
    }

    @Override
    public String toString() {
        return "DataGraphSetup[principal=" + principal + ", warehouse=" + warehouseId + ", bookkeeping="
                + bookkeeping + ", " + readAccess + "]";
    }

    /** Collects the recipe's input; {@link #build()} rejects what is missing or contradictory. */
    public static final class Builder {
        private WorkspaceServicePrincipal newPrincipal;
        private ServicePrincipal existingPrincipal;
        private String warehouseId;
        private CatalogName bookkeeping = CatalogName.of(DEFAULT_BOOKKEEPING_CATALOG);
        private CatalogName profilesSync;
        private final Set<CatalogName> readOnlyCatalogs = new LinkedHashSet<>();
        private final Map<CatalogName, Set<SchemaName>> readOnlySchemas = new LinkedHashMap<>();
        private boolean reverseEtl = true;
        private SecretSink secretSink;
        private Duration secretLifetime;
        private Duration rotateWithin;
        private final List<TableName> validationTables = new ArrayList<>();
        private OAuthCredentials validationCredentials;
        private final List<Ipv4Range> vendorRanges = new ArrayList<>();
        private FederatedCredential federated;

        private Builder() {
        }

        /**
         * Creates (or adopts) a service principal by display name, with SQL access and an OAuth secret.
         *
         * @param displayName the display name
         * @return this builder
         */
        public Builder servicePrincipalNamed(String displayName) {
            this.newPrincipal = WorkspaceServicePrincipal.named(displayName)
                    .entitlements(Entitlement.WORKSPACE_ACCESS, Entitlement.DATABRICKS_SQL_ACCESS);
            return this;
        }

        /**
         * Uses a service principal that already exists in the workspace (the guide's shortcut to step 1b).
         *
         * @param applicationId its application id
         * @return this builder
         */
        public Builder existingServicePrincipal(ApplicationId applicationId) {
            this.existingPrincipal = ServicePrincipal.of(applicationId);
            return this;
        }

        /**
         * Names the SQL warehouse the principal gets "Can use" on.
         *
         * @param warehouseId the warehouse id
         * @return this builder
         */
        public Builder warehouse(String warehouseId) {
            this.warehouseId = WarehousePermission.requireWarehouseId(warehouseId);
            return this;
        }

        /**
         * Overrides the bookkeeping catalog's name (default {@value #DEFAULT_BOOKKEEPING_CATALOG}).
         *
         * @param catalog the catalog name
         * @return this builder
         */
        public Builder bookkeepingCatalog(String catalog) {
            this.bookkeeping = CatalogName.of(catalog);
            return this;
        }

        /**
         * Names the Profiles Sync catalog, read-only for the principal.
         *
         * @param catalog the catalog name
         * @return this builder
         */
        public Builder profilesSyncCatalog(String catalog) {
            this.profilesSync = CatalogName.of(catalog);
            return this;
        }

        /**
         * Adds whole catalogs the principal may read.
         *
         * @param catalogs the catalog names
         * @return this builder
         */
        public Builder readOnlyCatalogs(String... catalogs) {
            InvalidInputException.requireNonNull(catalogs, "read-only catalogs");
            for (String catalog : catalogs) {
                readOnlyCatalogs.add(CatalogName.of(catalog));
            }
            return this;
        }

        /**
         * Restricts read access in one catalog to chosen schemas (step 5 of the guide).
         *
         * @param catalog the catalog name
         * @param schemas the schema names, at least one
         * @return this builder
         */
        public Builder readOnlySchemas(String catalog, String... schemas) {
            InvalidInputException.requireNonNull(schemas, "read-only schemas");
            if (schemas.length == 0) {
                throw InvalidInputException.of("read-only schemas of " + catalog, "[]", "no schema was given",
                        "one or more schema names");
            }
            CatalogName name = CatalogName.of(catalog);
            Set<SchemaName> set = readOnlySchemas.computeIfAbsent(name, key -> new LinkedHashSet<>());
            for (String schema : schemas) {
                set.add(name.schema(schema));
            }
            return this;
        }

        /**
         * Switches the reverse-ETL schema grant off or on (on by default; applied only when the schema exists).
         *
         * @param wanted whether to grant all privileges on the reverse-ETL schema
         * @return this builder
         */
        public Builder reverseEtlGrant(boolean wanted) {
            this.reverseEtl = wanted;
            return this;
        }

        /**
         * Sets where a newly issued OAuth secret goes; required when the principal is created by name (and
         * refused with a federated credential, which issues no secret).
         *
         * @param sink the sink
         * @return this builder
         */
        public Builder secretSink(SecretSink sink) {
            this.secretSink = InvalidInputException.requireNonNull(sink, "secret sink");
            return this;
        }

        /**
         * Sets the lifetime of a newly issued OAuth secret (the service default otherwise).
         *
         * @param lifetime the lifetime, 1 second up to {@link OAuthSecret#MAX_LIFETIME} (730 days)
         * @return this builder
         */
        public Builder secretLifetime(Duration lifetime) {
            this.secretLifetime = InvalidInputException.requireNonNull(lifetime, "secret lifetime");
            return this;
        }

        /**
         * Adds tables that validation reads as the principal ({@code catalog.schema.table}).
         *
         * @param tables the tables' full names
         * @return this builder
         */
        public Builder validateWithTables(String... tables) {
            InvalidInputException.requireNonNull(tables, "validation tables");
            for (String table : tables) {
                validationTables.add(TableName.parse(table));
            }
            return this;
        }

        /**
         * Sets the principal's OAuth credentials for validation when the run issues no new secret (the principal
         * already had one, or it is an existing principal). A secret issued during the run takes precedence.
         *
         * @param credentials the principal's client id and a valid OAuth secret
         * @return this builder
         */
        public Builder validateWith(OAuthCredentials credentials) {
            this.validationCredentials = InvalidInputException.requireNonNull(credentials, "validation credentials");
            return this;
        }

        /**
         * Adds the vendor's published IP ranges: the run then reports, as a validation check, whether the
         * workspace's IP access lists would block any of them. Nothing in the lists is changed.
         *
         * @param cidrs IPv4 addresses or CIDR ranges, e.g. {@code 52.25.130.38/32}
         * @return this builder
         */
        public Builder vendorIpRanges(String... cidrs) {
            for (String cidr : InvalidInputException.requireNonNull(cidrs, "vendor IP ranges")) {
                vendorRanges.add(Ipv4Range.parse("vendor IP range", cidr));
            }
            return this;
        }

        /**
         * Checks the input and builds the recipe.
         *
         * @return the recipe
         * @throws InvalidInputException naming what is missing or contradictory
         */
        public DataGraphSetup build() {
            DataGraphInputChecks.requireOnePrincipal(newPrincipal != null, existingPrincipal);
            DataGraphInputChecks.require(warehouseId != null, "warehouse", "warehouse(id)");
            DataGraphInputChecks.require(profilesSync != null, "Profiles Sync catalog", "profilesSyncCatalog(name)");
            DataGraphInputChecks.checkSecretSettings(newPrincipal != null, existingPrincipal, federated, secretSink,
                    secretLifetime, validationCredentials, rotateWithin);
            DataGraphInputChecks.refuseOverlap(bookkeeping, profilesSync, readOnlyCatalogs, readOnlySchemas.keySet());
            return new DataGraphSetup(this);
        }

        /**
         * Lets the service principal sign in with its workload's own OIDC tokens instead of an OAuth secret
         * (workload identity federation): the recipe declares a federation policy for it, issues no secret and
         * hands none over, and validation signs in by token exchange. Needs the account
         * ({@code DatabricksWorkspace.Builder.account}).
         *
         * @param credential the workload's issuer, subject, audiences and, for validation, a token source
         * @return this builder
         */
        public Builder federatedCredential(FederatedCredential credential) {
            this.federated = InvalidInputException.requireNonNull(credential, "federated credential");
            return this;
        }

        /**
         * Issues a new OAuth secret on a run only when the principal has no active secret or its longest-lasting one
         * expires within a window ({@link OAuthSecret#rotateWhenExpiringWithin(Duration)}); only with
         * {@link #servicePrincipalNamed(String)}.
         *
         * @param window more than zero, at most {@link OAuthSecret#MAX_LIFETIME}
         * @return this builder
         */
        public Builder rotateWhenExpiringWithin(Duration window) {
            this.rotateWithin = OAuthSecret.requireWindow(window);
            return this;
        }
    }

    /**
     * Rotates the principal's OAuth secret with overlap ({@link SecretRotation}), validated with this recipe's
     * checks as the principal on its warehouse; old secrets are deleted only once the new one works.
     *
     * @param lakesetup the engine, with an executor of {@code workspace} registered
     * @param workspace the workspace, signed in as an admin who may manage the principal's secrets
     * @param options the validator settings ({@link RunOptions#withValidator})
     * @param rotation sets the vault and journal (required) and the lifetime and windows on the rotation
     * @return what the rotation did
     * @throws InvalidInputException when the principal does not exist yet
     */
    public RotationReport rotateSecret(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options,
            java.util.function.UnaryOperator<SecretRotation.Builder> rotation) {
        return SecretRotationRecipes.rotate(principal, () -> plan(lakesetup, workspace), warehouseId,
                this::addValidationChecks, lakesetup, workspace, options, rotation);
    }
}
