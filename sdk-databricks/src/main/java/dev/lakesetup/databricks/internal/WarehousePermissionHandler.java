package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL warehouse permissions: read as the highest level the principal holds (directly or inherited; the model counts
 * a higher level as satisfying a lower one), one GET of the access list per declared permission, and added with a
 * PATCH (a grant never sends the PUT that replaces the access list). A DELETE removes the principal's direct entry at the declared
 * level, and nothing else: the permissions API has no call that removes one entry, so it reads the access list and
 * writes it back whole (PUT) without that entry, reading again before and after the PUT; see
 * {@link Warehouses#revoke}.
 */
public final class WarehousePermissionHandler implements ResourceHandler<WarehousePermission> {
    private final Warehouses warehouses;

    /**
     * Creates the handler.
     *
     * @param warehouses the permissions API
     */
    public WarehousePermissionHandler(Warehouses warehouses) {
        this.warehouses = warehouses;
    }

    @Override
    public Class<WarehousePermission> type() {
        return WarehousePermission.class;
    }

    @Override
    public Map<ResourceId, WarehousePermission> read(List<WarehousePermission> resources, ExecutionContext context) {
        if (resources.isEmpty()) {
            return Map.of();
        }
        List<Optional<WarehousePermission>> live = context.runAll("read warehouse permissions", resources,
                permission -> warehouses.read(permission, context));
        Map<ResourceId, WarehousePermission> out = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            WarehousePermission declared = resources.get(i);
            live.get(i).ifPresent(found -> out.put(declared.id(), found));
        }
        return out;
    }

    @Override
    public ChangeResult apply(ResourceChange change, WarehousePermission permission, ExecutionContext context) {
        if (change.action() == Action.DELETE) {
            warehouses.revoke(permission, context);
        } else {
            warehouses.grant(permission, context);
        }
        return ChangeResult.done();
    }

    @Override
    public boolean canDelete() {
        return true;
    }
}
