package dev.lakesetup.databricks.internal;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.service.iam.ComplexValue;
import com.databricks.sdk.service.iam.PartialUpdate;
import com.databricks.sdk.service.iam.Patch;
import com.databricks.sdk.service.iam.PatchOp;
import com.databricks.sdk.service.iam.PatchSchema;
import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.iam.UpdateWorkspaceAssignments;
import com.databricks.sdk.service.iam.WorkspacePermission;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and creates workspace service principals through SCIM (in the workspace, or in the account and then
 * assigned to the workspace), with their entitlements. Reading answers the live principal by application id with
 * its entitlements (those the model can hold) and, when it is assigned to the workspace through the account,
 * {@link WorkspaceServicePrincipal#throughAccount()}. Creating looks the principal up first, so a repeated create
 * adopts it instead of making a second one with the same display name; only missing entitlements are added, with
 * one SCIM PATCH.
 *
 * <p>A DELETE undoes what the create did, and nothing more: a principal created in the workspace is deleted there
 * (SCIM DELETE); one created through the account loses its assignment to this workspace (account API DELETE of the
 * permission assignment), while the account principal, which other workspaces may use, stays. A principal (or
 * assignment) already gone counts as deleted.
 */
public final class ServicePrincipalHandler implements ResourceHandler<WorkspaceServicePrincipal> {
    private final Principals principals;

    /**
     * Creates the handler.
     *
     * @param principals the SCIM look-ups
     */
    public ServicePrincipalHandler(Principals principals) {
        this.principals = principals;
    }

    @Override
    public Class<WorkspaceServicePrincipal> type() {
        return WorkspaceServicePrincipal.class;
    }

    @Override
    public Map<ResourceId, WorkspaceServicePrincipal> read(List<WorkspaceServicePrincipal> resources,
            ExecutionContext context) {
        if (resources.isEmpty()) {
            return Map.of();
        }
        List<Optional<WorkspaceServicePrincipal>> live = context.runAll("read service principal", resources,
                this::read);
        Map<ResourceId, WorkspaceServicePrincipal> out = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            WorkspaceServicePrincipal declared = resources.get(i);
            live.get(i).ifPresent(found -> out.put(declared.id(), found));
        }
        return out;
    }

    private Optional<WorkspaceServicePrincipal> read(WorkspaceServicePrincipal declared) {
        if (!declared.isThroughAccount()) {
            return principals.findInWorkspace(declared.principal(), declared.displayName())
                    .map(sp -> live(declared, sp, sp, false));
        }
        Optional<ServicePrincipal> inAccount = principals.findInAccount(declared);
        if (inAccount.isEmpty()) {
            return Optional.empty();
        }
        boolean assigned = principals.assignedAsUser(Long.parseLong(inAccount.get().getId()));
        Optional<ServicePrincipal> inWorkspace = principals.findInWorkspace(
                Principals.byApplicationId(inAccount.get()), declared.displayName());
        return Optional.of(live(declared, inAccount.get(), inWorkspace.orElse(null), assigned));
    }

    /** The live principal: by application id, its display name (the declared one when the model rejects the live one). */
    private static WorkspaceServicePrincipal live(WorkspaceServicePrincipal declared, ServicePrincipal found,
            ServicePrincipal inWorkspace, boolean assigned) {
        ApplicationId appId = LiveResources.parse(() -> ApplicationId.of(found.getApplicationId()))
                .or(() -> declared.principal().applicationId()).orElseThrow(() -> ServiceException.builder(
                        ServiceException.Failure.FATAL, "service principal '" + declared.displayName() + "' has an "
                        + "application id lakesetup cannot read: " + found.getApplicationId()).build());
        WorkspaceServicePrincipal live = LiveResources.parse(() -> WorkspaceServicePrincipal.ofApplication(appId,
                found.getDisplayName())).orElseGet(() -> WorkspaceServicePrincipal.ofApplication(appId,
                declared.displayName()));
        if (inWorkspace != null && inWorkspace.getEntitlements() != null) {
            for (ComplexValue value : inWorkspace.getEntitlements()) {
                Optional<Entitlement> entitlement = LiveResources.parse(() -> Entitlement.of(value.getValue()));
                if (entitlement.isPresent()) {
                    live = live.entitlements(entitlement.get());
                }
            }
        }
        return assigned ? live.throughAccount() : live;
    }

    @Override
    public ChangeResult apply(ResourceChange change, WorkspaceServicePrincipal declared, ExecutionContext context) {
        if (change.action() == Action.DELETE) {
            return delete(declared, context);
        }
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
        Optional<ServicePrincipal> existing = principals.findInWorkspace(declared.principal(), declared.displayName());
        if (existing.isPresent()) {
            return existing.get();
        }
        ServicePrincipal create = new ServicePrincipal().setDisplayName(declared.displayName())
                .setEntitlements(values(declared.entitlements()));
        declared.principal().applicationId().ifPresent(id -> create.setApplicationId(id.toString()));
        ServicePrincipal created = Calls.run("create service principal " + declared.displayName(),
                () -> principals.workspace().servicePrincipals().create(create));
        return created.getEntitlements() == null ? created.setEntitlements(create.getEntitlements()) : created;
    }

    private ServicePrincipal ensureInAccount(WorkspaceServicePrincipal declared) {
        AccountClient account = principals.requireAccount("a service principal created through the account");
        ServicePrincipal inAccount = principals.findInAccount(declared).orElseGet(() -> {
            ServicePrincipal create = new ServicePrincipal().setDisplayName(declared.displayName());
            declared.principal().applicationId().ifPresent(id -> create.setApplicationId(id.toString()));
            return Calls.run("create account service principal " + declared.displayName(),
                    () -> account.servicePrincipals().create(create));
        });
        long principalId = Long.parseLong(inAccount.getId());
        if (!principals.assignedAsUser(principalId)) {
            Calls.run("assign service principal " + inAccount.getApplicationId() + " to the workspace",
                    () -> account.workspaceAssignment().update(new UpdateWorkspaceAssignments()
                            .setWorkspaceId(principals.workspaceId()).setPrincipalId(principalId)
                            .setPermissions(List.of(WorkspacePermission.USER))));
        }
        if (declared.entitlements().isEmpty()) {
            return inAccount.setEntitlements(List.of());
        }
        return principals.findInWorkspace(Principals.byApplicationId(inAccount), declared.displayName())
                .orElseThrow(() -> ServiceException.builder(ServiceException.Failure.NOT_YET_VISIBLE,
                        "service principal " + inAccount.getApplicationId() + " is not in the workspace yet").build());
    }

    private void addEntitlements(ServicePrincipal sp, Set<String> missing) {
        List<Map<String, String>> value = new ArrayList<>();
        missing.forEach(e -> value.add(Map.of("value", e)));
        Calls.run("add entitlements " + missing + " to service principal " + sp.getApplicationId(),
                () -> principals.workspace().servicePrincipals().patch(new PartialUpdate()
                        .setId(PathNames.segment("service principal id", sp.getId()))
                        .setSchemas(List.of(PatchSchema.URN_IETF_PARAMS_SCIM_API_MESSAGES_2_0_PATCH_OP))
                        .setOperations(List.of(new Patch().setOp(PatchOp.ADD).setPath("entitlements")
                                .setValue(value)))));
    }

    private static List<ComplexValue> values(Set<Entitlement> entitlements) {
        List<ComplexValue> out = new ArrayList<>();
        entitlements.forEach(e -> out.add(new ComplexValue().setValue(e.value())));
        return out;
    }

    @Override
    public boolean canDelete() {
        return true;
    }

    private ChangeResult delete(WorkspaceServicePrincipal declared, ExecutionContext context) {
        dev.lakesetup.core.model.ServicePrincipal ref = context.applicationIdOf(declared.principal())
                .map(dev.lakesetup.core.model.ServicePrincipal::of).orElse(declared.principal());
        if (declared.isThroughAccount()) {
            WorkspaceServicePrincipal byRef = ref.applicationId().map(id -> WorkspaceServicePrincipal.ofApplication(id,
                    declared.displayName())).orElse(declared);
            principals.findInAccount(byRef).ifPresent(this::unassign);
            return ChangeResult.done();
        }
        principals.findInWorkspace(ref, declared.displayName()).ifPresent(sp -> Calls.delete(
                "delete service principal " + sp.getApplicationId() + " from the workspace",
                () -> principals.workspace().servicePrincipals().delete(
                        PathNames.segment("service principal id", sp.getId()))));
        return ChangeResult.done();
    }

    private void unassign(ServicePrincipal inAccount) {
        AccountClient account = principals.requireAccount("removing a workspace assignment");
        long principalId = Long.parseLong(inAccount.getId());
        if (principals.assignedAsUser(principalId)) {
            Calls.delete("remove service principal " + inAccount.getApplicationId() + " from the workspace",
                    () -> account.workspaceAssignment().delete(principals.workspaceId(), principalId));
        }
    }
}
