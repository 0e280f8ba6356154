package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
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
 *
 * <p>The blueprint owns the order in which resources are created: a resource waits for the declared resources it
 * requires (a schema for its catalog), for the external location that covers its managed location, and for any
 * declared resource it was explicitly {@link Builder#order(ResourceId) ordered after}, such as a Databricks
 * principal after the Entra principal of the same application:
 * <pre>{@code
 * Blueprint blueprint = Blueprint.builder()
 *     .resource(entraPrincipal)
 *     .resource(workspacePrincipal)
 *     .order(workspacePrincipal.id()).after(entraPrincipal.id())
 *     .build();
 * }</pre>
 */
public final class Blueprint {
    private final Map<ResourceId, Resource> resources;
    private final Map<GrantKey, Grant> grants;
    /** The grants' values, listed once: a plan reads them more than once, and a blueprint is often planned again. */
    private final List<Grant> grantList;
    private final Set<Securable> exclusive;
    /** For each resource ordered explicitly, the resources it waits for, in declaration order. */
    private final Map<ResourceId, Set<ResourceId>> waits;

    private Blueprint(Builder builder) {
        this.resources = Collections.unmodifiableMap(new LinkedHashMap<>(builder.resources));
        this.grants = Collections.unmodifiableMap(new LinkedHashMap<>(builder.grants));
        this.grantList = List.copyOf(grants.values());
        this.exclusive = Collections.unmodifiableSet(new LinkedHashSet<>(builder.exclusive));
        Map<ResourceId, Set<ResourceId>> copy = new LinkedHashMap<>();
        builder.waits.forEach((later, earlier) ->
                copy.put(later, Collections.unmodifiableSet(new LinkedHashSet<>(earlier))));
        this.waits = Collections.unmodifiableMap(copy);
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
        waits.forEach((later, earlier) -> builder.waits.put(later, new LinkedHashSet<>(earlier)));
        return builder;
    }

    /**
     * Combines two blueprints; they must agree about every resource both declare. The union keeps the explicit
     * order of both ({@link Builder#order(ResourceId)}).
     *
     * @param other another blueprint
     * @return the union
     * @throws ConflictingDeclarationException if both declare one resource with different settings
     * @throws InvalidInputException if the orders of both together form a cycle
     */
    public Blueprint merge(Blueprint other) {
        Builder builder = toBuilder();
        other.resources.values().forEach(builder::resource);
        other.grants.values().forEach(builder::grant);
        other.exclusive.forEach(builder::exclusive);
        other.waits.forEach((later, earlier) -> builder.waits.computeIfAbsent(later, key -> new LinkedHashSet<>())
                .addAll(earlier));
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
     * Returns the resources a resource was explicitly ordered after with {@link Builder#order(ResourceId)}.
     *
     * @param id a resource id
     * @return the ids it waits for, in declaration order; empty when it was not ordered explicitly
     */
    public Set<ResourceId> waitsFor(ResourceId id) {
        return waits.getOrDefault(id, Set.of());
    }

    /**
     * Returns the ids of declared resources that must exist before the given one: what it requires, for a
     * catalog or schema with a managed location the declared external location that covers that location, and
     * what it was explicitly {@link Builder#order(ResourceId) ordered after}. The planner orders changes by them.
     *
     * @param resource a resource of this blueprint
     * @return the ids of its declared prerequisites
     */
    public Set<ResourceId> prerequisitesOf(Resource resource) {
        Set<ResourceId> result = new TreeSet<>(waitsFor(resource.id()));
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

    /** Fails when the prerequisites form a cycle, naming it; only explicit orders can close one. */
    private void requireNoCycle() {
        if (waits.isEmpty()) {
            return;
        }
        Map<ResourceId, Integer> state = new HashMap<>();
        for (ResourceId start : resources.keySet()) {
            if (!state.containsKey(start)) {
                visit(start, state, new ArrayDeque<>());
            }
        }
    }

    /** Depth-first walk: state 1 while on the path, 2 when done; meeting a resource on the path is a cycle. */
    private void visit(ResourceId id, Map<ResourceId, Integer> state, Deque<ResourceId> path) {
        state.put(id, 1);
        path.addLast(id);
        for (ResourceId next : prerequisitesOf(resources.get(id))) {
            Integer seen = state.get(next);
            if (seen == null) {
                visit(next, state, path);
            } else if (seen == 1) {
                throw cycle(path, next);
            }
        }
        path.removeLast();
        state.put(id, 2);
    }

    private static InvalidInputException cycle(Deque<ResourceId> path, ResourceId closing) {
        List<String> names = new ArrayList<>();
        boolean inCycle = false;
        for (ResourceId id : path) {
            inCycle |= id.equals(closing);
            if (inCycle) {
                names.add(id.toString());
            }
        }
        names.add(closing.toString());
        return InvalidInputException.of("resource order", closing.toString(),
                "the resources wait for each other in a cycle (" + String.join(" waits for ", names)
                        + "), so none could be created first",
                "an order without cycles: drop one of the order(..).after(..) declarations");
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
        private final Map<ResourceId, Set<ResourceId>> waits = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Starts ordering a resource after others: {@code order(later).after(earlier)} makes the planner create
         * {@code later} only once {@code earlier} exists (an apply that fails on {@code earlier} skips
         * {@code later}). Use it for what the model cannot know, such as an external location that needs a role
         * assignment in another cloud. Both resources must be declared by {@link #build()}, which also rejects an
         * order that closes a cycle.
         *
         * @param later the resource that waits
         * @return the step that names what it waits for
         */
        public AfterStep order(ResourceId later) {
            InvalidInputException.requireNonNull(later, "resource to order");
            return (first, more) -> {
                InvalidInputException.requireNonNull(more, "resources to wait for");
                List<ResourceId> earlier = new ArrayList<>();
                earlier.add(InvalidInputException.requireNonNull(first, "resource to wait for"));
                for (ResourceId id : more) {
                    earlier.add(InvalidInputException.requireNonNull(id, "resource to wait for"));
                }
                if (earlier.contains(later)) {
                    throw InvalidInputException.of("resource order", later + " waits for " + later,
                            "a resource cannot wait for itself", "another declared resource");
                }
                waits.computeIfAbsent(later, key -> new LinkedHashSet<>()).addAll(earlier);
                return this;
            };
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
         * @throws InvalidInputException when an {@link #order(ResourceId) order} names a resource the blueprint does
         *     not declare, the orders form a cycle (the message names it, e.g. {@code a waits for b waits for a}),
         *     or one service principal is given more than {@value FederationPolicy#MAX_PER_PRINCIPAL}
         *     {@link FederationPolicy federation policies}
         */
        public Blueprint build() {
            waits.forEach((later, earlier) -> {
                requireDeclared(later, later);
                earlier.forEach(id -> requireDeclared(later, id));
            });
            FederationPolicy.requireWithinLimit(resources.values());
            Blueprint blueprint = new Blueprint(this);
            blueprint.requireNoCycle();
            return blueprint;
        }

        private void requireDeclared(ResourceId later, ResourceId id) {
            if (!resources.containsKey(id)) {
                throw InvalidInputException.of("order of " + later, id.toString(),
                        "it is not declared in the blueprint",
                        "declare it with resource(..) before build(), or drop the order(..).after(..)");
            }
        }
    }

    /** The second step of {@link Builder#order(ResourceId)}: what the resource waits for. */
    @FunctionalInterface
    public interface AfterStep {

        /**
         * Makes the resource wait for one or more declared resources.
         *
         * @param earlier a resource that must exist first
         * @param more further resources that must exist first
         * @return the blueprint's builder
         * @throws InvalidInputException when the resource would wait for itself
         */
        Builder after(ResourceId earlier, ResourceId... more);
    }
}
