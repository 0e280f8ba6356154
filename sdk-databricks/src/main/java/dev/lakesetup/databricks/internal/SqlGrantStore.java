package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Grant;
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

/**
 * The grants on every Unity Catalog securable with SQL: {@code GRANT} / {@code REVOKE}, one statement per principal,
 * all of one change on one session; reads from the {@code system.information_schema} privileges views, one query per
 * securable type and chunk of {@link SqlReads#CHUNK} names, and {@code SHOW GRANTS ON} for the metastore and for
 * every securable that must be read in full ({@link ExecutionContext#needsEveryGrant}); each query a unit of its own,
 * on a session borrowed for it, fanned out with {@link ExecutionContext#runAll} after the first ({@link WarmFirst}),
 * so a small read reuses one pooled session.
 *
 * <p>SQL cannot name a deleted principal, so a revoke from one goes to the REST grant store given as its twin (the
 * permissions API removes privileges by {@code principal_id}); without a twin it fails with a message saying so.
 */
public final class SqlGrantStore implements GrantStore {
    private final UnityCatalogSql sql = UnityCatalogSql.standard();
    private final SqlReads reads = new SqlReads(sql);
    private final SqlSessions sessions;
    private final UnityCatalogCheck unityCatalog;
    private final GrantStore twin;
    private final WarmFirst warmFirst = new WarmFirst();

    /**
     * Creates the store.
     *
     * @param sessions runs the statements
     * @param unityCatalog the metastore check, or {@code null} without a REST connection
     * @param twin the REST store for revokes from deleted principals, or {@code null}
     */
    public SqlGrantStore(SqlSessions sessions, UnityCatalogCheck unityCatalog, GrantStore twin) {
        this.sessions = sessions;
        this.unityCatalog = unityCatalog;
        this.twin = twin;
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
        checkUnityCatalog();
        Map<Securable, List<PrincipalPrivileges>> out = new LinkedHashMap<>();
        warmFirst.runAll(context, "read grants", SqlReads.batches(securables, context::needsEveryGrant),
                batch -> sessions.inSession(session -> reads.grants(session, batch, context::needsEveryGrant)))
                .forEach(out::putAll);
        return out;
    }

    @Override
    public ChangeResult apply(GrantChange change, ExecutionContext context) {
        if (change.action() != Action.GRANT && change.action() != Action.REVOKE) {
            throw Calls.unsupported(change + " cannot be applied");
        }
        if (change.privileges().stream().anyMatch(entry -> entry.principal() instanceof DeletedPrincipal)) {
            if (twin == null) {
                throw Calls.unsupported(change + ": a deleted principal's privileges can only be revoked through "
                        + "the REST API (by principal_id); build the SQL executor with a REST executor");
            }
            return twin.apply(change, context);
        }
        List<Grant> grants = new ArrayList<>();
        for (Grant grant : change.asGrants()) {
            grants.add(context.resolved(grant));
        }
        if (grants.isEmpty()) {
            return ChangeResult.done();
        }
        checkUnityCatalog();
        boolean grant = change.action() == Action.GRANT;
        sessions.inSession(session -> {
            for (Grant g : grants) {
                session.execute((grant ? "grant on " : "revoke on ") + change.securable().fullName() + " to "
                        + g.principal().grantName(), grant ? sql.grant(g) : sql.revoke(g));
            }
            return null;
        });
        return ChangeResult.done();
    }

    private void checkUnityCatalog() {
        if (unityCatalog != null) {
            unityCatalog.metastoreId();
        }
    }
}
