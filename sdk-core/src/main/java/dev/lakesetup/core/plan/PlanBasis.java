package dev.lakesetup.core.plan;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.Setting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live state a plan was made against: the settings of each planned resource that existed, as read, and the
 * direct grants on each securable the plan reads grants on. A saved plan keeps it, so that applying the plan later
 * can refuse when that state has moved since. Secrets are never read back, so none is held here: a secret setting
 * is left out.
 *
 * @param resources the live settings of the planned resources that existed, sorted by name; a planned resource not
 *     in it did not exist
 * @param grants the direct grants read on securables; a securable not in it had none
 */
public record PlanBasis(Map<ResourceId, List<Setting>> resources,
        Map<Securable, List<PrincipalPrivileges>> grants) {

    /**
     * Checks and copies the components, leaving secret settings out and sorting each resource's settings by name.
     *
     * @param resources the live settings of the planned resources that existed; a planned resource not in it did
     *     not exist
     * @param grants the direct grants read on securables; a securable not in it had none
     */
    public PlanBasis {
        InvalidInputException.requireNonNull(resources, "live resources");
        Map<ResourceId, List<Setting>> copy = new LinkedHashMap<>();
        resources.forEach((id, settings) -> copy.put(id, withoutSecrets(settings)));
        resources = Map.copyOf(copy);
        grants = Map.copyOf(InvalidInputException.requireNonNull(grants, "observed grants"));
    }

    /**
     * Records the live state as a planner reads it: live resources as values of their kinds, and grants.
     *
     * @param live each planned resource that exists, as read, by declared id
     * @param grants the direct grants read on securables
     * @return the basis
     */
    public static PlanBasis of(Map<ResourceId, ? extends Resource> live,
            Map<Securable, List<PrincipalPrivileges>> grants) {
        InvalidInputException.requireNonNull(live, "live resources");
        Map<ResourceId, List<Setting>> settings = new LinkedHashMap<>();
        live.forEach((id, resource) -> settings.put(id, resource.settings()));
        return new PlanBasis(settings, grants);
    }

    /**
     * Returns the live settings of a planned resource, as read while planning.
     *
     * @param id the resource's id
     * @return the settings sorted by name, or empty when the resource did not exist
     */
    public Optional<List<Setting>> settingsOf(ResourceId id) {
        return Optional.ofNullable(resources.get(id));
    }

    /**
     * Returns the direct grants read on a securable.
     *
     * @param securable the securable
     * @return the grants, empty when it had none
     */
    public List<PrincipalPrivileges> grantsOn(Securable securable) {
        return grants.getOrDefault(securable, List.of());
    }

    private static List<Setting> withoutSecrets(List<Setting> settings) {
        List<Setting> kept = new ArrayList<>();
        for (Setting setting : InvalidInputException.requireNonNull(settings, "live settings")) {
            if (!(setting instanceof Setting.Scalar scalar && scalar.secret())) {
                kept.add(setting);
            }
        }
        kept.sort(Comparator.comparing(Setting::name));
        return List.copyOf(kept);
    }
}
