package dev.lakesetup.testkit.internal.databricks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the fake workspace knows: settings, Unity Catalog, identities, warehouses, statements, and the
 * workspace-specific faults. Guarded by its own monitor: handlers run one at a time.
 */
public final class WorkspaceContext {

    /**
     * Fixed settings of one fake workspace.
     *
     * @param workspaceId numeric workspace id
     * @param accountId account UUID
     * @param adminUser the admin's user name
     * @param adminToken the admin's PAT
     * @param metastoreAssigned whether Unity Catalog is enabled
     * @param metastoreId metastore id
     */
    public record Settings(long workspaceId, String accountId, String adminUser, String adminToken,
                           boolean metastoreAssigned, String metastoreId) { }

    /** A SQL warehouse and its access control list. */
    public static final class Warehouse {
        public String id;
        public String name;
        /** Key: kind ({@code user_name}, {@code group_name}, {@code service_principal_name}) + ":" + name. */
        public final Map<String, String> acl = new LinkedHashMap<>();
    }

    /** A statement failure rule. */
    private static final class StatementFailure {
        Pattern sql;
        int remaining;
        String code;
        String message;
    }

    private record StaleRead(Map<String, Set<String>> before, int[] remaining) { }

    private final Settings settings;
    private final UnityCatalog uc;
    private final Identities identities = new Identities();
    private final IpAccessLists ipAccessLists = new IpAccessLists();
    private final Map<String, Warehouse> warehouses = new LinkedHashMap<>();
    private final WorkspaceFiles files = new WorkspaceFiles();
    private final Statements statements = new Statements();
    private final Map<String, int[]> invisiblePrincipals = new HashMap<>();
    private final List<StatementFailure> statementFailures = new ArrayList<>();
    private final Map<Securable, StaleRead> staleReads = new HashMap<>();
    private final ThreadLocal<Caller> caller = new ThreadLocal<>();
    private final Set<String> adminPrincipals = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int staleReadCalls;
    private int pendingPolls;
    private String host = "";
    private StorageAccess storageAccess = StorageAccess.UNCHECKED;

    /** Creates the state. */
    public WorkspaceContext(Settings settings) {
        this.settings = settings;
        this.uc = new UnityCatalog(settings.metastoreId());
        identities.addUser(settings.adminUser());
    }

    /** Returns the settings. */
    public Settings settings() {
        return settings;
    }

    /** Returns the Unity Catalog state. */
    public UnityCatalog uc() {
        return uc;
    }

    /** Returns the IP access lists and whether they are switched on. */
    public IpAccessLists ipAccessLists() {
        return ipAccessLists;
    }

    /** Returns the identities. */
    public Identities identities() {
        return identities;
    }

    /** Returns the warehouses by id. */
    public Map<String, Warehouse> warehouses() {
        return warehouses;
    }

    /** Returns the statements. */
    public Statements statements() {
        return statements;
    }

    /** Returns the caller of the request being served. */
    public Caller caller() {
        Caller c = caller.get();
        if (c == null) {
            throw new IllegalStateException("no caller bound");
        }
        return c;
    }

    /** Binds the caller for the current thread (null to unbind). */
    public void bindCaller(Caller c) {
        if (c == null) {
            caller.remove();
        } else {
            caller.set(c);
        }
    }

    /** Returns the base URL of the server. */
    public String host() {
        return host;
    }

    /** Sets the base URL of the server once it is started. */
    public void host(String value) {
        this.host = value;
    }

    // ---------------------------------------------------------------- faults

    /** Makes a service principal (by application id) a workspace and metastore admin. */
    public void makeAdmin(String applicationId) {
        adminPrincipals.add(applicationId);
    }

    /** Tells whether a service principal is a workspace admin. */
    public boolean isAdmin(String applicationId) {
        return adminPrincipals.contains(applicationId);
    }

    /** Makes grants to {@code principal} fail with PRINCIPAL_DOES_NOT_EXIST for the next {@code calls} attempts. */
    public void principalInvisible(String principal, int calls) {
        invisiblePrincipals.put(principal, new int[] {calls});
    }

    /** Checks that a grantee exists and is visible; PRINCIPAL_DOES_NOT_EXIST otherwise (consumes one fault use). */
    public void requireGrantable(String principal) {
        int[] left = invisiblePrincipals.get(principal);
        if (left != null && left[0] > 0) {
            left[0]--;
            throw principalMissing(principal);
        }
        if (!identities.grantable(principal)) {
            throw principalMissing(principal);
        }
    }

    private static ApiException principalMissing(String principal) {
        return new ApiException(400, "PRINCIPAL_DOES_NOT_EXIST", "Could not find principal with name " + principal);
    }

    /** Makes statements whose text matches {@code sqlRegex} fail (HTTP 200, FAILED) for {@code times} runs. */
    public void failStatements(String sqlRegex, int times, String code, String message) {
        StatementFailure f = new StatementFailure();
        f.sql = Pattern.compile(sqlRegex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        f.remaining = times;
        f.code = code;
        f.message = message;
        statementFailures.add(f);
    }

    /** Returns an injected failure {code, message} for a statement, or null (consumes one use). */
    public String[] statementFailure(String sql) {
        for (StatementFailure f : statementFailures) {
            if ((f.remaining < 0 || f.remaining > 0) && f.sql.matcher(sql).find()) {
                if (f.remaining > 0) {
                    f.remaining--;
                }
                return new String[] {f.code, f.message};
            }
        }
        return null;
    }

    /** Makes every later grants change be followed by {@code calls} stale reads of that securable's grants. */
    public void staleReadsAfterChange(int calls) {
        this.staleReadCalls = calls;
    }

    /** Records the grants before a change, for stale reads. */
    public void beforeGrantChange(Securable s) {
        if (staleReadCalls > 0) {
            staleReads.put(s, new StaleRead(uc.grants().direct(s), new int[] {staleReadCalls}));
        }
    }

    /** Returns the grants to show on a read: the stale ones while a stale read is pending, else the current. */
    public Map<String, Set<String>> grantsForRead(Securable s) {
        StaleRead stale = staleReads.get(s);
        if (stale != null && stale.remaining()[0] > 0) {
            stale.remaining()[0]--;
            return stale.before();
        }
        return uc.grants().direct(s);
    }

    /** Removes every workspace-specific fault. */
    public void clearFaults() {
        invisiblePrincipals.clear();
        statementFailures.clear();
        staleReads.clear();
        staleReadCalls = 0;
        pendingPolls = 0;
    }

    /** Makes new statements stay PENDING for {@code polls} status reads. */
    public void pendingPolls(int polls) {
        this.pendingPolls = polls;
    }

    /** Returns the number of PENDING polls for new statements. */
    public int pendingPolls() {
        return pendingPolls;
    }

    /** Returns how storage credentials and external locations are validated. */
    public StorageAccess storageAccess() {
        return storageAccess;
    }

    /** Sets how storage credentials and external locations are validated. */
    public void storageAccess(StorageAccess value) {
        this.storageAccess = value;
    }

    /** Returns the workspace file tree the Workspace API serves. */
    public WorkspaceFiles files() {
        return files;
    }
}
