package dev.lakesetup.core.internal.diff;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Diffs declared grants with live ones: additive by default, revokes only on exclusive securables, privileges
 * already canonical on both sides, {@code ALL PRIVILEGES} satisfying any privilege, principals compared
 * case-insensitively by the name the service uses. Linear in the number of grants: each declared grant looks up
 * its securable's live entries once and scans them (a securable holds a few entries); only exclusive securables
 * get their live entries indexed by principal.
 */
final class GrantDiff {
    private final Blueprint blueprint;
    private final Map<ServicePrincipal, ApplicationId> resolved;
    private final boolean hasResources;
    private final Set<Securable> exclusive;
    private final Map<Securable, Wanted> wanted;
    private Principal lastDeclared;
    private Principal lastResolved;
    private String lastKey;

    /**
     * Groups the blueprint's grants by securable, in the order securables first appear.
     *
     * @param blueprint the desired state
     * @param resolved the application ids of service principals known by display name
     */
    GrantDiff(Blueprint blueprint, Map<ServicePrincipal, ApplicationId> resolved) {
        this.blueprint = blueprint;
        this.resolved = resolved;
        this.hasResources = !blueprint.resources().isEmpty();
        this.exclusive = blueprint.exclusiveSecurables();
        List<Grant> grants = blueprint.grants();
        this.wanted = new LinkedHashMap<>(capacityFor(grants.size()));
        for (Grant grant : grants) {
            Wanted entry = wanted.get(grant.securable());
            if (entry == null) {
                entry = newWanted(grant.securable());
                wanted.put(grant.securable(), entry);
            }
            entry.grants = plus(entry.grants, grant);
        }
    }

    /**
     * Returns the securables whose live grants a diff of the blueprint needs: those granted on, in the order they
     * first appear, then the exclusive ones granted on by none.
     *
     * @param blueprint the desired state
     * @return the securables, each once
     */
    static Set<Securable> securablesOf(Blueprint blueprint) {
        Set<Securable> all = new LinkedHashSet<>(capacityFor(blueprint.grants().size()));
        Securable last = null;
        for (Grant grant : blueprint.grants()) {
            // grants mostly repeat a securable: skip hashing the one just added
            if (grant.securable() != last) {
                all.add(grant.securable());
            }
            last = grant.securable();
        }
        all.addAll(blueprint.exclusiveSecurables());
        return Collections.unmodifiableSet(all);
    }

    private static String key(Principal principal) {
        return principal.grantName().toLowerCase(Locale.ROOT);
    }

    /** Returns a {@link HashMap} capacity that holds {@code size} entries without growing. */
    static int capacityFor(int size) {
        return Math.max(2, (int) (size / 0.75f) + 1);
    }

    private static Set<Privilege> union(Set<Privilege> a, Set<Privilege> b) {
        List<Privilege> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return Privilege.canonicalSet(all);
    }

    /**
     * Returns what the principal with this key holds among a securable's live entries (all its entries together),
     * without a copy when one entry names it.
     */
    private static Set<Privilege> heldBy(List<PrincipalPrivileges> entries, Principal principal, String key) {
        if (entries == null) {
            return Set.of();
        }
        Set<Privilege> held = Set.of();
        for (PrincipalPrivileges entry : entries) {
            if (entry.principal() == principal || key(entry.principal()).equals(key)) {
                held = held.isEmpty() ? entry.privileges() : union(held, entry.privileges());
            }
        }
        return held;
    }

    /**
     * Adds to a list that starts immutable and empty, then holds one entry without an array (most securables get
     * one grant), and grows into an {@link ArrayList} only for a second one.
     */
    private static <T> List<T> plus(List<T> list, T entry) {
        if (list.isEmpty()) {
            return List.of(entry);
        }
        List<T> grown = list instanceof ArrayList<T> mutable ? mutable : new ArrayList<>(list);
        grown.add(entry);
        return grown;
    }

    /** What the blueprint asks on one securable. */
    private static final class Wanted {
        List<Grant> grants = List.of();
        List<PrincipalPrivileges> missing = List.of();
        List<PrincipalPrivileges> held = List.of();
        Map<String, Set<Privilege>> declared = Map.of();
        Set<ChangeId> dependsOn = Set.of();

        void missing(PrincipalPrivileges privileges) {
            missing = plus(missing, privileges);
        }

        void held(PrincipalPrivileges privileges) {
            held = plus(held, privileges);
        }

        void declare(String key, Set<Privilege> privileges) {
            if (declared.isEmpty()) {
                declared = new HashMap<>();
            }
            declared.merge(key, privileges, GrantDiff::union);
        }

        void dependOn(ChangeId id) {
            if (dependsOn.isEmpty()) {
                dependsOn = new TreeSet<>();
            }
            dependsOn.add(id);
        }
    }

    /**
     * Diffs the grants with the live ones.
     *
     * @param live the live grants of (at least) {@link #securables()}
     * @return one grant change per securable granted on (a no-op when all is held), in the order securables first
     *     appear, then the revokes on exclusive securables
     */
    List<Change> changes(Map<Securable, List<PrincipalPrivileges>> live) {
        List<Change> changes = new ArrayList<>(wanted.size() + exclusive.size());
        wanted.forEach((securable, entry) -> {
            List<PrincipalPrivileges> liveEntries = live.get(securable);
            boolean isExclusive = !exclusive.isEmpty() && exclusive.contains(securable);
            for (Grant grant : entry.grants) {
                diff(grant, entry, liveEntries, isExclusive);
            }
            boolean grants = !entry.missing.isEmpty();
            Action action = grants ? Action.GRANT : Action.NO_OP;
            changes.add(new GrantChange(GrantChange.idOf(Action.GRANT, securable), action, securable,
                    grants ? entry.missing : entry.held, grants ? entry.dependsOn : Set.of()));
        });
        for (Securable securable : exclusive) {
            revokes(securable, wanted.get(securable), live).ifPresent(changes::add);
        }
        return changes;
    }

    private void diff(Grant grant, Wanted entry, List<PrincipalPrivileges> liveEntries, boolean isExclusive) {
        resolve(grant.principal());
        Principal principal = lastResolved;
        String key = lastKey;
        if (isExclusive) {
            entry.declare(key, grant.privileges());
        }
        Set<Privilege> held = heldBy(liveEntries, principal, key);
        Set<Privilege> missing = held.contains(Privilege.ALL_PRIVILEGES) ? Set.of()
                : without(grant.privileges(), held);
        if (missing.isEmpty()) {
            entry.held(new PrincipalPrivileges(principal, grant.privileges()));
        } else {
            entry.missing(new PrincipalPrivileges(principal, missing));
            if (hasResources) {
                principalDependency(grant.principal()).ifPresent(entry::dependOn);
            }
        }
    }

    /** Resolves a declared principal and its key, remembering the last one: grants mostly repeat a principal. */
    private void resolve(Principal declared) {
        if (declared != lastDeclared) {
            lastResolved = declared instanceof ServicePrincipal sp && !sp.isResolved() && resolved.containsKey(sp)
                    ? ServicePrincipal.of(resolved.get(sp)) : declared;
            lastKey = key(lastResolved);
            lastDeclared = declared;
        }
    }

    /** Returns the privileges of {@code all} not in {@code taken}, canonical; copies nothing when none is taken. */
    private static Set<Privilege> without(Set<Privilege> all, Set<Privilege> taken) {
        if (taken.isEmpty()) {
            return all;
        }
        List<Privilege> left = null;
        for (Privilege privilege : all) {
            if (!taken.contains(privilege)) {
                if (left == null) {
                    left = new ArrayList<>(all.size());
                }
                left.add(privilege);
            }
        }
        return left == null ? Set.of() : Privilege.canonicalSet(left);
    }

    private Wanted newWanted(Securable securable) {
        Wanted entry = new Wanted();
        if (!hasResources) {
            return entry;
        }
        List<Securable> chain = new ArrayList<>(securable.ancestors());
        chain.add(securable);
        for (Securable object : chain) {
            Blueprint.resourceIdOf(object).filter(id -> blueprint.resource(id).isPresent())
                    .ifPresent(id -> entry.dependOn(ChangeId.of(id.toString())));
        }
        return entry;
    }

    private Optional<ChangeId> principalDependency(Principal principal) {
        if (principal instanceof ServicePrincipal sp) {
            ResourceId id = WorkspaceServicePrincipal.idOf(sp);
            if (blueprint.resource(id).isPresent()) {
                return Optional.of(ChangeId.of(id.toString()));
            }
        }
        return Optional.empty();
    }

    private Optional<Change> revokes(Securable securable, Wanted wanted,
            Map<Securable, List<PrincipalPrivileges>> live) {
        Map<String, Set<Privilege>> declared = wanted == null ? Map.of() : wanted.declared;
        Map<String, Set<Privilege>> held = new TreeMap<>();
        Map<String, Principal> principals = new HashMap<>();
        for (PrincipalPrivileges entry : live.getOrDefault(securable, List.of())) {
            String key = key(entry.principal());
            principals.putIfAbsent(key, entry.principal());
            held.merge(key, entry.privileges(), GrantDiff::union);
        }
        List<PrincipalPrivileges> removals = new ArrayList<>();
        for (Map.Entry<String, Set<Privilege>> entry : held.entrySet()) {
            Set<Privilege> keep = declared.getOrDefault(entry.getKey(), Set.of());
            if (keep.contains(Privilege.ALL_PRIVILEGES)) {
                continue;
            }
            Set<Privilege> remove = without(entry.getValue(), keep);
            if (!remove.isEmpty()) {
                removals.add(new PrincipalPrivileges(principals.get(entry.getKey()), remove));
            }
        }
        if (removals.isEmpty()) {
            return Optional.empty();
        }
        Set<ChangeId> dependsOn = wanted != null && !wanted.missing.isEmpty()
                ? Set.of(GrantChange.idOf(Action.GRANT, securable)) : Set.of();
        return Optional.of(new GrantChange(GrantChange.idOf(Action.REVOKE, securable),
                anyOddName(removals) ? Action.CONFLICT : Action.REVOKE, securable, removals, dependsOn));
    }

    /** Tells whether a privilege to revoke has a name no statement may carry (a service spelled it oddly). */
    private static boolean anyOddName(List<PrincipalPrivileges> removals) {
        for (PrincipalPrivileges entry : removals) {
            for (Privilege privilege : entry.privileges()) {
                if (!privilege.hasPlainName()) {
                    return true;
                }
            }
        }
        return false;
    }
}
