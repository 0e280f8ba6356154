package dev.lakesetup.azure;

import com.azure.core.util.Context;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentInner;
import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import dev.lakesetup.azure.internal.AzureClients;
import dev.lakesetup.azure.internal.AzureFailures;
import dev.lakesetup.azure.internal.BoundedListing;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ResourceHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and creates Azure role assignments of a service principal on a container or storage account. The
 * assignment's name is a name-based UUID of scope, principal and role, so a repeated create sends the same name;
 * {@code RoleAssignmentExists} (the same assignment under another name) is reported as already existing, and
 * {@code PrincipalNotFound} (a principal Resource Manager does not see yet) is retried as not yet visible. A DELETE
 * removes the principal's assignment of that role at that exact scope (ARM DELETE by the assignment's name, as
 * listed), and no other: not another principal's, not one inherited from above; one already gone, or a principal
 * Graph no longer knows, counts as deleted.
 */
final class RoleAssignmentHandler implements ResourceHandler<RoleAssignment> {
    private static final Logger LOG = LoggerFactory.getLogger(RoleAssignmentHandler.class);
    /** The most role assignments of one principal read at a scope (those at, above and below it). */
    private static final int MAX_ASSIGNMENTS = 1000;

    private final AzureConnection connection;
    private final GraphPrincipals graph;

    RoleAssignmentHandler(AzureConnection connection, GraphPrincipals graph) {
        this.connection = connection;
        this.graph = graph;
    }

    @Override
    public Class<RoleAssignment> type() {
        return RoleAssignment.class;
    }

    /** Answers each assignment that exists at its exact scope; its live state is its existence. */
    @Override
    public Map<ResourceId, RoleAssignment> read(List<RoleAssignment> assignments, ExecutionContext context) {
        List<Boolean> exists = context.runAll("read role assignment", assignments, ra -> graph.objectIdOf(
                ra.principal()).map(oid -> find(ra, oid).isPresent()).orElse(false));
        Map<ResourceId, RoleAssignment> live = new LinkedHashMap<>();
        for (int i = 0; i < assignments.size(); i++) {
            if (exists.get(i)) {
                live.put(assignments.get(i).id(), assignments.get(i));
            }
        }
        return live;
    }

    @Override
    public ChangeResult apply(ResourceChange change, RoleAssignment ra, ExecutionContext context) {
        if (change.action() == Action.DELETE) {
            return delete(ra);
        }
        String objectId = graph.objectIdOf(ra.principal()).orElseThrow(() -> ServiceException.builder(
                ServiceException.Failure.NOT_YET_VISIBLE, "service principal of application "
                        + ra.principal().applicationId() + " is not visible in Microsoft Graph yet").build());
        AzureClients clients = connection.clients();
        String scope = ra.scope(clients.subscriptionId());
        RoleAssignmentCreateParameters params = new RoleAssignmentCreateParameters()
                .withRoleDefinitionId("/subscriptions/" + clients.subscriptionId()
                        + "/providers/Microsoft.Authorization/roleDefinitions/" + ra.role().id())
                .withPrincipalId(objectId).withPrincipalType(PrincipalType.SERVICE_PRINCIPAL);
        try {
            AzureFailures.call("assign " + ra.role().name() + " to principal " + objectId + " on " + scope, () ->
                    clients.authorization().roleServiceClient().getRoleAssignments()
                            .create(scope, assignmentName(scope, objectId, ra.role()), params));
        } catch (ServiceException e) {
            if (e.failure() == ServiceException.Failure.ALREADY_EXISTS && find(ra, objectId).isEmpty()) {
                throw ServiceException.builder(ServiceException.Failure.FATAL, e.getMessage()
                        + " (but no matching assignment is visible at the scope)").status(e.status())
                        .errorCode(e.errorCode()).cause(e).build();
            }
            throw e;
        }
        LOG.info("applied {} {}", change.action(), ra.id());
        return ChangeResult.done();
    }

    private Optional<RoleAssignmentInner> find(RoleAssignment ra, String objectId) {
        AzureClients clients = connection.clients();
        String scope = ra.scope(clients.subscriptionId());
        String filter = URLEncoder.encode(GraphPrincipals.odataEquals("principalId", objectId),
                StandardCharsets.UTF_8).replace("+", "%20");
        String role = ra.role().id().toString();
        String what = "list role assignments at " + scope;
        return AzureFailures.call(what, () -> BoundedListing.collect(clients.authorization().roleServiceClient()
                .getRoleAssignments().listForScope(scope, filter, null, null, Context.NONE), what,
                MAX_ASSIGNMENTS).stream()
                .filter(a -> scope.equalsIgnoreCase(a.scope()) && a.roleDefinitionId() != null
                        && a.roleDefinitionId().toLowerCase(Locale.ROOT).endsWith("/" + role))
                .findFirst());
    }

    /**
     * Returns the deterministic name of a role assignment: a name-based UUID of scope, principal and role.
     *
     * @param scope the scope
     * @param principalObjectId the principal's object id
     * @param role the role
     * @return the assignment name
     */
    static String assignmentName(String scope, String principalObjectId, AzureRole role) {
        String seed = scope.toLowerCase(Locale.ROOT) + "|" + principalObjectId.toLowerCase(Locale.ROOT) + "|"
                + role.id();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public boolean canDelete() {
        return true;
    }

    private ChangeResult delete(RoleAssignment ra) {
        Optional<RoleAssignmentInner> found = graph.objectIdOf(ra.principal()).flatMap(oid -> find(ra, oid));
        if (found.isPresent()) {
            AzureClients clients = connection.clients();
            String scope = ra.scope(clients.subscriptionId());
            String name = found.get().name();
            AzureFailures.delete("remove " + ra.role().name() + " of principal " + found.get().principalId() + " on "
                    + scope, () -> clients.authorization().roleServiceClient().getRoleAssignments()
                    .deleteWithResponse(scope, name, null, Context.NONE));
            LOG.info("applied DELETE {}", ra.id());
        }
        return ChangeResult.done();
    }
}
