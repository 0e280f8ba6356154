package dev.lakesetup.core.plan;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.Setting;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live state a plan was made against: the settings of each planned resource that existed, as read, and the
 * direct grants on each securable the plan reads grants on. A saved plan keeps it, so that applying the plan later
 * can refuse when that state has moved since. Secrets are never read back, so none is held here.
 *
 * @param resources the settings of the planned resources that existed, as read, each setting's values by name; a
 *     planned resource not in it did not exist
 * @param grants the direct grants read on securables; a securable not in it had none
 */
public record PlanBasis(Map<ResourceId, Map<String, Set<String>>> resources,
        Map<Securable, List<PrincipalPrivileges>> grants) {

    /**
     * Checks and copies the components.
     *
     * @param resources the settings of the planned resources that existed, as read, each setting's values by name
     * @param grants the direct grants read on securables; a securable not in it had none
     */
    public PlanBasis {
        resources = Map.copyOf(InvalidInputException.requireNonNull(resources, "observed resources"));
        grants = Map.copyOf(InvalidInputException.requireNonNull(grants, "observed grants"));
    }

    /**
     * Returns the basis of live resources and grants as read.
     *
     * @param resources the live resources, keyed by declared id
     * @param grants the direct grants read on securables
     * @return the basis
     */
    public static PlanBasis of(Map<ResourceId, ? extends Resource> resources,
            Map<Securable, List<PrincipalPrivileges>> grants) {
        Map<ResourceId, Map<String, Set<String>>> settings = new LinkedHashMap<>();
        resources.forEach((id, live) -> settings.put(id, settingsOf(live)));
        return new PlanBasis(settings, grants);
    }

    /**
     * Returns a live resource's settings as values by setting name, sorted; secrets left out.
     *
     * @param live a live resource
     * @return its settings
     */
    public static Map<String, Set<String>> settingsOf(Resource live) {
        Map<String, Set<String>> settings = new TreeMap<>();
        for (Setting setting : live.settings()) {
            if (setting instanceof Setting.Scalar scalar && !scalar.secret()) {
                settings.put(scalar.name(), Set.of(scalar.value()));
            } else if (setting instanceof Setting.Members members) {
                settings.put(members.name(), Collections.unmodifiableSet(new TreeSet<>(members.members())));
            }
        }
        return Collections.unmodifiableMap(settings);
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
}
