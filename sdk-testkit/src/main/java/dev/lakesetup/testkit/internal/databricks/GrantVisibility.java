package dev.lakesetup.testkit.internal.databricks;

import java.util.Locale;

/**
 * Who sees which grants over SQL, as the service documents it: who may run {@code SHOW GRANTS}, and whose rows of the
 * {@code information_schema} privileges views a caller sees.
 */
final class GrantVisibility {

    private GrantVisibility() {
    }

    /**
     * Checks that the caller may run {@code SHOW GRANTS [principal] ON s}: a workspace admin, the owner, the principal
     * asked about, or a holder of MANAGE on the object with USE CATALOG / USE SCHEMA on its parents (403 otherwise).
     */
    static void requireCanShowGrants(UnityCatalog uc, Caller caller, Securable s, String principal) {
        if (seesEveryGrant(uc, caller, s) || caller.name().equals(principal)) {
            return;
        }
        boolean manage = uc.grants().holds(caller.name(), s, "MANAGE");
        for (Securable parent : s.withAncestors()) {
            if (!parent.equals(s)) {
                String use = parent.type().equals("catalog") ? "USE_CATALOG" : "USE_SCHEMA";
                manage &= uc.grants().holds(caller.name(), parent, use);
            }
        }
        if (!manage) {
            throw ApiException.denied("User does not have MANAGE on " + s.sqlType().charAt(0)
                    + s.sqlType().substring(1).toLowerCase(Locale.ROOT) + " '" + s.fullName() + "'.");
        }
    }

    /**
     * Returns whether the caller sees every principal's rows of a securable in the privileges views: a metastore admin
     * or the owner does; anyone else (also a holder of MANAGE) sees only its own.
     */
    static boolean seesEveryGrant(UnityCatalog uc, Caller caller, Securable s) {
        return caller.admin() || caller.name().equals(uc.ownerOf(s));
    }
}
