package dev.lakesetup.core.internal.plan;

import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Setting;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.plan.SettingChange;
import dev.lakesetup.core.spi.ObservedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Compares one declared resource with its live state (rules 2 and 3 of planning). */
public final class ResourceDiff {
    static final String PERMISSION_LEVEL = "permission level";

    private ResourceDiff() {
    }

    /**
     * Decides the change for a resource.
     *
     * @param resource the declared resource
     * @param observed its live state, or {@code null} when it does not exist
     * @param dependsOn the changes it waits for
     * @return a create, update, conflict or no-op
     */
    public static ResourceChange diff(Resource resource, ObservedResource observed, Set<ChangeId> dependsOn) {
        if (observed == null) {
            return ResourceChange.create(resource, dependsOn);
        }
        if (resource instanceof OAuthSecret secret && secret.isRotate()) {
            return new ResourceChange(ResourceChange.idOf(resource), Action.CREATE, resource, List.of(), dependsOn);
        }
        List<SettingChange> differences = new ArrayList<>();
        boolean conflict = false;
        for (Setting setting : resource.settings()) {
            SettingChange difference = compare(resource, setting, observed);
            if (difference != null) {
                differences.add(difference);
                conflict |= setting instanceof Setting.Scalar scalar && !scalar.mutable();
            }
        }
        Action action = differences.isEmpty() ? Action.NO_OP : conflict ? Action.CONFLICT : Action.UPDATE;
        return new ResourceChange(ResourceChange.idOf(resource), action, resource, differences, dependsOn);
    }

    private static SettingChange compare(Resource resource, Setting setting, ObservedResource observed) {
        Set<String> live = observed.values(setting.name()).orElse(Set.of());
        String before = live.isEmpty() ? SettingChange.NONE : live.size() == 1 ? live.iterator().next()
                : live.toString();
        if (setting instanceof Setting.Scalar scalar) {
            if (scalar.secret()) {
                return null;
            }
            if (resource instanceof WarehousePermission permission && setting.name().equals(PERMISSION_LEVEL)) {
                for (WarehousePermission.Level level : permission.satisfiedBy()) {
                    if (live.contains(level.name())) {
                        return null;
                    }
                }
                return new SettingChange(setting, before, Set.of());
            }
            return live.contains(scalar.value()) ? null : new SettingChange(setting, before, Set.of());
        }
        Setting.Members members = (Setting.Members) setting;
        Set<String> missing = new TreeSet<>(members.members());
        missing.removeAll(live);
        return missing.isEmpty() ? null : new SettingChange(setting, before, missing);
    }
}
