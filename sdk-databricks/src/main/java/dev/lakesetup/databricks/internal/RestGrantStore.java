package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.render.UnityCatalogSql;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.GrantStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The grants on every Unity Catalog securable through the REST permissions API: one GET per securable (fanned out
 * with {@link ExecutionContext#runAll}), all principals' changes on one securable in one PATCH, whose answer is passed
 * on so the engine need not read the grants back.
 *
 * <p>With a SQL warehouse ({@code bulk} given), most grants are read in bulk instead: the same
 * {@code system.information_schema} privileges queries as the SQL grant store, run through the statement execution
 * API, one statement per securable type and chunk of {@link SqlReads#CHUNK} names, the statements fanned out. The
 * metastore, which the views do not cover, still takes one GET, and so does each securable that must be read in full
 * ({@link ExecutionContext#needsEveryGrant}): the views show a caller that is neither the owner nor a metastore admin
 * only its own grants. The GETs and the statements go out in one fan-out, side by side. The metastore check runs
 * before the first read or write.
 */
public final class RestGrantStore implements GrantStore {
    private final UcGrants grants;
    private final UnityCatalogCheck unityCatalog;
    private final StatementRows bulk;
    private final SqlReads sqlReads = new SqlReads(UnityCatalogSql.standard());

    /**
     * Creates the store.
     *
     * @param grants the permissions API
     * @param unityCatalog the metastore check shared by the workspace's handlers
     * @param bulk runs the bulk reads on the workspace's warehouse, or {@code null} to read one GET per securable
     */
    public RestGrantStore(UcGrants grants, UnityCatalogCheck unityCatalog, StatementRows bulk) {
        this.grants = grants;
        this.unityCatalog = unityCatalog;
        this.bulk = bulk;
    }

    @Override
    public Set<SecurableType> securableTypes() {
        return EnumSet.allOf(SecurableType.class);
    }

    @Override
    public Map<Securable, List<PrincipalPrivileges>> read(List<Securable> securables, ExecutionContext context) {
        if (securables.isEmpty()) {
            return Map.of();
        }
        unityCatalog.metastoreId();
        List<Securable> oneByOne = new ArrayList<>();
        List<Securable> inViews = new ArrayList<>();
        for (Securable securable : securables) {
            boolean viaViews = bulk != null && securable.type() != SecurableType.METASTORE
                    && !context.needsEveryGrant(securable);
            (viaViews ? inViews : oneByOne).add(securable);
        }
        // one fan-out for both kinds, so an exclusive securable's GET does not wait for the bulk statements, nor
        // they for it
        List<Supplier<Map<Securable, List<PrincipalPrivileges>>>> units = new ArrayList<>();
        for (Securable securable : oneByOne) {
            units.add(() -> grants.read(securable).map(held -> Map.of(securable, held)).orElse(Map.of()));
        }
        for (List<Securable> batch : SqlReads.batches(inViews, s -> false)) {
            units.add(() -> sqlReads.grants(bulk, batch, s -> false));
        }
        if (units.isEmpty()) {
            return Map.of();
        }
        Map<Securable, List<PrincipalPrivileges>> out = new LinkedHashMap<>();
        context.runAll("read grants", units, Supplier::get).forEach(out::putAll);
        return out;
    }

    @Override
    public ChangeResult apply(GrantChange change, ExecutionContext context) {
        if (change.action() != Action.GRANT && change.action() != Action.REVOKE) {
            throw Calls.unsupported(change + " cannot be applied");
        }
        Map<Principal, Set<Privilege>> byPrincipal = new LinkedHashMap<>();
        for (PrincipalPrivileges entry : change.privileges()) {
            if (!entry.privileges().isEmpty()) {
                Principal principal = context.resolved(entry.principal());
                byPrincipal.computeIfAbsent(principal, n -> new TreeSet<>()).addAll(entry.privileges());
            }
        }
        if (byPrincipal.isEmpty()) {
            return ChangeResult.done();
        }
        unityCatalog.metastoreId();
        return grants.update(change.securable(), byPrincipal, change.action() == Action.GRANT)
                .map(ChangeResult.done()::withObservedGrants).orElse(ChangeResult.done());
    }

    /**
     * Reads the effective privileges on a securable: direct grants plus those inherited from its parents.
     *
     * @param securable the securable
     * @return each principal's effective privileges; empty when the securable does not exist
     */
    public List<PrincipalPrivileges> readEffective(Securable securable) {
        unityCatalog.metastoreId();
        return grants.readEffective(securable).orElse(List.of());
    }
}
