package dev.lakesetup.core.record;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a teardown ({@code Lakesetup.teardown(blueprint, options)}) may take away beyond the grants and the
 * principal's own objects, and the record of the setup it undoes. Immutable; each method returns a copy.
 *
 * <p>By default a teardown revokes the declared privileges the principals hold, and deletes the principal's OAuth
 * secrets, federation policies, warehouse permissions and workspace assignment. Anything else (the service
 * principal itself, an Entra service principal, a role assignment, a catalog, a schema, a container, an external
 * location) is deleted only when named here, and an object that holds data only when it is empty (the handlers
 * never cascade). With a {@link #record(RunRecord) record}, only the privileges the setup granted new are revoked,
 * and resources the setup adopted are left in place.
 * <pre>{@code
 * TeardownOptions options = TeardownOptions.defaults()
 *     .record(RunRecords.load(store, "customers/acme").orElseThrow())
 *     .delete(principal);                    // also delete the service principal
 * Plan plan = lakesetup.teardown(blueprint, options);
 * }</pre>
 */
public final class TeardownOptions {
    /** The kinds a teardown deletes without being named: what belongs to the principal alone. */
    private static final Set<String> OWNED_BY_PRINCIPAL =
            Set.of("oauth_secret", "federation_policy", "warehouse_permission", "workspace_assignment");

    private final RunRecord record;
    private final Set<ResourceId> named;

    private TeardownOptions(RunRecord record, Set<ResourceId> named) {
        this.record = record;
        this.named = Collections.unmodifiableSet(new TreeSet<>(named));
    }

    /**
     * Returns the defaults: no record (every declared privilege held is revoked, and the plan says why), nothing
     * named.
     *
     * @return the options
     */
    public static TeardownOptions defaults() {
        return new TeardownOptions(null, Set.of());
    }

    /**
     * Returns a copy that undoes exactly what the recorded runs gave.
     *
     * @param record the record of the setup's runs
     * @return the copy
     */
    public TeardownOptions record(RunRecord record) {
        return new TeardownOptions(InvalidInputException.requireNonNull(record, "run record"), named);
    }

    /**
     * Returns a copy that also deletes the resources with these ids (which the blueprint must declare).
     *
     * @param ids the ids, e.g. {@code service_principal:<application id>}
     * @return the copy
     */
    public TeardownOptions delete(ResourceId... ids) {
        InvalidInputException.requireNonNull(ids, "resource ids");
        Set<ResourceId> all = new TreeSet<>(named);
        for (ResourceId id : ids) {
            all.add(InvalidInputException.requireNonNull(id, "resource id"));
        }
        return new TeardownOptions(record, all);
    }

    /**
     * Returns a copy that also deletes these resources (which the blueprint must declare).
     *
     * @param resources the resources, e.g. the recipe's {@code WorkspaceServicePrincipal}
     * @return the copy
     */
    public TeardownOptions delete(Resource... resources) {
        InvalidInputException.requireNonNull(resources, "resources");
        Set<ResourceId> all = new TreeSet<>(named);
        for (Resource resource : resources) {
            all.add(InvalidInputException.requireNonNull(resource, "resource").id());
        }
        return new TeardownOptions(record, all);
    }

    /**
     * Returns the record of the setup's runs.
     *
     * @return the record, or empty when none was given
     */
    public Optional<RunRecord> record() {
        return Optional.ofNullable(record);
    }

    /**
     * Returns the ids of the resources named for deletion.
     *
     * @return the ids, sorted
     */
    public Set<ResourceId> named() {
        return named;
    }

    /**
     * Tells whether a teardown deletes a resource of this id when it exists: it belongs to the principal alone (an
     * OAuth secret, a federation policy, a warehouse permission, a workspace assignment) or it was named.
     *
     * @param id the resource id
     * @return {@code true} when it is to be deleted
     */
    public boolean deletes(ResourceId id) {
        return OWNED_BY_PRINCIPAL.contains(id.kind()) || named.contains(id);
    }

    @Override
    public String toString() {
        return "TeardownOptions[record=" + (record != null) + ", named=" + named + "]";
    }
}
