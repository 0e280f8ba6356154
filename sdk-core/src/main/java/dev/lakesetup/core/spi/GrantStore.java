package dev.lakesetup.core.spi;

import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and changes the grants on a family of securables (Unity Catalog's, through REST or SQL).
 *
 * <p>The engine hands a store every securable it must read at once and lets the store choose its batches: a SQL
 * store answers with a few {@code information_schema} queries (one per type and chunk of names, fanned out with
 * {@link ExecutionContext#runAll}), a REST store with one request per securable.
 */
public interface GrantStore {

    /**
     * Returns the securable types whose grants this store reads and changes.
     *
     * @return the types, not empty
     */
    Set<SecurableType> securableTypes();

    /**
     * Reads every principal's direct privileges on securables (not inherited ones).
     *
     * <p>Privileges are read with {@link dev.lakesetup.core.model.Privilege#observed(String,
     * dev.lakesetup.core.model.SecurableType) Privilege.observed(text, type)} so every name held is kept, and
     * principals with {@link ObservedGrants#principalOf(String)} (a deleted principal, listed by id only, as
     * {@link dev.lakesetup.core.model.DeletedPrincipal}). A securable that does not exist or has no grants may be left
     * out. For a securable where {@link ExecutionContext#needsEveryGrant(Securable)} is true, report every
     * principal's grants, from a source that shows them all to the caller.
     *
     * @param securables the securables, of this store's types, in the order the engine met them
     * @param context says which securables need every grant, and fans out requests
     * @return the privileges held on each securable
     */
    Map<Securable, List<PrincipalPrivileges>> read(List<Securable> securables, ExecutionContext context);

    /**
     * Applies the privilege changes on one securable with one attempt: a {@link dev.lakesetup.core.plan.Action#GRANT
     * GRANT} or a {@link dev.lakesetup.core.plan.Action#REVOKE REVOKE}; the engine never passes a no-op or a conflict.
     *
     * <p>A store may report the securable's direct grants as the service answered the write
     * ({@link ChangeResult#withObservedGrants}); when they hold what the change granted, the engine reads nothing
     * back. Otherwise it confirms the grants with {@link #read}, together with other written grants.
     *
     * @param change the change
     * @param context resolves service principals, including ones created earlier in the same apply
     * @return what the change produced
     */
    ChangeResult apply(GrantChange change, ExecutionContext context);
}
