package dev.lakesetup.testkit.internal.azure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The state behind the fake Azure endpoints: Entra applications and service principals, role assignments, storage
 * accounts with their containers, and the misbehaviours to inject. Not thread-safe: callers lock on the instance.
 */
public final class AzureState {

    /**
     * Fixed settings.
     *
     * @param tenantId the directory (tenant) id
     * @param subscriptionId the subscription id
     * @param accessToken the bearer token Graph and ARM accept
     * @param callerObjectId the object id of the caller, named in authorization errors
     */
    public record Settings(String tenantId, String subscriptionId, String accessToken, String callerObjectId) { }

    /** An Entra service principal. */
    public static final class ServicePrincipal {
        final String id;
        final String appId;
        final String displayName;
        final boolean accountEnabled;
        final Instant created;

        ServicePrincipal(String id, String appId, String displayName, boolean accountEnabled, Instant created) {
            this.id = id;
            this.appId = appId;
            this.displayName = displayName;
            this.accountEnabled = accountEnabled;
            this.created = created;
        }

        /** Returns the object id. */
        public String id() {
            return id;
        }

        /** Returns the application id. */
        public String appId() {
            return appId;
        }

        /** Returns the display name. */
        public String displayName() {
            return displayName;
        }

        /** Returns whether sign-in is enabled. */
        public boolean accountEnabled() {
            return accountEnabled;
        }
    }

    /**
     * A role assignment.
     *
     * @param name the assignment name (a GUID)
     * @param scope the scope as first written
     * @param roleId the role definition GUID
     * @param principalId the principal's object id
     * @param principalType the principal type sent, or null
     * @param created when it was created
     */
    public record Assignment(String name, String scope, String roleId, String principalId, String principalType,
                             Instant created) {

        /** Returns the ARM id of the assignment. */
        public String id() {
            return ("/".equals(scope) ? "" : scope) + "/providers/Microsoft.Authorization/roleAssignments/" + name;
        }
    }

    /**
     * A blob container (ADLS Gen2 file system).
     *
     * @param name the container name
     * @param etag the entity tag
     * @param lastModified when it was created
     */
    public record Container(String name, String etag, Instant lastModified) { }

    /** A storage account. */
    public static final class StorageAccount {
        final String name;
        final String resourceGroup;
        final String key;
        final Map<String, Container> containers = new TreeMap<>();
        final Map<String, java.util.TreeSet<String>> paths = new TreeMap<>();

        StorageAccount(String name, String resourceGroup, String key) {
            this.name = name;
            this.resourceGroup = resourceGroup;
            this.key = key;
        }

        /** Returns the account name. */
        public String name() {
            return name;
        }

        /** Returns the resource group. */
        public String resourceGroup() {
            return resourceGroup;
        }

        /** Returns the shared key (base64). */
        public String key() {
            return key;
        }

        /** Returns the containers by name. */
        public Map<String, Container> containers() {
            return containers;
        }

        /** Returns the paths (files, {@code dir/file}) written in each container, by container name. */
        public Map<String, java.util.TreeSet<String>> paths() {
            return paths;
        }
    }

    private record Denial(Pattern scope, int[] remaining) { }

    private final Settings settings;
    private final Clock baseClock;
    private Duration offset = Duration.ZERO;
    private final Map<String, String> applications = new HashMap<>();
    private final Map<String, ServicePrincipal> principals = new LinkedHashMap<>();
    private final Map<String, Assignment> assignments = new LinkedHashMap<>();
    private final Map<String, StorageAccount> accounts = new TreeMap<>();
    private final Map<String, Integer> invisiblePrincipals = new HashMap<>();
    private final Map<String, Integer> applicationsNotYetValid = new HashMap<>();
    private final Map<String, Integer> containersBeingDeleted = new HashMap<>();
    private final List<Denial> denials = new ArrayList<>();
    private final Map<String, String> accessConnectors = new HashMap<>();
    private int propagationCalls;
    private Duration propagationDelay = Duration.ZERO;
    private Duration roleEffectDelay = Duration.ZERO;

    /** Creates an empty state. */
    public AzureState(Settings settings, Clock clock) {
        this.settings = settings;
        this.baseClock = clock;
    }

    /** Returns the settings. */
    public Settings settings() {
        return settings;
    }

    /** Returns the fake time. */
    public Instant now() {
        return baseClock.instant().plus(offset);
    }

    /** Moves the fake time forward. */
    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    // ----- Entra

    /** Registers an application id for which service principals may be created. */
    public void addApplication(String appId, String displayName) {
        applications.put(key(appId), displayName);
    }

    /** Returns the display name of a known application, or null when the id is unknown. */
    public String applicationName(String appId) {
        return applications.get(key(appId));
    }

    /** Adds a service principal and returns it; new principals start their propagation window. */
    public ServicePrincipal addPrincipal(String id, String appId, String displayName, boolean enabled,
                                         boolean propagating) {
        ServicePrincipal sp = new ServicePrincipal(id, appId, displayName, enabled, now());
        principals.put(key(id), sp);
        if (propagating && propagationCalls > 0) {
            invisiblePrincipals.merge(key(id), propagationCalls, Math::max);
        }
        return sp;
    }

    /** Returns every service principal in creation order. */
    public List<ServicePrincipal> principals() {
        return List.copyOf(principals.values());
    }

    /** Returns a service principal by object id, or null. */
    public ServicePrincipal principal(String id) {
        return principals.get(key(id));
    }

    /** Removes a service principal; returns whether it existed. */
    public boolean removePrincipal(String id) {
        return principals.remove(key(id)) != null;
    }

    /** Makes the next {@code calls} creations of a principal for this application fail as not yet valid. */
    public void applicationNotYetValid(String appId, int calls) {
        applicationsNotYetValid.put(key(appId), calls);
    }

    /** Uses up one "not yet valid" answer for this application; returns whether the creation must fail. */
    public boolean consumeApplicationNotYetValid(String appId) {
        return consume(applicationsNotYetValid, key(appId));
    }

    // ----- ARM

    /** Makes principals created later invisible to role assignments for their first {@code calls} writes. */
    public void propagationCalls(int calls) {
        this.propagationCalls = calls;
    }

    /** Makes principals created later invisible to role assignments until this much fake time has passed. */
    public void propagationDelay(Duration delay) {
        this.propagationDelay = delay;
    }

    /** Makes the next {@code calls} role assignment writes naming this principal fail with PrincipalNotFound. */
    public void principalInvisible(String principalId, int calls) {
        invisiblePrincipals.put(key(principalId), calls);
    }

    /** Returns whether a role assignment write naming this principal must fail now (using up one call if so). */
    public boolean principalHiddenFromArm(String principalId) {
        ServicePrincipal sp = principal(principalId);
        if (sp == null) {
            return true;
        }
        if (consume(invisiblePrincipals, key(principalId))) {
            return true;
        }
        return now().isBefore(sp.created.plus(propagationDelay));
    }

    /** Makes the next {@code calls} role assignment writes at a scope matching the regex fail with 403. */
    public void deny(String scopeRegex, int calls) {
        denials.add(new Denial(Pattern.compile(scopeRegex, Pattern.CASE_INSENSITIVE), new int[] {calls}));
    }

    /** Returns whether a write at this scope is denied (using up one call of the matching rule). */
    public boolean denied(String scope) {
        for (Denial d : denials) {
            if (d.remaining()[0] > 0 && d.scope().matcher(scope).matches()) {
                d.remaining()[0]--;
                return true;
            }
        }
        return false;
    }

    /** Returns every role assignment in creation order. */
    public List<Assignment> assignments() {
        return List.copyOf(assignments.values());
    }

    /** Returns the assignment with this name at this scope, or null. */
    public Assignment assignment(String scope, String name) {
        return assignments.get(assignmentKey(scope, name));
    }

    /** Stores an assignment (replacing one of the same scope and name). */
    public void putAssignment(Assignment a) {
        assignments.put(assignmentKey(a.scope(), a.name()), a);
    }

    /** Removes and returns the assignment with this name at this scope, or null. */
    public Assignment removeAssignment(String scope, String name) {
        return assignments.remove(assignmentKey(scope, name));
    }

    /** Makes role assignments count for data access only once this much fake time has passed since their creation. */
    public void roleEffectDelay(Duration delay) {
        this.roleEffectDelay = delay;
    }

    /**
     * Returns whether a principal holds one of these roles (GUIDs) at a scope that covers {@code scope} (the scope
     * itself or one of its parents) through an assignment that has taken effect.
     */
    public boolean holdsRole(String principalId, String scope, Set<String> roleIds) {
        String target = key(scope);
        for (Assignment a : assignments.values()) {
            String at = key(a.scope());
            boolean covers = at.equals("/") || target.equals(at) || target.startsWith(at + "/");
            if (covers && key(a.principalId()).equals(key(principalId)) && roleIds.contains(key(a.roleId()))
                    && !now().isBefore(a.created().plus(roleEffectDelay))) {
                return true;
            }
        }
        return false;
    }

    // ----- Databricks access connectors

    /** Registers an access connector (by its ARM id) and the object id of its managed identity. */
    public void addAccessConnector(String id, String principalId) {
        accessConnectors.put(key(id), principalId);
    }

    /** Returns the managed identity's object id of an access connector, or null when it does not exist. */
    public String accessConnectorPrincipal(String id) {
        return accessConnectors.get(key(id));
    }

    // ----- storage

    /** Adds a storage account. */
    public StorageAccount addAccount(String name, String resourceGroup, String key) {
        StorageAccount a = new StorageAccount(name, resourceGroup, key);
        accounts.put(name, a);
        return a;
    }

    /** Returns a storage account by name (exact, names are lower case), or null. */
    public StorageAccount account(String name) {
        return accounts.get(name);
    }

    /** Returns every storage account. */
    public List<StorageAccount> accounts() {
        return List.copyOf(accounts.values());
    }

    /** Makes the next {@code calls} creations of this container fail with ContainerBeingDeleted. */
    public void containerBeingDeleted(String account, String container, int calls) {
        containersBeingDeleted.put(account + "/" + container, calls);
    }

    /** Uses up one ContainerBeingDeleted answer; returns whether the request must fail. */
    public boolean consumeContainerBeingDeleted(String account, String container) {
        return consume(containersBeingDeleted, account + "/" + container);
    }

    private static boolean consume(Map<String, Integer> counters, String key) {
        Integer left = counters.get(key);
        if (left == null || left <= 0) {
            return false;
        }
        counters.put(key, left - 1);
        return true;
    }

    private static String assignmentKey(String scope, String name) {
        return key(scope) + "|" + key(name);
    }

    /** Returns the case-insensitive key of an id, scope or name. */
    static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
