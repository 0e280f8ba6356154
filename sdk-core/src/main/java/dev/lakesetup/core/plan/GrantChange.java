package dev.lakesetup.core.plan;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Securable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every principal's privilege changes on one securable: the privileges a {@link Action#GRANT} adds, or those a
 * {@link Action#REVOKE} removes ({@link Action#NO_OP} lists the declared privileges already held). One change per
 * securable and direction, so a REST executor can send it as one PATCH.
 *
 * @param id the stable id, e.g. {@code grant:catalog:sales} or {@code revoke:catalog:sales}
 * @param action {@link Action#GRANT}, {@link Action#REVOKE}, {@link Action#NO_OP} or {@link Action#CONFLICT}
 * @param securable the securable
 * @param privileges per principal, the privileges added, removed or (for a no-op) already held
 * @param dependsOn the changes that must succeed first (the securable's creation, a principal's creation)
 */
public record GrantChange(ChangeId id, Action action, Securable securable, List<PrincipalPrivileges> privileges,
        Set<ChangeId> dependsOn) implements Change {

    /**
     * Validates and copies the components.
     *
     * @param id the stable id, e.g. {@code grant:catalog:sales} or {@code revoke:catalog:sales}
     * @param action {@link Action#GRANT}, {@link Action#REVOKE} or {@link Action#NO_OP}
     * @param securable the securable
     * @param privileges per principal, the privileges added, removed or (for a no-op) already held
     * @param dependsOn the changes that must succeed first (the securable's creation, a principal's creation)
     */
    public GrantChange {
        InvalidInputException.requireNonNull(id, "change id");
        InvalidInputException.requireNonNull(action, "action");
        InvalidInputException.requireNonNull(securable, "securable");
        InvalidInputException.requireNonNull(privileges, "privileges");
        InvalidInputException.requireNonNull(dependsOn, "dependencies");
        switch (action) {
            case GRANT, REVOKE, NO_OP, CONFLICT -> { }
            case CREATE, UPDATE, DELETE -> throw InvalidInputException.of("grant change action", action.name(),
                    "resources are changed by a ResourceChange", "GRANT, REVOKE, NO_OP or CONFLICT");
        }
        privileges = List.copyOf(privileges);
        dependsOn = dependsOn.isEmpty() ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(dependsOn));
    }

    /**
     * Returns the id of the grant or revoke change on a securable.
     *
     * @param action {@link Action#GRANT} or {@link Action#REVOKE} ({@link Action#NO_OP} shares the grant id)
     * @param securable the securable
     * @return the change id
     */
    public static ChangeId idOf(Action action, Securable securable) {
        String prefix = action == Action.REVOKE ? "revoke:" : "grant:";
        return ChangeId.of(prefix + securable.type().apiName() + ":" + securable.fullName().toLowerCase(Locale.ROOT));
    }

    /**
     * Returns the change as grants, one per principal, for renderers and executors that speak SQL. Principals are
     * as planned: a service principal known only by name must be resolved by the executor
     * ({@link dev.lakesetup.core.spi.ExecutionContext#resolved(Grant)}).
     *
     * @return the grants (or, for a revoke, the privileges to take away), in plan order
     */
    public List<Grant> asGrants() {
        List<Grant> grants = new ArrayList<>(privileges.size());
        for (PrincipalPrivileges entry : privileges) {
            if (!entry.privileges().isEmpty()) {
                grants.add(Grant.on(securable).to(entry.principal()).privileges(entry.privileges()));
            }
        }
        return grants;
    }

    @Override
    public String kind() {
        return "grants";
    }

    @Override
    public String object() {
        return "grants on " + nameOf(securable);
    }

    /**
     * Names a securable for people as plan lines name objects: its type and its full name in lower case, as the
     * service stores it (the metastore by its type alone), e.g. {@code catalog sales}.
     *
     * @param securable the securable
     * @return the name
     */
    public static String nameOf(Securable securable) {
        String type = securable.type().sqlName().toLowerCase(Locale.ROOT);
        String name = securable.fullName();
        return name.isEmpty() ? type : type + " " + name.toLowerCase(Locale.ROOT);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.grants(this);
    }

    @Override
    public String toString() {
        return action + " " + object() + " " + privileges;
    }
}
