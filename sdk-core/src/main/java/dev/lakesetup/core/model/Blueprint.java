package dev.lakesetup.core.model;

import dev.lakesetup.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The access you want: an immutable set of resources that should exist and grants that should hold.
 *
 * <p>Grants to the same principal on the same securable are merged (privileges are additive). Declaring one
 * resource twice with different settings fails at {@link Builder#build()} time with both declarations named.
 * A securable marked {@link Builder#exclusive(Securable) exclusive} is the only one whose other grants the
 * planner proposes to revoke.
 */
public final class Blueprint {
    private final Map<ResourceId, Resource> resources;
    private final Map<GrantKey, Grant> grants;
    /** The grants' values, listed once: a plan reads them more than once, and a blueprint is often planned again. */
    private final List<Grant> grantList;
    private final Set<Securable> exclusive;

    private Blueprint(Map<ResourceId, Resource> resources, Map<GrantKey, Grant> grants, Set<Securable> exclusive) {
        this.resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        this.grants = Collections.unmodifiableMap(new LinkedHashMap<>(grants));
        this.grantList = List.copyOf(grants.values());
        this.exclusive = Collections.unmodifiableSet(new LinkedHashSet<>(exclusive));
    }

    private record GrantKey(Securable securable, Principal principal) {
    }

    /**
     * Starts an empty blueprint.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding everything this blueprint declares.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.resources.putAll(resources);
        builder.grants.putAll(grants);
        builder.exclusive.addAll(exclusive);
        return builder;
    }

    /**
     * Combines two blueprints; they must agree about every resource both declare.
     *
     * @param other another blueprint
     * @return the union
     * @throws ConflictingDeclarationException if both declare one resource with different settings
     */
    public Blueprint merge(Blueprint other) {
        Builder builder = toBuilder();
        other.resources.values().forEach(builder::resource);
        other.grants.values().forEach(builder::grant);
        other.exclusive.forEach(builder::exclusive);
        return builder.build();
    }

    /**
     * Returns the resources in declaration order.
     *
     * @return the resources
     */
    public List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    /**
     * Finds a declared resource.
     *
     * @param id the resource id
     * @return the resource, or empty if the blueprint does not declare it
     */
    public Optional<Resource> resource(ResourceId id) {
        return Optional.ofNullable(resources.get(id));
    }

    /**
     * Returns the grants, one per securable and principal, in declaration order.
     *
     * @return the grants
     */
    public List<Grant> grants() {
        return grantList;
    }

    /**
     * Returns the securables whose undeclared grants should be revoked.
     *
     * @return the exclusive securables
     */
    public Set<Securable> exclusiveSecurables() {
        return exclusive;
    }

    /**
     * Returns the ids of declared resources that must exist before the given one: what it requires, and for a
     * catalog or schema with a managed location, the declared external location that covers that location.
     *
     * @param resource a resource of this blueprint
     * @return the ids of its declared prerequisites
     */
    public Set<ResourceId> prerequisitesOf(Resource resource) {
        Set<ResourceId> result = new TreeSet<>();
        for (ResourceId id : resource.requires()) {
            if (resources.containsKey(id)) {
                result.add(id);
            }
        }
        if (resource instanceof StoresData stored && stored.managedLocation().isPresent()) {
            StorageUrl url = stored.managedLocation().get();
            for (Resource candidate : resources.values()) {
                if (candidate instanceof ExternalLocation location && url.isWithin(location.url())) {
                    result.add(location.id());
                }
            }
        }
        return result;
    }

    /**
     * Returns the id of the resource that declares a securable's object, if it is a kind a blueprint can
     * declare (catalogs, schemas, storage credentials, external locations).
     *
     * @param securable the securable
     * @return the id under which the object would be declared
     */
    public static Optional<ResourceId> resourceIdOf(Securable securable) {
        return switch (securable.type()) {
            case CATALOG -> Optional.of(Catalog.named((CatalogName) securable).id());
            case SCHEMA -> Optional.of(Schema.named((SchemaName) securable).id());
            case STORAGE_CREDENTIAL -> Optional.of(ResourceId.of("storage_credential",
                    ((StorageCredentialName) securable).name().normalized()));
            case EXTERNAL_LOCATION -> Optional.of(ResourceId.of("external_location",
                    ((ExternalLocationName) securable).name().normalized()));
            case METASTORE, TABLE -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return "Blueprint[" + resources.size() + " resources, " + grants.size() + " grants, " + exclusive.size()
                + " exclusive securables]";
    }

    /** Collects resources and grants; {@link #build()} checks that declarations agree. */
    public static final class Builder {
        private final Map<ResourceId, Resource> resources = new LinkedHashMap<>();
        private final Map<GrantKey, Grant> grants = new LinkedHashMap<>();
        private final Set<Securable> exclusive = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Declares a resource that should exist.
         *
         * @param resource the resource
         * @return this builder
         * @throws ConflictingDeclarationException if the same resource was declared with other settings
         */
        public Builder resource(Resource resource) {
            InvalidInputException.requireNonNull(resource, "resource");
            Resource previous = resources.putIfAbsent(resource.id(), resource);
            if (previous != null && !previous.equals(resource)) {
                throw new ConflictingDeclarationException(resource.id(), previous, resource);
            }
            return this;
        }

        /**
         * Declares several resources.
         *
         * @param resources the resources
         * @return this builder
         */
        public Builder resources(Collection<? extends Resource> resources) {
            InvalidInputException.requireNonNull(resources, "resources");
            resources.forEach(this::resource);
            return this;
        }

        /**
         * Declares a grant; privileges for the same securable and principal accumulate.
         *
         * @param grant the grant
         * @return this builder
         */
        public Builder grant(Grant grant) {
            InvalidInputException.requireNonNull(grant, "grant");
            if (grant.principal() instanceof DeletedPrincipal deleted) {
                throw InvalidInputException.of("grant principal", deleted.grantName(), "it was deleted",
                        "a service principal, user or group that exists");
            }
            grants.merge(new GrantKey(grant.securable(), grant.principal()), grant, Grant::union);
            return this;
        }

        /**
         * Declares several grants.
         *
         * @param grants the grants
         * @return this builder
         */
        public Builder grants(Collection<Grant> grants) {
            InvalidInputException.requireNonNull(grants, "grants");
            grants.forEach(this::grant);
            return this;
        }

        /**
         * Marks a securable as exclusive: grants on it that the blueprint does not declare will be listed as
         * revokes in the plan (and applied only when the caller allows revokes).
         *
         * @param securable the securable
         * @return this builder
         */
        public Builder exclusive(Securable securable) {
            exclusive.add(InvalidInputException.requireNonNull(securable, "securable"));
            return this;
        }

        /**
         * Builds the immutable blueprint.
         *
         * @return the blueprint
         */
        public Blueprint build() {
            return new Blueprint(resources, grants, exclusive);
        }
    }
}
