package dev.lakesetup.core.internal.diff;

import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Setting;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.plan.SettingChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one declared resource with its live state, a value of the same kind, setting by setting name: a scalar
 * is satisfied when the declared resource says the live value satisfies it ({@link Resource#isSatisfiedBy}), a set
 * when the live members include the declared ones; secrets are never compared. A resource that is created on every
 * apply ({@link Resource#alwaysCreate()}) or whose live state fell due ({@link Resource#createsAgainGiven}) is created
 * again.
 */
public final class ResourceDiff {

    private ResourceDiff() {
    }

    /**
     * Decides the change for a resource.
     *
     * @param declared the declared resource
     * @param live its live state, or {@code null} when it does not exist
     * @param dependsOn the changes it waits for
     * @return a create, update, conflict or no-op
     */
    public static ResourceChange diff(Resource declared, Resource live, Set<ChangeId> dependsOn) {
        if (live == null) {
            return ResourceChange.create(declared, dependsOn);
        }
        if (declared.createsAgainGiven(live)) {
            return new ResourceChange(ResourceChange.idOf(declared), Action.CREATE, declared, List.of(), dependsOn);
        }
        Map<String, Setting> liveSettings = new HashMap<>();
        for (Setting setting : live.settings()) {
            liveSettings.put(setting.name(), setting);
        }
        List<SettingChange> differences = new ArrayList<>();
        boolean conflict = false;
        for (Setting setting : declared.settings()) {
            SettingChange difference = compare(declared, setting, liveSettings.get(setting.name()));
            if (difference != null) {
                differences.add(difference);
                conflict |= setting instanceof Setting.Scalar scalar && !scalar.mutable();
            }
        }
        Action action = differences.isEmpty() ? Action.NO_OP : conflict ? Action.CONFLICT : Action.UPDATE;
        return new ResourceChange(ResourceChange.idOf(declared), action, declared, differences, dependsOn);
    }

    private static SettingChange compare(Resource resource, Setting setting, Setting live) {
        Set<String> before = valuesOf(live);
        if (setting instanceof Setting.Scalar scalar) {
            if (scalar.secret()) {
                return null;
            }
            boolean satisfied = live instanceof Setting.Scalar held && resource.isSatisfiedBy(scalar, held.value());
            return satisfied ? null : new SettingChange(setting, before, Set.of());
        }
        Set<String> missing = new TreeSet<>(((Setting.Members) setting).members());
        missing.removeAll(before);
        return missing.isEmpty() ? null : new SettingChange(setting, before, missing);
    }

    /**
     * Returns a live setting's values: the value of a scalar that is not a secret, the members of a set, none when
     * absent.
     *
     * @param live the live setting, or {@code null}
     * @return the values
     */
    public static Set<String> valuesOf(Setting live) {
        if (live instanceof Setting.Scalar scalar) {
            return scalar.secret() ? Set.of() : Set.of(scalar.value());
        }
        return live instanceof Setting.Members members ? members.members() : Set.of();
    }
}
