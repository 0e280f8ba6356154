package dev.lakesetup.core.render;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.plan.SettingChange;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes, from a change's values, the lines that {@link PlanFormat#TEXT} shows beneath it: one per setting
 * ({@code comment: old -> new}, {@code url = abfss://...} for a create) or per principal
 * ({@code analysts: USE CATALOG, SELECT}). Secrets show masked. The lines hold text the service returned as it
 * is: escape them with {@link ServiceText} before writing them where a line break or control character matters.
 */
public final class ChangeLines {
    private ChangeLines() {
    }

    /**
     * Returns the lines a reviewer reads beneath a change.
     *
     * @param change the change
     * @return one line per setting or principal, possibly none
     */
    public static List<String> of(Change change) {
        InvalidInputException.requireNonNull(change, "change");
        return change.accept(new Change.Visitor<>() {
            @Override
            public List<String> resource(ResourceChange c) {
                return settingLines(c);
            }

            @Override
            public List<String> grants(GrantChange c) {
                return privilegeLines(c);
            }
        });
    }

    /**
     * Names a principal as plan lines do: by the name grants carry, or, for a service principal known only by its
     * display name, as {@code service principal 'name'}.
     *
     * @param principal the principal
     * @return the name
     */
    public static String nameOf(Principal principal) {
        InvalidInputException.requireNonNull(principal, "principal");
        return principal instanceof ServicePrincipal sp && !sp.isResolved()
                ? "service principal '" + principal.grantName() + "'" : principal.grantName();
    }

    private static List<String> settingLines(ResourceChange change) {
        List<String> lines = new ArrayList<>(change.settings().size());
        for (SettingChange setting : change.settings()) {
            switch (change.action()) {
                case CREATE -> lines.add(setting.name() + " = " + setting.after());
                case CONFLICT -> lines.add(setting.name() + ": " + setting.beforeText() + " -> " + setting.after()
                        + (setting.isImmutable() ? " (cannot change in place)" : ""));
                case UPDATE, DELETE, NO_OP, GRANT, REVOKE -> lines.add(setting.name() + ": " + setting.beforeText() + " -> "
                        + setting.after());
            }
        }
        return lines;
    }

    private static List<String> privilegeLines(GrantChange change) {
        List<String> lines = new ArrayList<>(change.privileges().size());
        for (PrincipalPrivileges entry : change.privileges()) {
            lines.add(nameOf(entry.principal()) + ": "
                    + String.join(", ", entry.privileges().stream().map(Privilege::sqlName).toList()));
            if (change.action() != Action.CONFLICT) {
                continue;
            }
            for (Privilege privilege : entry.privileges()) {
                if (!privilege.hasPlainName()) {
                    lines.add("privilege '" + privilege + "' as the service spells it is not made of letters, "
                            + "digits and single spaces or underscores, so no statement carries it: revoke it by "
                            + "hand");
                }
            }
        }
        return lines;
    }
}
