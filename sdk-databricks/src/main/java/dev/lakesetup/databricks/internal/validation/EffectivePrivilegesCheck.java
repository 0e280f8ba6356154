package dev.lakesetup.databricks.internal.validation;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.catalog.EffectivePermissionsList;
import com.databricks.sdk.service.catalog.EffectivePrivilege;
import com.databricks.sdk.service.catalog.EffectivePrivilegeAssignment;
import com.databricks.sdk.service.catalog.GetEffectiveRequest;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.databricks.internal.Calls;
import dev.lakesetup.databricks.internal.GuardedPages;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads, as an admin, the privileges a principal holds on one securable (direct and inherited) and checks that
 * they include the expected ones; {@code ALL PRIVILEGES} includes every privilege.
 *
 * @param securable the securable
 * @param expected the privileges the principal should hold there
 */
public record EffectivePrivilegesCheck(Securable securable, Set<Privilege> expected) {
    /** The most pages one listing may take, as for the grants listing: a principal holds a few privileges. */
    static final int MAX_PAGES = 1000;

    /** Checks the components and copies the set. */
    public EffectivePrivilegesCheck {
        InvalidInputException.requireNonNull(securable, "securable");
        expected = Set.copyOf(InvalidInputException.requireNonNull(expected, "expected privileges"));
        if (expected.isEmpty()) {
            throw InvalidInputException.of("expected privileges on " + securable.fullName(), "[]",
                    "no privilege was given", "one or more privileges");
        }
    }

    /**
     * Names the check for people: {@code privileges on catalog sales include SELECT, USE CATALOG}.
     *
     * @return the check name
     */
    public String name() {
        return "privileges on " + securable.type().apiName() + " " + securable.fullName() + " include "
                + names(expected);
    }

    /**
     * Reads the effective privileges and compares.
     *
     * @param admin a client allowed to read the securable's permissions
     * @param principal the principal whose privileges to read
     * @throws CheckFailedException naming the missing privileges
     * @throws dev.lakesetup.core.exception.ServiceException with the service's message when the read fails
     */
    public void run(WorkspaceClient admin, ApplicationId principal) {
        Set<Privilege> held = held(admin, principal);
        if (held.contains(Privilege.ALL_PRIVILEGES)) {
            return;
        }
        Set<Privilege> missing = new LinkedHashSet<>(expected);
        missing.removeAll(held);
        if (!missing.isEmpty()) {
            throw new CheckFailedException(principal + " lacks " + names(missing) + " on "
                    + securable.type().apiName() + " " + securable.fullName() + " (holds "
                    + (held.isEmpty() ? "nothing" : names(held)) + ")");
        }
    }

    private Set<Privilege> held(WorkspaceClient admin, ApplicationId principal) {
        String what = "read effective privileges on " + securable.type().apiName() + " " + securable.fullName();
        return held(token -> Calls.run(what, () -> admin.grants().getEffective(new GetEffectiveRequest()
                .setSecurableType(securable.type().apiName()).setFullName(securable.fullName())
                .setPrincipal(principal.toString()).setPageToken(token))), principal, MAX_PAGES);
    }

    /**
     * Collects the principal's privileges from the pages of the effective permissions listing, following
     * {@code next_page_token}; a repeated token or more than {@code maxPages} pages end it with a fatal
     * (not retried) failure.
     */
    Set<Privilege> held(Function<String, EffectivePermissionsList> page, ApplicationId principal, int maxPages) {
        Set<Privilege> held = new LinkedHashSet<>();
        String what = "read effective privileges on " + securable.type().apiName() + " " + securable.fullName();
        GuardedPages.eachByToken(what, maxPages, page, EffectivePermissionsList::getNextPageToken, list -> {
            for (EffectivePrivilegeAssignment assignment : nullSafe(list.getPrivilegeAssignments())) {
                if (principal.toString().equalsIgnoreCase(assignment.getPrincipal())) {
                    for (EffectivePrivilege privilege : nullSafe(assignment.getPrivileges())) {
                        addKnown(held, privilege);
                    }
                }
            }
            return false;
        });
        return held;
    }

    private void addKnown(Set<Privilege> held, EffectivePrivilege privilege) {
        if (privilege.getPrivilege() == null) {
            return; // a privilege the SDK's enum does not know: it cannot be one we expect
        }
        try {
            held.add(Privilege.parse(privilege.getPrivilege().toString(), securable.type()));
        } catch (InvalidInputException notApplicableHere) {
            // inherited privileges that do not apply to this securable type cannot satisfy an expectation
        }
    }

    private static <T> Iterable<T> nullSafe(Iterable<T> items) {
        return items == null ? List.of() : items;
    }

    private static String names(Set<Privilege> privileges) {
        return new TreeSet<>(privileges).stream().map(Privilege::sqlName).collect(Collectors.joining(", "));
    }
}
