package dev.lakesetup.core.plan;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Setting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates a resource, updates its mutable settings, deletes it (in a teardown plan), or reports that it already matches ({@link Action#NO_OP}) or
 * differs in an immutable setting ({@link Action#CONFLICT}).
 *
 * <p>The executor writes from {@link #resource()} (which holds secret values); {@link #settings()} lists, for a
 * create, every declared setting and, for an update or conflict, only the differing ones, each with the live value
 * it replaces. Secret values show masked everywhere.
 *
 * @param id the stable id, the resource id's text (e.g. {@code catalog:sales})
 * @param action {@link Action#CREATE}, {@link Action#UPDATE}, {@link Action#DELETE}, {@link Action#NO_OP} or
     *     {@link Action#CONFLICT}
 * @param resource the declared resource
 * @param settings the settings to write or that differ
 * @param dependsOn the changes that must succeed first
 */
public record ResourceChange(ChangeId id, Action action, Resource resource, List<SettingChange> settings,
        Set<ChangeId> dependsOn) implements Change {

    /**
     * Validates and copies the components.
     *
     * @param id the stable id, the resource id's text (e.g. {@code catalog:sales})
     * @param action {@link Action#CREATE}, {@link Action#UPDATE}, {@link Action#DELETE}, {@link Action#NO_OP} or
     *     {@link Action#CONFLICT}
     * @param resource the declared resource
     * @param settings the settings to write or that differ
     * @param dependsOn the changes that must succeed first
     */
    public ResourceChange {
        InvalidInputException.requireNonNull(id, "change id");
        InvalidInputException.requireNonNull(action, "action");
        InvalidInputException.requireNonNull(resource, "resource");
        InvalidInputException.requireNonNull(settings, "settings");
        InvalidInputException.requireNonNull(dependsOn, "dependencies");
        switch (action) {
            case CREATE, UPDATE, DELETE, NO_OP, CONFLICT -> { }
            case GRANT, REVOKE -> throw InvalidInputException.of("resource change action", action.name(),
                    "grants are changed by a GrantChange", "CREATE, UPDATE, DELETE, NO_OP or CONFLICT");
        }
        settings = List.copyOf(settings);
        dependsOn = Collections.unmodifiableSet(new TreeSet<>(dependsOn));
    }

    /**
     * Returns the id a change to a resource gets.
     *
     * @param resource the resource
     * @return the change id
     */
    public static ChangeId idOf(Resource resource) {
        return ChangeId.of(resource.id().toString());
    }

    /**
     * Creates a change that makes a resource that does not exist, listing every declared setting.
     *
     * @param resource the resource
     * @param dependsOn the changes that must succeed first
     * @return the change
     */
    public static ResourceChange create(Resource resource, Set<ChangeId> dependsOn) {
        List<SettingChange> settings = new ArrayList<>();
        for (Setting setting : resource.settings()) {
            settings.add(new SettingChange(setting, Set.of(), missingOnCreate(setting)));
        }
        return new ResourceChange(idOf(resource), Action.CREATE, resource, settings, dependsOn);
    }

    private static Set<String> missingOnCreate(Setting setting) {
        return setting instanceof Setting.Members members ? members.members() : Set.of();
    }

    /**
     * Creates a change that deletes a resource, as a teardown plans it; it lists no settings.
     *
     * @param resource the resource (as declared)
     * @param dependsOn the changes that must succeed first
     * @return the change
     */
    public static ResourceChange delete(Resource resource, Set<ChangeId> dependsOn) {
        return new ResourceChange(idOf(resource), Action.DELETE, resource, List.of(), dependsOn);
    }

    @Override
    public String kind() {
        return resource.id().kind();
    }

    @Override
    public String object() {
        return nameOf(resource);
    }

    /**
     * Names a resource for people as plan lines name objects: its kind and its key, e.g. {@code catalog sales}.
     *
     * @param resource the resource
     * @return the name
     */
    public static String nameOf(Resource resource) {
        return resource.id().kind().replace('_', ' ') + " " + resource.id().key();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.resource(this);
    }

    @Override
    public String toString() {
        return action + " " + object() + (settings.isEmpty() ? "" : " " + settings);
    }
}
