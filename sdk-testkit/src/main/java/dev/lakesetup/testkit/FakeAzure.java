package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.azure.AzureServer;
import dev.lakesetup.testkit.internal.azure.AzureState;
import dev.lakesetup.testkit.internal.http.RequestCounter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * In-memory Azure endpoints served over HTTP on 127.0.0.1, for tests that drive the real Azure clients: Microsoft
 * Graph service principals, Azure Resource Manager role definitions and role assignments, and the blob endpoint of
 * storage accounts for ADLS Gen2 containers, with fault injection and request counting. One server answers all
 * three; storage accounts are addressed path-style ({@code http://127.0.0.1:PORT/{account}}).
 *
 * <pre>{@code
 * try (FakeAzure azure = FakeAzure.builder().application(appId, "vendor-app")
 *         .storageAccount("lake", "rg").build().start()) {
 *     // Graph and ARM endpoints: azure.graphEndpoint(), azure.resourceManagerEndpoint(), bearer azure.accessToken()
 *     // storage: azure.storageEndpoint("lake") with a shared key azure.storageAccountKey("lake")
 * }
 * }</pre>
 */
public final class FakeAzure implements AutoCloseable {

    /** The id of the built-in role Storage Blob Data Contributor. */
    public static final String STORAGE_BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    /** The id of the built-in role Storage Blob Data Reader. */
    public static final String STORAGE_BLOB_DATA_READER = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";

    /** The id of the built-in role Reader. */
    public static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

    /**
     * A Databricks access connector with a system-assigned managed identity.
     *
     * @param id the connector's Resource Manager id (what a storage credential names as {@code access_connector_id})
     * @param principalId the object id of its managed identity (what role assignments name)
     */
    public record AccessConnector(String id, String principalId) { }

    private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z0-9]{3,24}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AzureState state;
    private final AzureServer server;
    private final AzureFaults faults;
    private boolean started;

    private FakeAzure(Builder b) {
        this.state = new AzureState(new AzureState.Settings(b.tenantId, b.subscriptionId, b.accessToken,
                b.callerObjectId), b.clock);
        b.applications.forEach(state::addApplication);
        b.accounts.forEach((name, rg) -> state.addAccount(name, rg, newKey()));
        this.server = new AzureServer(state, b.port);
        this.faults = new AzureFaults(server.http().faults(), state);
    }

    /** {@return a builder with defaults: free port, random tenant and subscription ids, nothing seeded} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server and returns this fake.
     *
     * @return this fake
     */
    public synchronized FakeAzure start() {
        server.http().start();
        started = true;
        return this;
    }

    /** Stops the server. */
    @Override
    public synchronized void close() {
        server.http().close();
        started = false;
    }

    /** {@return the bound port} */
    public int port() {
        requireStarted();
        return server.http().port();
    }

    /** {@return the base URL of every endpoint, {@code http://127.0.0.1:PORT}} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * {@return the Microsoft Graph endpoint ({@code microsoftGraphResourceId} of an Azure environment), with a trailing slash}
     */
    public String graphEndpoint() {
        return baseUrl() + "/";
    }

    /** {@return the Resource Manager endpoint ({@code resourceManagerEndpointUrl}), with a trailing slash} */
    public String resourceManagerEndpoint() {
        return baseUrl() + "/";
    }

    /**
     * Returns the blob and DFS endpoint of a storage account, {@code http://127.0.0.1:PORT/{account}}.
     *
     * @param account the storage account name
     * @return the blob and DFS endpoint of a storage account, {@code http://127.0.0.1:PORT/{account}}
     */
    public String storageEndpoint(String account) {
        requireAccount(account);
        return baseUrl() + "/" + account;
    }

    /** {@return the directory (tenant) id} */
    public String tenantId() {
        return state.settings().tenantId();
    }

    /** {@return the subscription id} */
    public String subscriptionId() {
        return state.settings().subscriptionId();
    }

    /** {@return the bearer token that Graph and Resource Manager accept} */
    public String accessToken() {
        return state.settings().accessToken();
    }

    /**
     * Returns the shared key (base64) of a storage account.
     *
     * @param account the storage account name
     * @return the shared key (base64) of a storage account
     */
    public String storageAccountKey(String account) {
        return requireAccount(account).key();
    }

    /**
     * Returns the Resource Manager id of a storage account, the scope of account-wide role assignments.
     *
     * @param account the storage account name
     * @return the Resource Manager id of a storage account, the scope of account-wide role assignments
     */
    public String storageAccountScope(String account) {
        AzureState.StorageAccount a = requireAccount(account);
        return "/subscriptions/" + subscriptionId() + "/resourceGroups/" + a.resourceGroup()
                + "/providers/Microsoft.Storage/storageAccounts/" + a.name();
    }

    /**
     * Returns the Resource Manager id of a container, the scope of container role assignments.
     *
     * @param container the container name
     * @param account the storage account name
     * @return the Resource Manager id of a container, the scope of container role assignments
     */
    public String containerScope(String account, String container) {
        return storageAccountScope(account) + "/blobServices/default/containers/"
                + Objects.requireNonNull(container, "container");
    }

    /** {@return the fault injection controls} */
    public AzureFaults faults() {
        return faults;
    }

    /** {@return the request counts per endpoint since start or the last {@link #resetRequests()}} */
    public RequestStats requests() {
        RequestCounter.Counts counts = server.http().stats();
        return new RequestStats(counts.perEndpoint(), counts.total(), counts.maxInFlight());
    }

    /** Clears the request counts. */
    public void resetRequests() {
        server.http().resetStats();
    }

    /**
     * Moves the fake clock forward (creation times, propagation delays).
     *
     * @param by how far to move it
     * @return this fake
     */
    public FakeAzure advanceClock(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock cannot go back, was " + by);
        }
        synchronized (state) {
            state.advance(by);
        }
        return this;
    }

    /**
     * Registers an application for which a service principal may be created (a multi-tenant app's id).
     *
     * @param appId the application (client) id
     * @param displayName the display name
     * @return this fake
     */
    public FakeAzure seedApplication(String appId, String displayName) {
        synchronized (state) {
            state.addApplication(Objects.requireNonNull(appId, "appId"),
                    Objects.requireNonNull(displayName, "displayName"));
        }
        return this;
    }

    /**
     * Seeds a service principal for an application (registering the application when unknown), visible to role
     * assignments at once, and returns its object id.
     *
     * @param appId the application (client) id
     * @param displayName the display name
     * @return its object id
     */
    public String seedServicePrincipal(String appId, String displayName) {
        synchronized (state) {
            if (state.applicationName(appId) == null) {
                state.addApplication(appId, displayName);
            }
            return state.addPrincipal(UUID.randomUUID().toString(), appId, displayName, true, false).id();
        }
    }

    /**
     * Seeds a storage account in a resource group and returns its shared key.
     *
     * @param name the name
     * @param resourceGroup the resource group
     * @return its shared key
     */
    public String seedStorageAccount(String name, String resourceGroup) {
        requireAccountName(name);
        synchronized (state) {
            return state.addAccount(name, Objects.requireNonNull(resourceGroup, "resourceGroup"), newKey()).key();
        }
    }

    /**
     * Seeds a container in a storage account (no-op when it exists).
     *
     * @param account the storage account name
     * @param container the container name
     * @return this fake
     */
    public FakeAzure seedContainer(String account, String container) {
        synchronized (state) {
            AzureState.StorageAccount a = requireAccount(account);
            a.containers().putIfAbsent(container, new AzureState.Container(container, "\"0x1\"", state.now()));
        }
        return this;
    }

    /**
     * Seeds a file in a container (a path such as {@code raw/2026/part-0.parquet}), so the container is not empty.
     *
     * @param account the storage account name
     * @param container the container name (seeded when missing)
     * @param path the file's path in the container
     * @return this fake
     */
    public FakeAzure seedPath(String account, String container, String path) {
        synchronized (state) {
            seedContainer(account, container);
            requireAccount(account).paths().computeIfAbsent(container, c -> new java.util.TreeSet<>()).add(path);
        }
        return this;
    }

    /**
     * Seeds a role assignment with a random name and returns that name.
     *
     * @param scope the scope (a Resource Manager id)
     * @param principalId the principal's object id
     * @param roleDefinitionId the role definition GUID
     * @return that name
     */
    public String seedRoleAssignment(String scope, String principalId, String roleDefinitionId) {
        String name = UUID.randomUUID().toString();
        synchronized (state) {
            state.putAssignment(new AzureState.Assignment(name, Objects.requireNonNull(scope, "scope"),
                    roleDefinitionId.toLowerCase(java.util.Locale.ROOT), Objects.requireNonNull(principalId,
                    "principalId"), "ServicePrincipal", state.now()));
        }
        return name;
    }

    /**
     * Seeds a Databricks access connector in a resource group, with a system-assigned managed identity that role
     * assignments may name at once.
     *
     * @param resourceGroup the resource group
     * @param name the connector's name
     * @return the connector's resource id and its identity's principal id
     */
    public AccessConnector seedAccessConnector(String resourceGroup, String name) {
        String id = "/subscriptions/" + subscriptionId() + "/resourceGroups/"
                + Objects.requireNonNull(resourceGroup, "resourceGroup")
                + "/providers/Microsoft.Databricks/accessConnectors/" + Objects.requireNonNull(name, "name");
        synchronized (state) {
            String principalId = state.addPrincipal(UUID.randomUUID().toString(), UUID.randomUUID().toString(), name,
                    true, false).id();
            state.addAccessConnector(id, principalId);
            return new AccessConnector(id, principalId);
        }
    }

    /** Returns the state, for the workspace fake that validates storage credentials against it. */
    AzureState state() {
        return state;
    }

    /** {@return a copy of the state for assertions} */
    public AzureSnapshot snapshot() {
        synchronized (state) {
            List<AzureSnapshot.ServicePrincipal> sps = state.principals().stream()
                    .map(p -> new AzureSnapshot.ServicePrincipal(p.id(), p.appId(), p.displayName(),
                            p.accountEnabled())).toList();
            List<AzureSnapshot.RoleAssignment> ras = state.assignments().stream()
                    .map(a -> new AzureSnapshot.RoleAssignment(a.name(), a.scope(), a.roleId(), a.principalId(),
                            a.principalType())).toList();
            Map<String, List<String>> containers = new TreeMap<>();
            state.accounts().forEach(a -> containers.put(a.name(), List.copyOf(a.containers().keySet())));
            return new AzureSnapshot(sps, ras, containers);
        }
    }

    private AzureState.StorageAccount requireAccount(String account) {
        synchronized (state) {
            AzureState.StorageAccount a = state.account(Objects.requireNonNull(account, "account"));
            if (a == null) {
                throw new IllegalArgumentException("no storage account '" + account + "' in the fake");
            }
            return a;
        }
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("the fake Azure is not started: call start() first");
        }
    }

    private static void requireAccountName(String name) {
        if (!ACCOUNT_NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("storage account names are 3-24 lower-case letters and digits, was '"
                    + name + "'");
        }
    }

    private static String newKey() {
        byte[] key = new byte[64];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return "FakeAzure[" + (started ? baseUrl() : "not started") + ", tenant=" + tenantId() + "]";
    }

    /** Configures a {@link FakeAzure}. */
    public static final class Builder {
        private int port;
        private String tenantId = UUID.randomUUID().toString();
        private String subscriptionId = UUID.randomUUID().toString();
        private String accessToken = "fake-arm-" + UUID.randomUUID();
        private String callerObjectId = UUID.randomUUID().toString();
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> applications = new LinkedHashMap<>();
        private final Map<String, String> accounts = new LinkedHashMap<>();

        private Builder() {
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
         * Sets the tenant id.
         *
         * @param value the value
         * @return this builder
         */
        public Builder tenantId(String value) {
            this.tenantId = Objects.requireNonNull(value, "tenantId");
            return this;
        }

        /**
         * Sets the subscription id.
         *
         * @param value the value
         * @return this builder
         */
        public Builder subscriptionId(String value) {
            this.subscriptionId = Objects.requireNonNull(value, "subscriptionId");
            return this;
        }

        /**
         * Sets the bearer token Graph and Resource Manager accept (random by default).
         *
         * @param value the value
         * @return this builder
         */
        public Builder accessToken(String value) {
            this.accessToken = Objects.requireNonNull(value, "accessToken");
            return this;
        }

        /**
         * Sets the clock the fake time starts from (system UTC by default).
         *
         * @param value the value
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Registers an application id for which service principals may be created.
         *
         * @param appId the application (client) id
         * @param displayName the display name
         * @return this builder
         */
        public Builder application(String appId, String displayName) {
            applications.put(Objects.requireNonNull(appId, "appId"), Objects.requireNonNull(displayName,
                    "displayName"));
            return this;
        }

        /**
         * Adds a storage account (3-24 lower-case letters and digits) in a resource group.
         *
         * @param name the name
         * @param resourceGroup the resource group
         * @return this builder
         */
        public Builder storageAccount(String name, String resourceGroup) {
            requireAccountName(name);
            accounts.put(name, Objects.requireNonNull(resourceGroup, "resourceGroup"));
            return this;
        }

        /**
         * Builds the fake (not started).
         *
         * @return this fake
         */
        public FakeAzure build() {
            return new FakeAzure(this);
        }
    }
}
