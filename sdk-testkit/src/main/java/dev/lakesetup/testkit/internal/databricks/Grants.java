package dev.lakesetup.testkit.internal.databricks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Direct privilege grants per securable and principal, with inheritance along catalog, schema, table. */
public final class Grants {

    /**
     * One privilege a principal holds on a securable, directly or through a parent.
     *
     * @param principal the grantee
     * @param privilege REST spelling
     * @param inheritedFrom the parent it comes from, or null when granted directly
     */
    public record Effective(String principal, String privilege, Securable inheritedFrom) { }

    /** Groups every principal belongs to. */
    public static final Set<String> IMPLICIT_GROUPS = Set.of("account users", "users");

    private final Map<Securable, Map<String, Set<String>>> grants = new LinkedHashMap<>();
    /** Grantee name to the principal id the grants API shows once the principal is deleted. */
    private final Map<String, String> deleted = new TreeMap<>();
    private long nextDeletedId = 7_000_000_001L;
    private int pageSize = 1000;

    /**
     * Marks a grantee as deleted while its grants stay: listings then show it with an empty {@code principal} and
     * its {@code principal_id}, as the service does.
     *
     * @return the principal id listings show for it
     */
    public String markDeleted(String principal) {
        return deleted.computeIfAbsent(principal, p -> Long.toString(nextDeletedId++));
    }

    /** Returns the principal id of a deleted grantee, or null while it exists. */
    public String deletedId(String principal) {
        return deleted.get(principal);
    }

    /** Returns the grantee name kept for a deleted principal's id, or null. */
    public String deletedName(String principalId) {
        for (Map.Entry<String, String> e : deleted.entrySet()) {
            if (e.getValue().equals(principalId)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Sets the page length the service chooses for {@code max_results=0} and caps larger ones with. */
    public void pageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be at least 1: " + size);
        }
        this.pageSize = size;
    }

    /** Returns the page length the service chooses. */
    public int pageSize() {
        return pageSize;
    }

    /** Returns the direct grants on a securable: principal to privileges, sorted. */
    public Map<String, Set<String>> direct(Securable s) {
        Map<String, Set<String>> out = new TreeMap<>();
        grants.getOrDefault(s, Map.of()).forEach((p, privs) -> {
            if (!privs.isEmpty()) {
                out.put(p, new TreeSet<>(privs));
            }
        });
        return out;
    }

    /** Returns every non-empty direct grant, per securable. */
    public Map<Securable, Map<String, Set<String>>> all() {
        Map<Securable, Map<String, Set<String>>> out = new LinkedHashMap<>();
        grants.keySet().forEach(s -> {
            Map<String, Set<String>> d = direct(s);
            if (!d.isEmpty()) {
                out.put(s, d);
            }
        });
        return out;
    }

    /** Adds privileges. */
    public void add(Securable s, String principal, List<String> privileges) {
        grants.computeIfAbsent(s, k -> new TreeMap<>()).computeIfAbsent(principal, k -> new TreeSet<>())
                .addAll(privileges);
    }

    /** Removes privileges. */
    public void remove(Securable s, String principal, List<String> privileges) {
        Map<String, Set<String>> byPrincipal = grants.get(s);
        if (byPrincipal != null && byPrincipal.containsKey(principal)) {
            byPrincipal.get(principal).removeAll(privileges);
            if (byPrincipal.get(principal).isEmpty()) {
                byPrincipal.remove(principal);
            }
        }
    }

    /**
     * Removes every direct grant a principal holds, on every securable.
     *
     * @return how many securables the principal held grants on
     */
    public int removeAll(String principal) {
        int removed = 0;
        for (Map<String, Set<String>> byPrincipal : grants.values()) {
            if (byPrincipal.remove(principal) != null) {
                removed++;
            }
        }
        return removed;
    }

    /** Returns the effective privileges on a securable, optionally for one principal only (null = all). */
    public List<Effective> effective(Securable s, String principal) {
        List<Effective> out = new ArrayList<>();
        for (Securable a : s.withAncestors()) {
            Map<String, Set<String>> byPrincipal = grants.get(a);
            if (byPrincipal == null) {
                continue;
            }
            Securable inheritedFrom = a.equals(s) ? null : a;
            // the inner maps and sets are sorted already; read them in place instead of copying per call
            byPrincipal.forEach((p, privs) -> {
                if (principal == null || principal.equals(p)) {
                    privs.forEach(priv -> out.add(new Effective(p, priv, inheritedFrom)));
                }
            });
        }
        return out;
    }

    /** Returns whether a principal (or a group every principal is in) holds a privilege, directly or inherited. */
    public boolean holds(String principal, Securable s, String privilege) {
        for (Effective e : effective(s, null)) {
            boolean mine = e.principal().equals(principal) || IMPLICIT_GROUPS.contains(e.principal());
            if (mine && (e.privilege().equals(privilege) || e.privilege().equals(Privileges.ALL))) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether a principal holds any privilege on the securable or, with {@code below}, inside it. */
    public boolean holdsAny(String principal, Securable s, boolean below) {
        return holdsAnyExcept(principal, s, below, Set.of());
    }

    /**
     * Returns whether a principal holds a privilege other than {@code ignored} on the securable (directly or
     * inherited) or, with {@code below}, any privilege inside it.
     */
    public boolean holdsAnyExcept(String principal, Securable s, boolean below, Set<String> ignored) {
        for (Effective e : effective(s, null)) {
            if ((e.principal().equals(principal) || IMPLICIT_GROUPS.contains(e.principal()))
                    && !ignored.contains(e.privilege())) {
                return true;
            }
        }
        if (!below) {
            return false;
        }
        String prefix = s.fullName() + ".";
        for (var entry : grants.entrySet()) {
            if (entry.getKey().fullName().startsWith(prefix) && (entry.getValue().containsKey(principal)
                    || IMPLICIT_GROUPS.stream().anyMatch(entry.getValue()::containsKey))) {
                return true;
            }
        }
        return false;
    }

    /** Drops every grant on a securable, as the service does when the securable is deleted. */
    void forget(Securable s) {
        grants.remove(s);
    }
}
