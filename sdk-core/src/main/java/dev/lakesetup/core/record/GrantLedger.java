package dev.lakesetup.core.record;

import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Privileges per securable and principal, principals compared by the name grants use, case-insensitively, as the
 * service compares them. Mutable while a record is built; a {@link RunRecord} hands out only copies.
 */
final class GrantLedger {
    private final Map<Securable, Map<String, RecordedGrant>> entries = new LinkedHashMap<>();

    GrantLedger() {
    }

    GrantLedger(Collection<RecordedGrant> grants) {
        grants.forEach(this::add);
    }

    static String key(Principal principal) {
        return principal.grantName().toLowerCase(Locale.ROOT);
    }

    /** Adds privileges to what the ledger holds for the grant's securable and principal. */
    void add(RecordedGrant grant) {
        if (grant.privileges().isEmpty()) {
            return;
        }
        Map<String, RecordedGrant> bySecurable = entries.computeIfAbsent(grant.securable(), k -> new TreeMap<>());
        bySecurable.merge(key(grant.principal()), grant, (old, added) -> new RecordedGrant(old.securable(),
                old.principal(), union(old.privileges(), added.privileges())));
    }

    Set<Privilege> of(Securable securable, Principal principal) {
        RecordedGrant grant = entries.getOrDefault(securable, Map.of()).get(key(principal));
        return grant == null ? Set.of() : grant.privileges();
    }

    boolean contains(Securable securable, Principal principal, Privilege privilege) {
        return of(securable, principal).contains(privilege);
    }

    List<RecordedGrant> all() {
        List<RecordedGrant> all = new ArrayList<>();
        entries.values().forEach(bySecurable -> all.addAll(bySecurable.values()));
        return List.copyOf(all);
    }

    private static Set<Privilege> union(Set<Privilege> a, Set<Privilege> b) {
        List<Privilege> all = new ArrayList<>(a);
        all.addAll(b);
        return Privilege.canonicalSet(all);
    }
}
