package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.spi.ExecutionContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks that live grants hold the wanted privileges (case-insensitive principals, ALL PRIVILEGES satisfies). */
final class GrantCheck {
    private GrantCheck() {
    }

    /**
     * Returns the wanted privileges the live grants lack.
     *
     * @param wanted the privileges per principal
     * @param live the live grants on the securable
     * @param context resolves principals known by name
     * @return what is missing, empty when everything is held
     */
    static List<PrincipalPrivileges> missing(List<PrincipalPrivileges> wanted, List<PrincipalPrivileges> live,
            ExecutionContext context) {
        Map<String, Set<Privilege>> held = new HashMap<>();
        for (PrincipalPrivileges entry : live) {
            held.computeIfAbsent(key(entry.principal(), context), k -> new TreeSet<>()).addAll(entry.privileges());
        }
        List<PrincipalPrivileges> missing = new ArrayList<>();
        for (PrincipalPrivileges entry : wanted) {
            Set<Privilege> has = held.getOrDefault(key(entry.principal(), context), Set.of());
            if (has.contains(Privilege.ALL_PRIVILEGES)) {
                continue;
            }
            Set<Privilege> lacking = new TreeSet<>(entry.privileges());
            lacking.removeAll(has);
            if (!lacking.isEmpty()) {
                missing.add(new PrincipalPrivileges(entry.principal(), lacking));
            }
        }
        return missing;
    }

    private static String key(Principal principal, ExecutionContext context) {
        Principal named = principal;
        if (principal instanceof dev.lakesetup.core.model.ServicePrincipal sp) {
            named = context.applicationIdOf(sp).<Principal>map(Principal::servicePrincipal).orElse(sp);
        }
        return named.grantName().toLowerCase(Locale.ROOT);
    }
}
