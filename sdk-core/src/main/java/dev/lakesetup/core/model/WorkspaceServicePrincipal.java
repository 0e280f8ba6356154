package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A service principal that should exist in the workspace, with at least the given entitlements.
 *
 * <p>Declared by display name (lakesetup creates it and learns its application id) or by application id (an
 * existing application, such as a vendor's multi-tenant app, added to the workspace). With
 * {@link #throughAccount()} it is created in the Databricks account and assigned to the workspace, as
 * identity-federated workspaces require. Entitlements are additive: missing ones are added, others are kept.
 */
public final class WorkspaceServicePrincipal implements Resource {
    private final ServicePrincipal principal;
    private final String displayName;
    private final Set<Entitlement> entitlements;
    private final boolean throughAccount;

    private WorkspaceServicePrincipal(ServicePrincipal principal, String displayName, Set<Entitlement> entitlements,
            boolean throughAccount) {
        this.principal = principal;
        this.displayName = displayName;
        this.entitlements = Collections.unmodifiableSet(new TreeSet<>(entitlements));
        this.throughAccount = throughAccount;
    }

    /**
     * Declares a service principal found or created by display name.
     *
     * @param displayName the display name
     * @return the declaration, with no entitlements
     */
    public static WorkspaceServicePrincipal named(String displayName) {
        ServicePrincipal principal = ServicePrincipal.named(displayName);
        return new WorkspaceServicePrincipal(principal, displayName, Set.of(), false);
    }

    /**
     * Declares a service principal for an existing application.
     *
     * @param applicationId the application id
     * @param displayName the display name to use if it has to be created
     * @return the declaration, with no entitlements
     */
    public static WorkspaceServicePrincipal ofApplication(ApplicationId applicationId, String displayName) {
        return new WorkspaceServicePrincipal(ServicePrincipal.of(applicationId),
                PrincipalNames.requireText("service principal display name", displayName), Set.of(), false);
    }

    /**
     * Returns a copy that requires these entitlements as well.
     *
     * @param entitlements the entitlements
     * @return the copy
     */
    public WorkspaceServicePrincipal entitlements(Entitlement... entitlements) {
        InvalidInputException.requireNonNull(entitlements, "entitlements");
        Set<Entitlement> all = new TreeSet<>(this.entitlements);
        for (Entitlement entitlement : Arrays.asList(entitlements)) {
            all.add(InvalidInputException.requireNonNull(entitlement, "entitlement"));
        }
        return new WorkspaceServicePrincipal(principal, displayName, all, throughAccount);
    }

    /**
     * Returns a copy that is created in the Databricks account and assigned to the workspace, rather than
     * created in the workspace directly.
     *
     * @return the copy
     */
    public WorkspaceServicePrincipal throughAccount() {
        return new WorkspaceServicePrincipal(principal, displayName, entitlements, true);
    }

    /**
     * Returns the principal, for grants and permissions.
     *
     * @return the principal reference
     */
    public ServicePrincipal principal() {
        return principal;
    }

    /**
     * Returns the display name used when creating it.
     *
     * @return the display name
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Returns the entitlements it must have at least.
     *
     * @return the entitlements, sorted
     */
    public Set<Entitlement> entitlements() {
        return entitlements;
    }

    /**
     * Tells whether it is created in the account and assigned to the workspace.
     *
     * @return {@code true} for account-level creation
     */
    public boolean isThroughAccount() {
        return throughAccount;
    }

    /**
     * Returns the id any service principal reference maps to, so grants can depend on its creation.
     *
     * @param principal the reference
     * @return the resource id
     */
    public static ResourceId idOf(ServicePrincipal principal) {
        return ResourceId.of("service_principal", principal.applicationId()
                .map(ApplicationId::toString)
                .orElseGet(() -> "named:" + principal.displayName().orElseThrow()));
    }

    @Override
    public ResourceId id() {
        return idOf(principal);
    }

    @Override
    public List<Setting> settings() {
        List<Setting> settings = new ArrayList<>(2);
        if (!entitlements.isEmpty()) {
            settings.add(Setting.members("entitlements",
                    entitlements.stream().map(Entitlement::value).collect(Collectors.toSet())));
        }
        if (throughAccount) {
            settings.add(Setting.mutable("workspace assignment", "USER"));
        }
        return settings;
    }

    /**
     * Returns the service principal this declaration creates (or finds, when it exists).
     *
     * @return the principal
     */
    @Override
    public Optional<ServicePrincipal> createsPrincipal() {
        return Optional.of(principal);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkspaceServicePrincipal other && principal.equals(other.principal)
                && displayName.equals(other.displayName) && settings().equals(other.settings());
    }

    @Override
    public int hashCode() {
        return principal.hashCode();
    }

    @Override
    public String toString() {
        return principal + " '" + displayName + "'" + settings();
    }
}
