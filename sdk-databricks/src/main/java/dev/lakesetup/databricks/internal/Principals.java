package dev.lakesetup.databricks.internal;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.ComplexValue;
import com.databricks.sdk.service.iam.ListAccountServicePrincipalsRequest;
import com.databricks.sdk.service.iam.ListServicePrincipalsRequest;
import com.databricks.sdk.service.iam.PartialUpdate;
import com.databricks.sdk.service.iam.Patch;
import com.databricks.sdk.service.iam.PatchOp;
import com.databricks.sdk.service.iam.PatchSchema;
import com.databricks.sdk.service.iam.PermissionAssignment;
import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.iam.UpdateWorkspaceAssignments;
import com.databricks.sdk.service.iam.WorkspacePermission;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretRequest;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretResponse;
import com.databricks.sdk.service.oauth2.ListServicePrincipalSecretsRequest;
import dev.lakesetup.core.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ObservedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Service principals through SCIM (workspace or account), their entitlements, workspace assignment and OAuth
 * secrets. A principal is looked up by application id first, then by display name (the first match; SCIM does not
 * keep display names unique); creating one looks it up first, so a repeated create adopts the principal instead of
 * making a second one with the same name. A look-up uses only a principal with the application id (or display name,
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

    private Optional<ServicePrincipal> findInAccount(WorkspaceServicePrincipal declared) {
        AccountClient account = clients.requireAccount("a service principal created through the account");
        Optional<ApplicationId> appId = declared.principal().applicationId();
        String filter = appId.isPresent() ? eq("applicationId", appId.get().toString())
                : eq("displayName", declared.displayName());
        return inAccount(account, "find account service principal " + declared.principal(), filter,
                appId.isPresent() ? hasApplicationId(appId.get()) : hasDisplayName(declared.displayName()));
    }

    /**
     * Reads a declared service principal: its entitlements and, when created through the account, its workspace
     * assignment.
     *
     * @param declared the declaration
     * @return the live state, or empty when it does not exist
     */
    public Optional<ObservedResource> read(WorkspaceServicePrincipal declared) {
        Optional<ServicePrincipal> found;
        ObservedResource state = ObservedResource.of(declared.id());
        if (declared.isThroughAccount()) {
            Optional<ServicePrincipal> inAccount = findInAccount(declared);
            if (inAccount.isEmpty()) {
                return Optional.empty();
            }
            if (assignedAsUser(Long.parseLong(inAccount.get().getId()))) {
                state = state.with("workspace assignment", "USER");
            }
            found = findInWorkspace(byApplicationId(inAccount.get()), declared.displayName());
        } else {
            found = findInWorkspace(declared.principal(), declared.displayName());
            if (found.isEmpty()) {
                return Optional.empty();
            }
        }
        Set<String> entitlements = new TreeSet<>();
        found.ifPresent(sp -> {
            if (sp.getEntitlements() != null) {
                sp.getEntitlements().forEach(e -> entitlements.add(e.getValue()));
            }
        });
        return Optional.of(state.withAll("entitlements", entitlements));
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
     * Creates (or adopts) a service principal and gives it the declared entitlements and assignment.
     *
     * @param change the CREATE or UPDATE change
     * @param declared the declaration
     * @return the result naming the application id
     */
    public ChangeResult apply(ResourceChange change, WorkspaceServicePrincipal declared) {
        ServicePrincipal sp = declared.isThroughAccount() ? ensureInAccount(declared) : ensureInWorkspace(declared);
        ApplicationId appId = ApplicationId.of(sp.getApplicationId());
        Set<String> missing = new TreeSet<>();
        declared.entitlements().forEach(e -> missing.add(e.value()));
        if (sp.getEntitlements() != null) {
            sp.getEntitlements().forEach(e -> missing.remove(e.getValue()));
        }
        if (!missing.isEmpty()) {
            addEntitlements(sp, missing);
        }
        return ChangeResult.createdPrincipal(declared.principal(), appId);
    }

    private ServicePrincipal ensureInWorkspace(WorkspaceServicePrincipal declared) {
        Optional<ServicePrincipal> existing = findInWorkspace(declared.principal(), declared.displayName());
        if (existing.isPresent()) {
            return existing.get();
        }
        ServicePrincipal create = new ServicePrincipal().setDisplayName(declared.displayName())
                .setEntitlements(values(declared.entitlements()));
        declared.principal().applicationId().ifPresent(id -> create.setApplicationId(id.toString()));
        ServicePrincipal created = Calls.run("create service principal " + declared.displayName(),
                () -> workspace.get().servicePrincipals().create(create));
        return created.getEntitlements() == null ? created.setEntitlements(create.getEntitlements()) : created;
    }

    private ServicePrincipal ensureInAccount(WorkspaceServicePrincipal declared) {
        AccountClient account = clients.requireAccount("a service principal created through the account");
        ServicePrincipal inAccount = findInAccount(declared).orElseGet(() -> {
            ServicePrincipal create = new ServicePrincipal().setDisplayName(declared.displayName());
            declared.principal().applicationId().ifPresent(id -> create.setApplicationId(id.toString()));
            return Calls.run("create account service principal " + declared.displayName(),
                    () -> account.servicePrincipals().create(create));
        });
        long principalId = Long.parseLong(inAccount.getId());
        if (!assignedAsUser(principalId)) {
            Calls.run("assign service principal " + inAccount.getApplicationId() + " to the workspace",
                    () -> account.workspaceAssignment().update(new UpdateWorkspaceAssignments()
                            .setWorkspaceId(workspaceId.get()).setPrincipalId(principalId)
                            .setPermissions(List.of(WorkspacePermission.USER))));
        }
        if (declared.entitlements().isEmpty()) {
            return inAccount.setEntitlements(List.of());
        }
        return findInWorkspace(byApplicationId(inAccount), declared.displayName())
                .orElseThrow(() -> ServiceException.builder(ServiceException.Failure.NOT_YET_VISIBLE,
                        "service principal " + inAccount.getApplicationId() + " is not in the workspace yet").build());
    }

    private boolean assignedAsUser(long principalId) {
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

    private void addEntitlements(ServicePrincipal sp, Set<String> missing) {
        List<Map<String, String>> value = new ArrayList<>();
        missing.forEach(e -> value.add(Map.of("value", e)));
        Calls.run("add entitlements " + missing + " to service principal " + sp.getApplicationId(),
                () -> workspace.get().servicePrincipals().patch(new PartialUpdate()
                        .setId(PathNames.segment("service principal id", sp.getId()))
                        .setSchemas(List.of(PatchSchema.URN_IETF_PARAMS_SCIM_API_MESSAGES_2_0_PATCH_OP))
                        .setOperations(List.of(new Patch().setOp(PatchOp.ADD).setPath("entitlements")
                                .setValue(value)))));
    }

    /**
     * Tells whether a principal has an active OAuth secret.
     *
     * @param secret the declared secret
     * @param context resolves the principal
     * @return an entry when the principal exists and has an active secret
     */
    public Optional<ObservedResource> read(OAuthSecret secret, ExecutionContext context) {
        Optional<ApplicationId> appId = context.applicationIdOf(secret.principal());
        if (appId.isEmpty()) {
            return Optional.empty();
        }
        Optional<ServicePrincipal> sp = findInWorkspace(dev.lakesetup.core.model.ServicePrincipal.of(appId.get()),
                null);
        if (sp.isEmpty()) {
            return Optional.empty();
        }
        String id = PathNames.segment("service principal id", sp.get().getId());
        String what = "list OAuth secrets of " + appId.get();
        boolean active = Calls.run(what, () -> GuardedPages.findByToken(what, token -> workspace.get()
                        .servicePrincipalSecretsProxy().impl().list(new ListServicePrincipalSecretsRequest()
                                .setServicePrincipalId(id).setPageToken(token)),
                info -> info.getStatus() == null || info.getStatus().toUpperCase(Locale.ROOT).equals("ACTIVE"))
                .isPresent());
        return active ? Optional.of(ObservedResource.of(secret.id())) : Optional.empty();
    }

    /**
     * Issues a new OAuth secret; the caller hands it to the sink and forgets it.
     *
     * @param secret the declared secret
     * @param context resolves the principal
     * @return the result carrying the credentials
     */
    public ChangeResult issue(OAuthSecret secret, ExecutionContext context) {
        dev.lakesetup.core.model.ServicePrincipal principal = context.resolved(secret.principal());
        ApplicationId appId = principal.applicationId().orElseThrow();
        ServicePrincipal sp = findInWorkspace(principal, null).orElseThrow(() -> ServiceException.builder(
                ServiceException.Failure.NOT_YET_VISIBLE, "service principal " + appId + " is not in the workspace yet")
                .build());
        CreateServicePrincipalSecretRequest request = new CreateServicePrincipalSecretRequest()
                .setServicePrincipalId(PathNames.segment("service principal id", sp.getId()));
        secret.lifetime().ifPresent(l -> request.setLifetime(l.toSeconds() + "s"));
        CreateServicePrincipalSecretResponse response = Calls.run("create OAuth secret for " + appId,
                () -> workspace.get().servicePrincipalSecretsProxy().create(request));
        if (response.getSecret() == null || response.getSecret().isEmpty()) {
            throw ServiceException.builder(ServiceException.Failure.FATAL,
                    "create OAuth secret for " + appId + " returned no secret").build();
        }
        return ChangeResult.issuedSecret(new OAuthCredentials(appId, Secret.of(response.getSecret())));
    }

    private static List<ComplexValue> values(Set<Entitlement> entitlements) {
        List<ComplexValue> out = new ArrayList<>();
        entitlements.forEach(e -> out.add(new ComplexValue().setValue(e.value())));
        return out;
    }

    private static String eq(String attribute, String value) {
        return PrincipalDirectory.eq(attribute, value);
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

    private static dev.lakesetup.core.model.ServicePrincipal byApplicationId(ServicePrincipal sp) {
        return dev.lakesetup.core.model.ServicePrincipal.of(ApplicationId.of(sp.getApplicationId()));
    }
}
