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

    /**
     * Returns the principals this resource names that must exist: planning resolves the service principals among
     * them known by display name, and checks that each exists unless the blueprint creates it. By default none; a
     * kind that names a principal (a permission holder, a secret's owner) returns it here, and takes part in both
     * without any change to the engine.
     *
     * @return the principals, possibly empty
     */
    default Set<Principal> principals() {
        return Set.of();
    }

    /**
     * Returns the service principal that creating this resource makes: planning resolves it by display name and
     * makes no existence check for it (nor for references to it), and once it is created or found its application id
     * is passed on to the changes that name it. By default empty.
     *
     * @return the principal created, or empty for kinds that create none
     */
    default Optional<ServicePrincipal> createsPrincipal() {
        return Optional.empty();
    }

    /**
     * Returns where the secret that creating this resource issues goes, once. A kind with a sink issues a value the
     * service shows only in its answer to the create, so an executor may hand credentials back for it, and a create
     * whose answer was lost is not read back as done. By default empty.
     *
     * @return the sink, or empty for kinds that issue no secret
     */
    default Optional<SecretSink> secretSink() {
        return Optional.empty();
    }

    /**
     * Tells whether this resource is created on every apply, even when the live object exists (a secret rotated on
     * each run); its settings are then not compared. By default {@code false}.
     *
     * @return {@code true} when every plan creates it
     */
    default boolean alwaysCreate() {
        return false;
    }

    /**
     * Tells whether the object is issued anew although it exists, given its live state: by default when
     * {@link #alwaysCreate()}. A kind that renews itself when its live state falls due (an OAuth secret about to
     * expire) overrides it; the diff then plans a create, and a create whose answer was lost is sent again only
     * while this still holds.
     *
     * @param live the live state read for this resource
     * @return {@code true} when a create is planned although the object exists
     */
    default boolean createsAgainGiven(Resource live) {
        return alwaysCreate();
    }
}
