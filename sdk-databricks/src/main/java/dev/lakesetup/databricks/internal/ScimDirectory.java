package dev.lakesetup.databricks.internal;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.ListAccountGroupsRequest;
import com.databricks.sdk.service.iam.ListAccountServicePrincipalsRequest;
import com.databricks.sdk.service.iam.ListAccountUsersRequest;
import com.databricks.sdk.service.iam.ListGroupsRequest;
import com.databricks.sdk.service.iam.ListServicePrincipalsRequest;
import com.databricks.sdk.service.iam.ListUsersRequest;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Group;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.User;
import dev.lakesetup.core.plan.PrincipalLookup;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.PrincipalDirectory;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether a principal exists, with one SCIM listing filtered to it: service principals by
 * {@code applicationId} (or {@code displayName}), users by {@code userName}, groups by {@code displayName}; in the
 * workspace first and, when an account client is configured, in the account (Unity Catalog grants may name account
 * principals the workspace has not been given). Only a principal whose filtered attribute is the value asked for
 * counts (compared without regard to case, as SCIM compares these attributes), whatever else the service answers.
 * The built-in {@code account users} group always exists. Principals
 * found are remembered for ten minutes on the call policy's clock, at most 10,000 of them ({@link FoundPrincipals}),
 * so re-plans do not ask again, a long-lived executor's memory stays bounded, and a principal deleted since is
 * looked up again. A caller that may not list principals (401, 403) leaves them unchecked.
 */
public final class ScimDirectory implements PrincipalDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(ScimDirectory.class);
    private static final String WS_SCIM = "/api/2.0/preview/scim/v2/";
    private static final String ACCOUNT_SCIM = "/api/2.0/accounts/{account_id}/scim/v2/";
    private static final String ALL_ACCOUNT_USERS = "account users";

    private final SdkClients clients;
    private final Principals principals;
    private final FoundPrincipals found;

    /**
     * Creates the directory.
     *
     * @param clients the SDK clients
     * @param principals resolves service principals by display name
     */
    public ScimDirectory(SdkClients clients, Principals principals) {
        this.clients = clients;
        this.principals = principals;
        this.found = new FoundPrincipals(clients.policy().clock());
    }

    /**
     * Finds a service principal's application id by display name, in the workspace and then (when an account
     * client is configured) in the account; a reference by application id is returned as it is.
     *
     * @param principal the reference
     * @param context the call context
     * @return the application id, or empty when no such principal exists
     */
    @Override
    public Optional<ApplicationId> resolve(ServicePrincipal principal, ExecutionContext context) {
        if (principal.isResolved()) {
            return principal.applicationId();
        }
        return principals.resolve(principal);
    }

    /**
     * Looks a principal up with one SCIM listing filtered to it, in the workspace and then (when an account client
     * is configured) in the account; the built-in {@code account users} group and principals found in the last ten
     * minutes are not asked again.
     *
     * @param principal a service principal, user or group
     * @param context the call context
     * @return whether it exists and every listing asked; empty for a principal that cannot be looked up
     */
    @Override
    public Optional<PrincipalLookup> lookUp(Principal principal, ExecutionContext context) {
        if (principal instanceof DeletedPrincipal) {
            return Optional.empty();
        }
        String key = principal.getClass().getSimpleName() + ":" + principal.grantName().toLowerCase(Locale.ROOT);
        if (found.contains(key)) {
            return Optional.of(PrincipalLookup.found(principal, "found earlier"));
        }
        if (principal instanceof Group group && group.name().equalsIgnoreCase(ALL_ACCOUNT_USERS)) {
            return Optional.of(PrincipalLookup.found(principal, "built-in group"));
        }
        Query query = query(principal);
        String asked = "GET " + WS_SCIM + query.resource + "?filter=" + query.filter();
        Optional<Boolean> inWorkspace = exists("look up " + principal + " in the workspace", () -> inWorkspace(query));
        if (inWorkspace.isEmpty()) {
            return Optional.empty();
        }
        boolean exists = inWorkspace.get();
        if (!exists && clients.hasAccount()) {
            asked += ", then GET " + ACCOUNT_SCIM + query.resource + "?filter=" + query.filter();
            Optional<Boolean> inAccount = exists("look up " + principal + " in the account", () -> inAccount(query));
            if (inAccount.isEmpty()) {
                return Optional.empty();
            }
            exists = inAccount.get();
        }
        if (exists) {
            found.add(key);
            return Optional.of(PrincipalLookup.found(principal, asked));
        }
        return Optional.of(PrincipalLookup.missing(principal, "no match in workspace SCIM: " + asked
                + (clients.hasAccount() ? "" : " (the account was not asked: no account client is configured)")));
    }

    /** One SCIM listing filtered to one principal: the attribute must equal the value. */
    private record Query(String resource, String attribute, String value) {
        String filter() {
            return eq(attribute, value);
        }

        /** The attributes to return: the id, and the filtered one, to check that the service applied the filter. */
        String attributes() {
            return "id," + attribute;
        }

        /** Picks a service principal's filtered attribute. */
        String of(String applicationId, String displayName) {
            return "applicationId".equals(attribute) ? applicationId : displayName;
        }
    }

    private static Query query(Principal principal) {
        if (principal instanceof ServicePrincipal sp) {
            return sp.applicationId().map(id -> new Query("ServicePrincipals", "applicationId", id.toString()))
                    .orElseGet(() -> new Query("ServicePrincipals", "displayName", sp.displayName().orElseThrow()));
        } else if (principal instanceof User user) {
            return new Query("Users", "userName", user.email());
        } else if (principal instanceof Group group) {
            return new Query("Groups", "displayName", group.name());
        }
        throw new IllegalArgumentException("cannot look up " + principal);
    }

    /** One page of at most one match: the SDK's list() would read a second page when the first is empty. */
    private boolean inWorkspace(Query query) {
        WorkspaceClient w = clients.workspace();
        return switch (query.resource) {
            case "ServicePrincipals" -> any(query, w.servicePrincipals().impl().list(new ListServicePrincipalsRequest()
                    .setFilter(query.filter()).setAttributes(query.attributes()).setCount(1L)).getResources(),
                    sp -> query.of(sp.getApplicationId(), sp.getDisplayName()));
            case "Users" -> any(query, w.users().impl().list(new ListUsersRequest().setFilter(query.filter())
                    .setAttributes(query.attributes()).setCount(1L)).getResources(), u -> u.getUserName());
            default -> any(query, w.groups().impl().list(new ListGroupsRequest().setFilter(query.filter())
                    .setAttributes(query.attributes()).setCount(1L)).getResources(), g -> g.getDisplayName());
        };
    }

    private boolean inAccount(Query query) {
        AccountClient a = clients.account().orElseThrow();
        return switch (query.resource) {
            case "ServicePrincipals" -> any(query, a.servicePrincipals().impl().list(
                    new ListAccountServicePrincipalsRequest().setFilter(query.filter())
                            .setAttributes(query.attributes()).setCount(1L)).getResources(),
                    sp -> query.of(sp.getApplicationId(), sp.getDisplayName()));
            case "Users" -> any(query, a.users().impl().list(new ListAccountUsersRequest().setFilter(query.filter())
                    .setAttributes(query.attributes()).setCount(1L)).getResources(), u -> u.getUserName());
            default -> any(query, a.groups().impl().list(new ListAccountGroupsRequest().setFilter(query.filter())
                    .setAttributes(query.attributes()).setCount(1L)).getResources(), g -> g.getDisplayName());
        };
    }

    /** Tells whether the answer holds the principal asked for; one the filter should have left out does not count. */
    private static <T> boolean any(Query query, Collection<T> resources, Function<T, String> attribute) {
        return resources != null && resources.stream().anyMatch(r -> r != null
                && query.value().equalsIgnoreCase(attribute.apply(r)));
    }

    /**
     * Runs one listing; empty when the caller may not list principals (401 or 403: a caller that is not an admin),
     * which leaves the principal unchecked rather than failing the plan.
     */
    private static Optional<Boolean> exists(String what, Supplier<Boolean> listing) {
        try {
            return Optional.of(Calls.run(what, listing));
        } catch (ServiceException e) {
            if (e.status() == 401 || e.status() == 403) {
                LOG.debug("{}: not allowed ({}); the principal is not checked", what, e.errorCode());
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A SCIM equality filter with the value quoted as SCIM strings are (backslash and quote escaped). */
    static String eq(String attribute, String value) {
        return attribute + " eq \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
