package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.databricks.WorkspaceContext;
import dev.lakesetup.testkit.internal.databricks.WorkspaceServer;
import dev.lakesetup.testkit.internal.http.RequestCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An in-memory Databricks workspace (and its account) served over HTTP on 127.0.0.1, for tests that drive the real
 * Databricks clients: Unity Catalog, SCIM service principals, OAuth secrets and tokens, SQL warehouses and the
 * statement execution API, with access checks, fault injection and request counting.
 *
 * <pre>{@code
 * try (FakeWorkspace ws = FakeWorkspace.builder().warehouse("wh1", "Starter").build().start()) {
 *     WorkspaceClient w = new WorkspaceClient(new DatabricksConfig().setHost(ws.host())
 *             .setToken(ws.adminToken()).setAuthType("pat"));
 *     ...
 * }
 * }</pre>
 */
public final class FakeWorkspace implements AutoCloseable {

    /**
     * A service principal seeded through the Java API.
     *
     * @param id SCIM id
     * @param applicationId application (client) id
     * @param secret an OAuth secret for it
     */
    public record SeededPrincipal(String id, String applicationId, String secret) {
        @Override
        public String toString() {
            return "SeededPrincipal[id=" + id + ", applicationId=" + applicationId + ", secret=****]";
        }
    }

    private final WorkspaceContext ctx;
    private final WorkspaceServer server;
    private final WorkspaceFaults faults;
    private final WorkspaceSeeding seeding;
    private boolean started;
    private int fleetPort;

    private FakeWorkspace(Builder b) {
        this.ctx = new WorkspaceContext(new WorkspaceContext.Settings(b.workspaceId, b.accountId, b.adminUser,
                b.adminToken, b.unityCatalog, b.metastoreId));
        b.users.forEach(ctx.identities()::addUser);
        b.groups.forEach(ctx.identities()::addGroup);
        this.seeding = new WorkspaceSeeding(ctx);
        b.warehouses.forEach(seeding::warehouse);
        if (b.storage != null) {
            ctx.storageAccess(new AzureStorageAccess(b.storage));
        }
        ctx.identities().clock(b.clock);
        this.server = new WorkspaceServer(ctx, b.port);
        this.faults = new WorkspaceFaults(server.http().faults(), ctx);
    }

    /** {@return a builder with defaults: free port, Unity Catalog enabled, no warehouses} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server and returns this workspace.
     *
     * @return this workspace
     */
    public synchronized FakeWorkspace start() {
        server.http().start();
        synchronized (ctx) {
            ctx.host("http://127.0.0.1:" + server.http().port());
        }
        started = true;
        return this;
    }

    /** Stops the server. */
    @Override
    public synchronized void close() {
        server.http().close();
        started = false;
    }

    /** {@return the base URL, {@code http://127.0.0.1:PORT}} */
    public String host() {
        requireStarted();
        return "http://127.0.0.1:" + port();
    }

    /** {@return the bound port} */
    public int port() {
        requireStarted();
        return fleetPort > 0 ? fleetPort : server.http().port();
    }

    /** {@return the admin's personal access token} */
    public String adminToken() {
        return ctx.settings().adminToken();
    }

    /** {@return the admin's user name (owner of what the admin creates, grantor in information_schema)} */
    public String adminUser() {
        return ctx.settings().adminUser();
    }

    /** {@return the numeric workspace id} */
    public long workspaceId() {
        return ctx.settings().workspaceId();
    }

    /** {@return the account id} */
    public String accountId() {
        return ctx.settings().accountId();
    }

    /** {@return the metastore id} */
    public String metastoreId() {
        return ctx.settings().metastoreId();
    }

    /** {@return the fault injection controls} */
    public WorkspaceFaults faults() {
        return faults;
    }

    /** {@return the IP access lists and the setting that switches them on} */
    public WorkspaceNetwork network() {
        return new WorkspaceNetwork(ctx);
    }

    /** {@return the request counts since start or the last {@link #resetRequests()}} */
    public RequestStats requests() {
        RequestCounter.Counts counts = server.http().stats();
        return new RequestStats(counts.perEndpoint(), counts.total(), counts.maxInFlight());
    }

    /**
     * Returns when each request counted since start or the last {@link #resetRequests()} arrived, as
     * {@link System#nanoTime()} values in arrival order (the first million), for measuring request rates.
     *
     * @return when each request counted since start or the last {@link #resetRequests()} arrived, as {@link System#nanoTime()} values in arrival order (the first million), for measuring request rates
     */
    public List<Long> requestStartTimes() {
        return server.http().requestStartTimes();
    }

    /** Clears the request counts. */
    public void resetRequests() {
        server.http().resetStats();
    }

    /**
     * Seeds a table (creating its catalog and schema, owned by the admin, when missing).
     *
     * @param fullName {@code catalog.schema.table}
     * @param columns column definitions {@code "name TYPE"} (TYPE defaults to STRING)
     * @param rows rows; values are rendered with {@code String.valueOf}, nulls kept
     * @return this fake
     */
    public FakeWorkspace seedTable(String fullName, List<String> columns, List<List<?>> rows) {
        seeding.table(fullName, columns, rows);
        return this;
    }

    /**
     * Seeds a catalog owned by the admin (no-op when it exists).
     *
     * @param name the name
     * @return this fake
     */
    public FakeWorkspace seedCatalog(String name) {
        seeding.catalog(name);
        return this;
    }

    /**
     * Seeds a schema {@code catalog.schema} owned by the admin (no-op when it exists), creating its catalog, owned by
     * the admin, when missing (as {@link #seedTable} does).
     *
     * @param fullName the full name
     * @return this fake
     */
    public FakeWorkspace seedSchema(String fullName) {
        seeding.schema(fullName);
        return this;
    }

    /**
     * Seeds direct grants.
     *
     * @param type securable type in REST spelling ({@code catalog}, {@code schema}, {@code table},
     *     {@code external_location}, {@code storage_credential}, {@code metastore})
     * @param fullName the securable's full name (the metastore id for the metastore)
     * @param principal grantee
     * @param privileges privileges, REST or SQL spelling, legacy names mapped
     * @return this fake
     */
    public FakeWorkspace seedGrant(String type, String fullName, String principal, String... privileges) {
        seeding.grant(type, fullName, principal, privileges);
        return this;
    }

    /**
     * Removes every direct grant a principal holds, as if an admin revoked them all: resets the state between runs
     * that grant to the same securables (benchmarks, long scenarios). Not counted as a request.
     *
     * @param principal grantee, as the grants name it (a service principal's application id, a user, a group)
     * @return how many securables the principal held grants on
     */
    public int revokeAllGrantsOf(String principal) {
        synchronized (ctx) {
            return ctx.uc().grants().removeAll(principal);
        }
    }

    /**
     * Adds a user that SCIM lists and grants may name. Not counted as a request.
     *
     * @param name the user name (an e-mail)
     * @return this workspace
     */
    public FakeWorkspace seedUser(String name) {
        seeding.user(name);
        return this;
    }

    /**
     * Adds a group that SCIM lists and grants may name. Not counted as a request.
     *
     * @param name the group's display name
     * @return this workspace
     */
    public FakeWorkspace seedGroup(String name) {
        seeding.group(name);
        return this;
    }

    /**
     * Deletes a user, group or service principal while its grants stay, as deleting an identity does: grant
     * listings then show each of its grants with an empty {@code principal} and a {@code principal_id}, and a PATCH
     * can remove them only by that id. Not counted as a request.
     *
     * @param principal grantee, as the grants name it (a service principal's application id, a user, a group)
     * @return the {@code principal_id} listings show for it
     */
    public String deletePrincipalKeepingGrants(String principal) {
        synchronized (ctx) {
            ctx.identities().removeGrantee(principal);
            return ctx.uc().grants().markDeleted(principal);
        }
    }

    /**
     * Sets the page length the grants listings choose for {@code max_results=0} (and cap larger values with), so a
     * test can make a few grants span several pages; 1000 unless set.
     *
     * @param size at least 1
     * @return this workspace
     */
    public FakeWorkspace grantsPageSize(int size) {
        synchronized (ctx) {
            ctx.uc().grants().pageSize(size);
        }
        return this;
    }

    /**
     * Seeds a workspace service principal with one OAuth secret.
     *
     * @param displayName the display name
     * @return its SCIM id, application id and OAuth secret
     */
    public SeededPrincipal seedServicePrincipal(String displayName) {
        return seeding.servicePrincipal(displayName);
    }

    /**
     * Seeds a workspace service principal with one OAuth secret and makes it a workspace and metastore admin, so
     * that OAuth machine-to-machine credentials can administer the fake.
     *
     * @param displayName the display name
     * @return its SCIM id, application id and OAuth secret
     */
    public SeededPrincipal seedAdminServicePrincipal(String displayName) {
        SeededPrincipal seeded = seedServicePrincipal(displayName);
        ctx.makeAdmin(seeded.applicationId());
        return seeded;
    }

    /** {@return every OAuth access token the fake issued so far, so tests can check that none leaked} */
    public List<String> issuedTokens() {
        synchronized (ctx) {
            return ctx.identities().issuedTokens();
        }
    }

    /** {@return a copy of the state for assertions} */
    public WorkspaceSnapshot snapshot() {
        synchronized (ctx) {
            return WorkspaceSnapshot.of(ctx);
        }
    }

    /** {@return the storage credentials, external locations and workspace files, to seed and to assert on} */
    public WorkspaceContents contents() {
        return new WorkspaceContents(ctx);
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("the fake workspace is not started: call start() first");
        }
    }

    @Override
    public String toString() {
        return "FakeWorkspace[" + (started ? host() : "not started") + ", workspaceId=" + workspaceId() + "]";
    }

    /**
     * Returns the text of every SQL statement sent through the statement execution API since start (the count is
     * not reset by {@link #resetRequests()}), in arrival order: tests check with it that a run only read.
     *
     * @return the statements' text
     */
    public List<String> statementsRun() {
        return ctx.statements().texts();
    }

    /** Configures a {@link FakeWorkspace}. */
    public static final class Builder {
        private int port;
        private long workspaceId = 1234567890123456L;
        private String accountId = "00000000-0000-4000-8000-0000000000ac";
        private String adminUser = "admin@example.com";
        private String adminToken = "dapi" + UUID.randomUUID().toString().replace("-", "");
        private boolean unityCatalog = true;
        private String metastoreId = "11111111-2222-4333-8444-555555555555";
        private final Map<String, String> warehouses = new LinkedHashMap<>();
        private final List<String> users = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();
        private FakeAzure storage;
        private java.time.Clock clock = java.time.Clock.systemUTC();

        private Builder() {
        }

        /**
         * Validates storage credentials and external locations against this fake Azure, as the service does unless
         * {@code skip_validation} is set: the access connector (or service principal) must exist there and hold a
         * Storage Blob Data role on the location's container. Without it, every credential and location is accepted.
         *
         * @param azure the fake Azure that holds the connectors and role assignments
         * @return this builder
         */
        public Builder storageFrom(FakeAzure azure) {
            this.storage = Objects.requireNonNull(azure, "azure");
            return this;
        }

        /**
         * Sets the port (0, the default, picks a free one).
         *
         * @param value the value
         * @return this builder
         */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * Sets the workspace id.
         *
         * @param value the value
         * @return this builder
         */
        public Builder workspaceId(long value) {
            this.workspaceId = value;
            return this;
        }

        /**
         * Sets the account id.
         *
         * @param value the value
         * @return this builder
         */
        public Builder accountId(String value) {
            this.accountId = Objects.requireNonNull(value, "accountId");
            return this;
        }

        /**
         * Sets the admin's user name.
         *
         * @param value the value
         * @return this builder
         */
        public Builder adminUser(String value) {
            this.adminUser = Objects.requireNonNull(value, "adminUser");
            return this;
        }

        /**
         * Sets the admin's personal access token (random by default).
         *
         * @param value the value
         * @return this builder
         */
        public Builder adminToken(String value) {
            this.adminToken = Objects.requireNonNull(value, "adminToken");
            return this;
        }

        /**
         * Enables or disables Unity Catalog (without it the metastore assignment is a 404).
         *
         * @param enabled whether the workspace has a Unity Catalog metastore
         * @return this builder
         */
        public Builder unityCatalog(boolean enabled) {
            this.unityCatalog = enabled;
            return this;
        }

        /**
         * Adds a running SQL warehouse owned by the admin.
         *
         * @param id the id
         * @param name the name
         * @return this builder
         */
        public Builder warehouse(String id, String name) {
            warehouses.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Registers a user name that grants may name.
         *
         * @param name the name
         * @return this builder
         */
        public Builder user(String name) {
            users.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Registers a group name that grants may name ({@code account users}, {@code users}, {@code admins} exist).
         *
         * @param name the name
         * @return this builder
         */
        public Builder group(String name) {
            groups.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Builds the workspace (not started).
         *
         * @return this fake
         */
        public FakeWorkspace build() {
            return new FakeWorkspace(this);
        }

        /**
         * Sets the clock the workspace reads secret creation and expiry times and access token expiry from (system
         * UTC by default): a test moves it (a {@link VirtualClock}, or any mutable clock) to make secrets expire.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(java.time.Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }
    }

    /**
     * Returns a service principal's OAuth secrets as the service holds them (never their values), in creation order:
     * id, creation and expiry times and status ({@code EXPIRED} once the expiry passed on this workspace's clock).
     *
     * @param applicationId the principal's application id
     * @return the secrets, none for an unknown principal
     */
    public List<FakeSecret> secretsOf(String applicationId) {
        synchronized (ctx) {
            return FakeSecret.of(ctx.identities(), applicationId);
        }
    }

    /**
     * Serves this workspace through a front end of its own (a {@link FakeWorkspaceFleet} member's port) instead of
     * a WireMock server: its host becomes {@code http://127.0.0.1:port}, and the returned server handles each
     * request (counting, faults, routing) without being started.
     *
     * @param port the port the front end listens on
     * @return the server whose {@code handle} the front end calls
     */
    synchronized dev.lakesetup.testkit.internal.http.FakeHttpServer serveOn(int port) {
        fleetPort = port;
        synchronized (ctx) {
            ctx.host("http://127.0.0.1:" + port);
        }
        started = true;
        return server.http();
    }
}
