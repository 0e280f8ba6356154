package dev.lakesetup.core.internal.teardown;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.record.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The revokes of a teardown: for each declared grant, the declared privileges its principal holds now; with a
 * record only those the record says lakesetup granted new. Never a privilege the blueprint does not declare, never
 * one of another principal.
 */
final class TeardownRevokes {
    private final Map<ServicePrincipal, ApplicationId> resolved;
    private final Optional<RunRecord> record;

    TeardownRevokes(Map<ServicePrincipal, ApplicationId> resolved, Optional<RunRecord> record) {
        this.resolved = resolved;
        this.record = record;
    }

    /**
     * Returns one revoke per securable that has something to revoke, in the order securables are first granted on.
     *
     * @param grants the declared grants
     * @param live the live grants on their securables
     * @return the revokes
     */
    List<GrantChange> revokes(List<Grant> grants, Map<Securable, List<PrincipalPrivileges>> live) {
        Map<Securable, Map<String, PrincipalPrivileges>> bySecurable = new LinkedHashMap<>();
        for (Grant grant : grants) {
            Principal principal = resolvedOf(grant.principal());
            if (principal == null) {
                continue;   // known by name and not found: it holds nothing
            }
            Set<Privilege> revoke = toRevoke(grant, principal, live.getOrDefault(grant.securable(), List.of()));
            if (!revoke.isEmpty()) {
                bySecurable.computeIfAbsent(grant.securable(), k -> new LinkedHashMap<>())
                        .merge(key(principal), new PrincipalPrivileges(principal, revoke), (a, b) ->
                                new PrincipalPrivileges(a.principal(), union(a.privileges(), b.privileges())));
            }
        }
        List<GrantChange> changes = new ArrayList<>();
        bySecurable.forEach((securable, entries) -> changes.add(new GrantChange(
                GrantChange.idOf(Action.REVOKE, securable), Action.REVOKE, securable,
                List.copyOf(entries.values()), Set.of())));
        return changes;
    }

    private Set<Privilege> toRevoke(Grant grant, Principal principal, List<PrincipalPrivileges> liveEntries) {
        String key = key(principal);
        List<Privilege> held = new ArrayList<>();
        for (PrincipalPrivileges entry : liveEntries) {
            if (key(entry.principal()).equals(key)) {
                held.addAll(entry.privileges());
            }
        }
        List<Privilege> revoke = new ArrayList<>();
        for (Privilege privilege : grant.privileges()) {
            if (held.contains(privilege) && grantedByLakesetup(grant.securable(), principal, privilege)) {
                revoke.add(privilege);
            }
        }
        return Privilege.canonicalSet(revoke);
    }

    private boolean grantedByLakesetup(Securable securable, Principal principal, Privilege privilege) {
        return record.map(r -> r.grantedNew(securable, principal).contains(privilege)).orElse(true);
    }

    /** Returns the principal as grants name it, or {@code null} for one known by name that was not found. */
    private Principal resolvedOf(Principal declared) {
        if (declared instanceof ServicePrincipal sp && !sp.isResolved()) {
            ApplicationId id = resolved.get(sp);
            return id == null ? null : ServicePrincipal.of(id);
        }
        return declared;
    }

    private static String key(Principal principal) {
        return principal.grantName().toLowerCase(Locale.ROOT);
    }

    private static Set<Privilege> union(Set<Privilege> a, Set<Privilege> b) {
        List<Privilege> all = new ArrayList<>(a);
        all.addAll(b);
        return Privilege.canonicalSet(all);
    }
}
