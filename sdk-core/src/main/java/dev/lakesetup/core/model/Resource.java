package dev.lakesetup.core.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Something that should exist: a catalog, a storage credential, a service principal, an Azure container.
 *
 * <p>A resource is an immutable value with an {@link #id()}, the {@link #settings()} it declares (unset ones are
 * left alone on the live object) and the ids of the resources it needs to exist first. Executors in other modules
 * add their own resource types by implementing this interface.
 */
public interface Resource {

    /**
     * Returns the id that identifies this object in a blueprint and a plan.
     *
     * @return the id
     */
    ResourceId id();

    /**
     * Returns the declared settings, compared with the live object by the planner.
     *
     * @return the settings, in a stable order
     */
    List<Setting> settings();

    /**
     * Returns the ids of resources that must exist before this one; the planner orders changes by them when
     * the blueprint declares those resources too.
     *
     * @return the ids, possibly empty
     */
    default Set<ResourceId> requires() {
        return Set.of();
    }

    /**
     * Returns the Unity Catalog securable this resource declares (a catalog, a schema, a storage credential or an
     * external location), so grants, comments and reads can address it.
     *
     * @return the securable, or empty for resources that are not securables (principals, permissions, Azure objects)
     */
    default Optional<Securable> securable() {
        return Optional.empty();
    }

    /**
     * Tells whether the live value of a declared scalar setting satisfies it: by default when they are equal (both
     * sides are values of this kind, so the model has normalised them alike). A kind where more than the declared
     * value will do overrides this, as a warehouse permission does, where a higher level held satisfies a lower one.
     *
     * @param declared one of this resource's scalar settings
     * @param live the live object's value of the same setting
     * @return {@code true} when nothing needs to change
     */
    default boolean isSatisfiedBy(Setting.Scalar declared, String live) {
        return declared.value().equals(live);
    }
}
