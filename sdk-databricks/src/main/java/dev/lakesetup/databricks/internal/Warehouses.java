package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehouseAccessControlResponse;
import com.databricks.sdk.service.sql.WarehousePermission;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissions;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import dev.lakesetup.core.model.Group;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.User;
import dev.lakesetup.core.model.WarehousePermission.Level;
import dev.lakesetup.core.spi.ExecutionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * SQL warehouse permissions: read from the access list, added with PATCH. Never the PUT of {@code setPermissions},
 * which replaces the whole list and would drop every other principal's access.
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
     * reads the list and writes it back whole with PUT, without that entry: direct entries only (inherited ones,
     * such as the {@code admins} group's, are not the warehouse's to write), the owner included. A principal
     * that is gone or holds no such entry leaves nothing to do. Between the read and the write another writer's
     * change to the list can be lost (the API offers no condition on the write); the window is one round trip.
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
        Optional<WarehousePermissions> acl = Calls.read("get permissions of warehouse " + permission.warehouseId(),
                () -> client.get().warehouses().getPermissions(id));
        if (acl.isEmpty() || acl.get().getAccessControlList() == null) {
            return;
        }
        List<WarehouseAccessControlRequest> kept = new ArrayList<>();
        boolean found = false;
        for (WarehouseAccessControlResponse entry : acl.get().getAccessControlList()) {
            for (WarehousePermission p : direct(entry)) {
                if (matches(entry, principal.get()) && level(p).filter(permission.level()::equals).isPresent()) {
                    found = true;
                } else {
                    kept.add(request(entry, p));
                }
            }
        }
        if (found) {
            Calls.delete(what, () -> client.get().warehouses().setPermissions(
                    new WarehousePermissionsRequest().setWarehouseId(id).setAccessControlList(kept)));
        }
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

    private static WarehouseAccessControlRequest request(WarehouseAccessControlResponse entry,
            WarehousePermission permission) {
        return new WarehouseAccessControlRequest().setUserName(entry.getUserName())
                .setGroupName(entry.getGroupName()).setServicePrincipalName(entry.getServicePrincipalName())
                .setPermissionLevel(permission.getPermissionLevel());
    }
}
