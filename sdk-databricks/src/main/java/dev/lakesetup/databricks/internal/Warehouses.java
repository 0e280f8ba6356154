package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehouseAccessControlResponse;
import com.databricks.sdk.service.sql.WarehousePermission;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissions;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.Group;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.User;
import dev.lakesetup.core.model.WarehousePermission.Level;
import dev.lakesetup.core.spi.ExecutionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * SQL warehouse permissions: read from the access list, added with PATCH (which keeps every other entry), removed
 * with the PUT of {@code setPermissions} (which replaces the whole list), guarded by reads before and after it; see
 * {@link #revoke}.
 */
public final class Warehouses {
    private final Supplier<WorkspaceClient> client;

    /**
     * Creates the mapper.
     *
     * @param client supplies the workspace client
     */
    public Warehouses(Supplier<WorkspaceClient> client) {
        this.client = client;
    }

    /**
     * Reads the highest level a principal holds on a warehouse, directly or inherited.
     *
     * @param permission the declared permission
     * @param context resolves service principals
     * @return the live permission at the highest level held, or empty when the principal holds none (or is not
     *     resolved yet)
     */
    public Optional<dev.lakesetup.core.model.WarehousePermission> read(dev.lakesetup.core.model.WarehousePermission permission,
            ExecutionContext context) {
        Optional<Principal> principal = resolvedOrEmpty(permission.principal(), context);
        if (principal.isEmpty()) {
            return Optional.empty();
        }
        String id = PathNames.segment("warehouse id", permission.warehouseId());
        WarehousePermissions acl = Calls.run("get permissions of warehouse " + permission.warehouseId(),
                () -> client.get().warehouses().getPermissions(id));
        TreeSet<Level> levels = new TreeSet<>();
        if (acl.getAccessControlList() != null) {
            for (WarehouseAccessControlResponse entry : acl.getAccessControlList()) {
                if (matches(entry, principal.get()) && entry.getAllPermissions() != null) {
                    for (WarehousePermission p : entry.getAllPermissions()) {
                        level(p).ifPresent(levels::add);
                    }
                }
            }
        }
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        Level highest = levels.last();
        return Optional.of(new dev.lakesetup.core.model.WarehousePermission(permission.warehouseId(),
                permission.principal(), highest));
    }

    /** The level of a permission the service lists, when the model knows it (an unknown level is left out). */
    private static Optional<Level> level(WarehousePermission permission) {
        if (permission.getPermissionLevel() == null) {
            return Optional.empty();
        }
        String name = permission.getPermissionLevel().name();
        for (Level level : Level.values()) {
            if (level.name().equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /**
     * Adds the permission with one PATCH of the warehouse's access list.
     *
     * @param permission the declared permission
     * @param context resolves service principals
     */
    public void grant(dev.lakesetup.core.model.WarehousePermission permission, ExecutionContext context) {
        Principal principal = context.resolved(permission.principal());
        WarehouseAccessControlRequest entry = new WarehouseAccessControlRequest()
                .setPermissionLevel(WarehousePermissionLevel.valueOf(permission.level().name()));
        if (principal instanceof ServicePrincipal sp) {
            entry.setServicePrincipalName(sp.grantName());
        } else if (principal instanceof User user) {
            entry.setUserName(user.email());
        } else if (principal instanceof Group group) {
            entry.setGroupName(group.name());
        }
        String id = PathNames.segment("warehouse id", permission.warehouseId());
        Calls.run("add " + permission.level() + " on warehouse " + permission.warehouseId() + " for "
                + principal.grantName(), () -> client.get().warehouses().updatePermissions(
                        new WarehousePermissionsRequest().setWarehouseId(id).setAccessControlList(List.of(entry))));
    }

    private static Optional<Principal> resolvedOrEmpty(Principal principal, ExecutionContext context) {
        if (principal instanceof ServicePrincipal sp) {
            return context.applicationIdOf(sp).map(ServicePrincipal::of);
        }
        return Optional.of(principal);
    }

    private static boolean matches(WarehouseAccessControlResponse entry, Principal principal) {
        if (principal instanceof ServicePrincipal sp) {
            return sp.grantName().equalsIgnoreCase(entry.getServicePrincipalName());
        } else if (principal instanceof User user) {
            return user.email().equalsIgnoreCase(entry.getUserName());
        } else if (principal instanceof Group group) {
            return group.name().equalsIgnoreCase(entry.getGroupName());
        }
        return false;
    }

    /**
     * Removes a principal's direct entry at the declared level from a warehouse's access list, leaving every other
     * entry as it is. The permissions API has no call that removes one entry (PATCH only adds or raises), so this
     * reads the list and writes it back whole with PUT, without that entry. The PUT carries the direct entries
     * other than the owner's: inherited ones (such as the {@code admins} group's) are not the warehouse's to write,
     * and the service keeps the existing owner when a PUT names none. The API offers no condition on the PUT, so the
     * list is read again just before it and compared with the first read (a change by another writer restarts the
     * round, at most three times, then the revoke refuses), and read once more after it: an entry that
     * should have been kept and is missing fails loudly. A principal that is gone or holds no such entry leaves
     * nothing to do.
     *
     * @param permission the declared permission
     * @param context resolves service principals
     */
    public void revoke(dev.lakesetup.core.model.WarehousePermission permission, ExecutionContext context) {
        Optional<Principal> principal = resolvedOrEmpty(permission.principal(), context);
        if (principal.isEmpty()) {
            return;
        }
        String id = PathNames.segment("warehouse id", permission.warehouseId());
        String what = "remove " + permission.level() + " on warehouse " + permission.warehouseId() + " from "
                + principal.get().grantName();
        for (int round = 0; round < ROUNDS; round++) {
            Optional<Set<String>> first = directEntries(id, permission.warehouseId());
            String wanted = key(principal.get(), permission.level().name());
            Optional<String> removed = first.orElse(Set.of()).stream().filter(wanted::equalsIgnoreCase).findFirst();
            if (removed.isEmpty()) {
                return;
            }
            Set<String> kept = new TreeSet<>(first.get());
            kept.remove(removed.get());
            if (!first.equals(directEntries(id, permission.warehouseId()))) {
                continue;
            }
            put(id, what, kept);
            checkKept(id, permission.warehouseId(), what, kept);
            return;
        }
        throw ServiceException.builder(ServiceException.Failure.FATAL, what + ": the warehouse's access list kept "
                + "changing while lakesetup read it (" + ROUNDS + " rounds); nothing was written. Another writer "
                + "is changing it: retry when it is done").build();
    }

    /** How many read-compare rounds a revoke makes before it refuses. */
    static final int ROUNDS = 3;

    /** The direct entries of a warehouse's access list as {@code kind:name=LEVEL} keys; empty when it is gone. */
    private Optional<Set<String>> directEntries(String id, String warehouseId) {
        Optional<WarehousePermissions> acl = Calls.read("get permissions of warehouse " + warehouseId,
                () -> client.get().warehouses().getPermissions(id));
        if (acl.isEmpty()) {
            return Optional.empty();
        }
        Set<String> out = new TreeSet<>();
        if (acl.get().getAccessControlList() != null) {
            for (WarehouseAccessControlResponse entry : acl.get().getAccessControlList()) {
                for (WarehousePermission p : direct(entry)) {
                    out.add(kind(entry) + "=" + p.getPermissionLevel().name());
                }
            }
        }
        return Optional.of(out);
    }

    /** Writes the kept entries back with PUT, leaving out the owner's entry (the service keeps the owner). */
    private void put(String id, String what, Set<String> kept) {
        List<WarehouseAccessControlRequest> body = new ArrayList<>();
        for (String entry : kept) {
            int colon = entry.indexOf(':');
            int equals = entry.lastIndexOf('=');
            WarehousePermissionLevel level = WarehousePermissionLevel.valueOf(entry.substring(equals + 1));
            if (level == WarehousePermissionLevel.IS_OWNER) {
                continue;
            }
            String name = entry.substring(colon + 1, equals);
            WarehouseAccessControlRequest request = new WarehouseAccessControlRequest().setPermissionLevel(level);
            switch (entry.substring(0, colon)) {
                case "user_name" -> request.setUserName(name);
                case "group_name" -> request.setGroupName(name);
                default -> request.setServicePrincipalName(name);
            }
            body.add(request);
        }
        Calls.delete(what, () -> client.get().warehouses().setPermissions(
                new WarehousePermissionsRequest().setWarehouseId(id).setAccessControlList(body)));
    }

    /** Reads the list after the PUT and fails when an entry that should have been kept is missing. */
    private void checkKept(String id, String warehouseId, String what, Set<String> kept) {
        Set<String> after = directEntries(id, warehouseId).orElse(Set.of());
        Set<String> lost = new TreeSet<>(kept);
        lost.removeAll(after);
        if (!lost.isEmpty()) {
            throw ServiceException.builder(ServiceException.Failure.FATAL, what + ": after the write the "
                    + "warehouse's access list lacks entries that should have been kept: " + lost
                    + "; restore them with a grant (PATCH)").build();
        }
    }

    private static String kind(WarehouseAccessControlResponse entry) {
        if (entry.getUserName() != null) {
            return "user_name:" + entry.getUserName();
        } else if (entry.getGroupName() != null) {
            return "group_name:" + entry.getGroupName();
        }
        return "service_principal_name:" + entry.getServicePrincipalName();
    }

    private static String key(Principal principal, String level) {
        if (principal instanceof User user) {
            return "user_name:" + user.email() + "=" + level;
        } else if (principal instanceof Group group) {
            return "group_name:" + group.name() + "=" + level;
        }
        return "service_principal_name:" + principal.grantName() + "=" + level;
    }

    private static List<WarehousePermission> direct(WarehouseAccessControlResponse entry) {
        List<WarehousePermission> out = new ArrayList<>();
        if (entry.getAllPermissions() != null) {
            for (WarehousePermission p : entry.getAllPermissions()) {
                if (!Boolean.TRUE.equals(p.getInherited()) && p.getPermissionLevel() != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
