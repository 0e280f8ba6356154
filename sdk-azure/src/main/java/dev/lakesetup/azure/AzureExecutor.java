package dev.lakesetup.azure;

import com.azure.core.util.Context;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentInner;
import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import com.azure.resourcemanager.authorization.models.ServicePrincipal;
import dev.lakesetup.azure.internal.AzureFailures;
import dev.lakesetup.azure.internal.BoundedListing;
import dev.lakesetup.core.ServiceException;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.ObservedResource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and applies {@link EntraServicePrincipal}, {@link AdlsContainer} and {@link RoleAssignment} resources through
 * Microsoft Graph, Resource Manager and the storage endpoint. One attempt per call; failures are reported as
 * {@link ServiceException}s whose kind tells the engine to retry ({@code PrincipalNotFound}, an application Graph
 * does not accept yet, {@code ContainerBeingDeleted}) or to re-read ({@code RoleAssignmentExists}, an existing
 * service principal or container). Obtain it from {@link AzureConnection#executor()}.
 */
public final class AzureExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(AzureExecutor.class);
    /** The most principals read for one look-up by application id (there is one at most). */
    private static final int MAX_LOOKUP_RESULTS = 100;
    /** The most role assignments of one principal read at a scope (those at, above and below it). */
    private static final int MAX_ASSIGNMENTS = 1000;

    private final AzureConnection connection;

    AzureExecutor(AzureConnection connection) {
        this.connection = connection;
    }

    @Override
    public String name() {
        return "azure";
    }

    @Override
    public boolean handles(Resource resource) {
        return resource instanceof EntraServicePrincipal || resource instanceof AdlsContainer
                || resource instanceof RoleAssignment;
    }

    @Override
    public boolean handlesGrantsOn(Securable securable) {
        return false;
    }

    @Override
    public Map<ResourceId, ObservedResource> readResources(Collection<? extends Resource> resources,
                                                           ExecutionContext context) {
        Map<ResourceId, ObservedResource> out = new LinkedHashMap<>();
        for (Resource r : resources) {
            if (exists(r)) {
                out.put(r.id(), ObservedResource.of(r.id()));
            }
        }
        return out;
    }

    @Override
    public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
                                                               ExecutionContext context) {
        return Map.of();
    }

    @Override
    public ChangeResult apply(Change change, ExecutionContext context) {
        Resource resource = change.accept(new Change.Visitor<Resource>() {
            @Override
            public Resource resource(ResourceChange resourceChange) {
                return resourceChange.resource();
            }

            @Override
            public Resource grants(GrantChange grantChange) {
                throw new IllegalArgumentException("the Azure executor applies no grants: " + grantChange);
            }
        });
        if (resource instanceof EntraServicePrincipal sp) {
            createPrincipal(sp);
        } else if (resource instanceof AdlsContainer c) {
            call("create container " + c.id().key(), () -> connection.dataLake(c.storageAccount())
                    .getFileSystemClient(c.container()).createWithResponse(null, null, null, Context.NONE));
        } else if (resource instanceof RoleAssignment ra) {
            createAssignment(ra);
        } else {
            throw new IllegalArgumentException("the Azure executor does not handle " + resource.id());
        }
        LOG.info("applied {} {}", change.action(), resource.id());
        return ChangeResult.done();
    }

    private boolean exists(Resource r) {
        if (r instanceof EntraServicePrincipal sp) {
            return principalObjectId(sp).isPresent();
        }
        if (r instanceof AdlsContainer c) {
            return call("read container " + c.id().key(), () -> connection.dataLake(c.storageAccount())
                    .getFileSystemClient(c.container()).exists());
        }
        if (r instanceof RoleAssignment ra) {
            return principalObjectId(ra.principal()).map(oid -> findAssignment(ra, oid).isPresent()).orElse(false);
        }
        return false;
    }

    private void createPrincipal(EntraServicePrincipal sp) {
        call("create service principal for application " + sp.applicationId(), () -> connection.authorization()
                .servicePrincipals().define(sp.displayName()).withExistingApplication(sp.applicationId().toString())
                .create());
    }

    private void createAssignment(RoleAssignment ra) {
        String objectId = principalObjectId(ra.principal()).orElseThrow(() -> ServiceException.builder(
                ServiceException.Failure.NOT_YET_VISIBLE, "service principal of application "
                        + ra.principal().applicationId() + " is not visible in Microsoft Graph yet").build());
        String scope = ra.scope(connection.subscriptionId());
        String name = assignmentName(scope, objectId, ra.role());
        RoleAssignmentCreateParameters params = new RoleAssignmentCreateParameters()
                .withRoleDefinitionId("/subscriptions/" + connection.subscriptionId()
                        + "/providers/Microsoft.Authorization/roleDefinitions/" + ra.role().id())
                .withPrincipalId(objectId).withPrincipalType(PrincipalType.SERVICE_PRINCIPAL);
        try {
            call("assign " + ra.role().name() + " to principal " + objectId + " on " + scope, () -> connection
                    .authorization().roleServiceClient().getRoleAssignments().create(scope, name, params));
        } catch (ServiceException e) {
            if (e.failure() == ServiceException.Failure.ALREADY_EXISTS && findAssignment(ra, objectId).isEmpty()) {
                throw ServiceException.builder(ServiceException.Failure.FATAL, e.getMessage()
                        + " (but no matching assignment is visible at the scope)").status(e.status())
                        .errorCode(e.errorCode()).cause(e).build();
            }
            throw e;
        }
    }

    /**
     * Looks up the object id of an application's service principal. Only a principal whose {@code appId} is the one
     * asked for and that has an object id is used, whatever else Microsoft Graph answers; the object id is opaque
     * (Graph does not promise a GUID), so every filter it goes into quotes it with {@link #odataEquals}.
     */
    private Optional<String> principalObjectId(EntraServicePrincipal sp) {
        String appId = sp.applicationId().toString();
        String what = "look up service principal of application " + appId;
        return call(what, () -> BoundedListing.collect(
                connection.authorization().servicePrincipals().listByFilter(odataEquals("appId", appId)), what,
                MAX_LOOKUP_RESULTS).stream()
                .filter(p -> appId.equalsIgnoreCase(p.applicationId()) && p.id() != null && !p.id().isBlank())
                .map(ServicePrincipal::id).findFirst());
    }

    /**
     * Writes an OData {@code $filter} equality on a string property: the value in single quotes, an embedded quote
     * doubled, as OData string literals are written.
     *
     * @param property the property
     * @param value the value, any text
     * @return the filter expression, e.g. {@code appId eq 'x'}
     */
    static String odataEquals(String property, String value) {
        return property + " eq '" + value.replace("'", "''") + "'";
    }

    private Optional<RoleAssignmentInner> findAssignment(RoleAssignment ra, String objectId) {
        String scope = ra.scope(connection.subscriptionId());
        String filter = URLEncoder.encode(odataEquals("principalId", objectId), StandardCharsets.UTF_8)
                .replace("+", "%20");
        String role = ra.role().id().toString();
        String what = "list role assignments at " + scope;
        return call(what, () -> BoundedListing.collect(connection.authorization().roleServiceClient()
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

    private static <T> T call(String operation, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            throw AzureFailures.wrap(operation, e);
        }
    }

    @Override
    public String toString() {
        return "AzureExecutor[" + connection + "]";
    }
}
