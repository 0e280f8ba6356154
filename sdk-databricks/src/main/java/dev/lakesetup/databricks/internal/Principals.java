package dev.lakesetup.databricks.internal;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.ListAccountServicePrincipalsRequest;
import com.databricks.sdk.service.iam.ListServicePrincipalsRequest;
import com.databricks.sdk.service.iam.PermissionAssignment;
import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.iam.WorkspacePermission;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Looks service principals up through SCIM, in the workspace or the account, and their workspace assignment; the
 * handlers of service principals and OAuth secrets build on it. A principal is looked up by application id first, then by display name (the first match; SCIM does not
 * keep display names unique); creating one looks it up first, so a repeated create adopts the principal instead of
 * making a second one with the same name (see {@link ServicePrincipalHandler}). A look-up uses only a principal with the application id (or display name,
 * ignoring case) it asked for, whatever else the service answers, and pages through {@link GuardedPages}.
 */
public final class Principals {
    private final Supplier<WorkspaceClient> workspace;
    private final SdkClients clients;
    private final Supplier<Long> workspaceId;

    /**
     * Creates the mapper.
     *
     * @param clients the SDK clients
     * @param workspaceId supplies the numeric workspace id for workspace assignment
     */
    public Principals(SdkClients clients, Supplier<Long> workspaceId) {
        this.clients = clients;
        this.workspace = clients::workspace;
        this.workspaceId = workspaceId;
    }

    /**
     * Returns the workspace client.
     *
     * @return the client, built on first use
     */
    WorkspaceClient workspace() {
        return workspace.get();
    }

    /**
     * Returns the account client, failing when account-level steps are not configured.
     *
     * @param step the step that needs the account
     * @return the client
     */
    AccountClient requireAccount(String step) {
        return clients.requireAccount(step);
    }

    /**
     * Returns the numeric id of the workspace, for workspace assignment.
     *
     * @return the id
     */
    long workspaceId() {
        return workspaceId.get();
    }

    /**
     * Finds a workspace service principal by application id, then by display name.
     *
     * @param principal the reference
     * @param displayName the display name to fall back on, or {@code null}
     * @return the SCIM principal, or empty
     */
    public Optional<ServicePrincipal> findInWorkspace(dev.lakesetup.core.model.ServicePrincipal principal,
            String displayName) {
        Optional<ApplicationId> appId = principal.applicationId();
        if (appId.isPresent()) {
            return inWorkspace("find service principal " + appId.get(), eq("applicationId", appId.get().toString()),
                    hasApplicationId(appId.get()));
        }
        String name = displayName != null ? displayName : principal.displayName().orElseThrow();
        return inWorkspace("find service principal named " + name, eq("displayName", name), hasDisplayName(name));
    }

    /**
     * Finds a declared principal in the account, by application id or else by display name.
     *
     * @param declared the declaration
     * @return the SCIM principal, or empty
     */
    Optional<ServicePrincipal> findInAccount(WorkspaceServicePrincipal declared) {
        AccountClient account = clients.requireAccount("a service principal created through the account");
        Optional<ApplicationId> appId = declared.principal().applicationId();
        String filter = appId.isPresent() ? eq("applicationId", appId.get().toString())
                : eq("displayName", declared.displayName());
        return inAccount(account, "find account service principal " + declared.principal(), filter,
                appId.isPresent() ? hasApplicationId(appId.get()) : hasDisplayName(declared.displayName()));
    }

    /**
     * Finds the application id of a principal known by display name, in the workspace and then in the account.
     *
     * @param principal the reference by display name
     * @return the application id, or empty
     */
    public Optional<ApplicationId> resolve(dev.lakesetup.core.model.ServicePrincipal principal) {
        Optional<ServicePrincipal> found = findInWorkspace(principal, null);
        if (found.isEmpty() && clients.hasAccount()) {
            AccountClient account = clients.account().orElseThrow();
            String name = principal.displayName().orElseThrow();
            found = inAccount(account, "find account service principal named " + name, eq("displayName", name),
                    hasDisplayName(name));
        }
        return found.map(sp -> ApplicationId.of(sp.getApplicationId()));
    }

    /**
     * Tells whether an account principal is assigned to the workspace (as a user or an admin).
     *
     * @param principalId the account principal's numeric id
     * @return {@code true} when assigned
     */
    boolean assignedAsUser(long principalId) {
        AccountClient account = clients.requireAccount("workspace assignment");
        Iterable<PermissionAssignment> assignments = Calls.run("list workspace assignments",
                () -> account.workspaceAssignment().list(workspaceId.get()));
        return Calls.run("list workspace assignments", () -> {
            for (PermissionAssignment a : assignments) {
                if (a.getPrincipal() != null && a.getPrincipal().getPrincipalId() != null
                        && a.getPrincipal().getPrincipalId() == principalId && a.getPermissions() != null
                        && (a.getPermissions().contains(WorkspacePermission.USER)
                        || a.getPermissions().contains(WorkspacePermission.ADMIN))) {
                    return true;
                }
            }
            return false;
        });
    }

    private static String eq(String attribute, String value) {
        return ScimDirectory.eq(attribute, value);
    }

    /**
     * Looks a principal up in the workspace: the filter narrows the answer, but only a principal that {@code matches}
     * is used, whatever else the service sends.
     */
    private Optional<ServicePrincipal> inWorkspace(String what, String filter, Predicate<ServicePrincipal> matches) {
        return Calls.run(what, () -> GuardedPages.findScim(what, startIndex -> workspace.get().servicePrincipals()
                .impl().list(new ListServicePrincipalsRequest().setFilter(filter).setStartIndex(startIndex)
                        .setCount(GuardedPages.PAGE_SIZE)), matches));
    }

    private static Optional<ServicePrincipal> inAccount(AccountClient account, String what, String filter,
                                                        Predicate<ServicePrincipal> matches) {
        return Calls.run(what, () -> GuardedPages.findScim(what, startIndex -> account.servicePrincipals().impl()
                .list(new ListAccountServicePrincipalsRequest().setFilter(filter).setStartIndex(startIndex)
                        .setCount(GuardedPages.PAGE_SIZE)), matches));
    }

    private static Predicate<ServicePrincipal> hasApplicationId(ApplicationId id) {
        return sp -> id.toString().equalsIgnoreCase(sp.getApplicationId());
    }

    private static Predicate<ServicePrincipal> hasDisplayName(String name) {
        return sp -> name.equalsIgnoreCase(sp.getDisplayName());
    }

    static dev.lakesetup.core.model.ServicePrincipal byApplicationId(ServicePrincipal sp) {
        return dev.lakesetup.core.model.ServicePrincipal.of(ApplicationId.of(sp.getApplicationId()));
    }
}
