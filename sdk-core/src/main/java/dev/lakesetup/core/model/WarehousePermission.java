package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A permission a principal should hold at least on a SQL warehouse ("Can use" in the UI). Applied by adding to
 * the warehouse's access list, never by replacing it; a higher level already held satisfies a lower one.
 *
 * @param warehouseId the warehouse id
 * @param principal who gets the permission
 * @param level the lowest level that satisfies the declaration
 */
public record WarehousePermission(String warehouseId, Principal principal, Level level) implements Resource {
    private static final Pattern WAREHOUSE_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    /** Warehouse permission levels, lowest first; each implies the ones before it. */
    public enum Level {
        /** See the warehouse. */
        CAN_VIEW,
        /** See the warehouse and its queries. */
        CAN_MONITOR,
        /** Run queries on the warehouse. */
        CAN_USE,
        /** Manage the warehouse. */
        CAN_MANAGE,
        /** Own the warehouse. */
        IS_OWNER
    }

    /**
     * Validates the components.
     *
     * @param warehouseId the warehouse id
     * @param principal who gets the permission
     * @param level the lowest level that satisfies the declaration
     */
    public WarehousePermission {
        requireWarehouseId(warehouseId);
        InvalidInputException.requireNonNull(principal, "principal");
        if (principal instanceof DeletedPrincipal deleted) {
            throw InvalidInputException.of("principal", deleted.grantName(), "it was deleted",
                    "a service principal, user or group that exists");
        }
        InvalidInputException.requireNonNull(level, "permission level");
    }

    /**
     * Checks a SQL warehouse id.
     *
     * @param warehouseId the id, as in the warehouse's HTTP path
     * @return the id
     * @throws InvalidInputException if it is not 1 to 64 letters and digits
     */
    public static String requireWarehouseId(String warehouseId) {
        if (warehouseId == null || !WAREHOUSE_ID.matcher(warehouseId).matches()) {
            throw InvalidInputException.of("warehouse id", warehouseId, "it is not a warehouse id",
                    "1 to 64 letters and digits, as in the warehouse's HTTP path /sql/1.0/warehouses/{id}");
        }
        return warehouseId;
    }

    /**
     * Declares that a principal can use a warehouse.
     *
     * @param warehouseId the warehouse id
     * @param principal the principal
     * @return the permission at level {@link Level#CAN_USE}
     */
    public static WarehousePermission canUse(String warehouseId, Principal principal) {
        return new WarehousePermission(warehouseId, principal, Level.CAN_USE);
    }

    /**
     * Returns the levels that satisfy this declaration when held: this level and every higher one.
     *
     * @return the satisfying levels
     */
    public Set<Level> satisfiedBy() {
        Set<Level> levels = new TreeSet<>();
        for (Level candidate : Level.values()) {
            if (candidate.compareTo(level) >= 0) {
                levels.add(candidate);
            }
        }
        return levels;
    }

    @Override
    public ResourceId id() {
        return ResourceId.of("warehouse_permission", warehouseId + "/" + principal.grantName());
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.mutable("permission level", level.name()));
    }

    @Override
    public Set<ResourceId> requires() {
        return principal instanceof ServicePrincipal sp ? Set.of(WorkspaceServicePrincipal.idOf(sp)) : Set.of();
    }

    /**
     * Returns the principal that gets the permission, which must exist.
     *
     * @return the principal
     */
    @Override
    public Set<Principal> principals() {
        return Set.of(principal);
    }

    /**
     * Tells whether a live permission level satisfies this one: the level itself or any higher level.
     *
     * @param declared the permission level setting
     * @param live the highest level the principal holds
     * @return {@code true} when the principal holds enough
     */
    @Override
    public boolean isSatisfiedBy(Setting.Scalar declared, String live) {
        for (Level held : satisfiedBy()) {
            if (held.name().equals(live)) {
                return true;
            }
        }
        return false;
    }
}
