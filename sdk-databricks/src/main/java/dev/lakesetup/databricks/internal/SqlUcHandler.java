package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.SchemaName;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.plan.SettingChange;
import dev.lakesetup.core.render.UnityCatalogSql;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads and changes catalogs, schemas or external locations with SQL: {@code DESCRIBE} (one statement per object,
 * each on a session borrowed for it, fanned out with {@link ExecutionContext#runAll} after the first, see
 * {@link WarmFirst}), {@code CREATE}, {@code COMMENT ON} and {@code DROP ... IF EXISTS} (never {@code CASCADE}: the
 * service refuses a catalog or schema that is not empty, and a drop of one already gone succeeds). A catalog's drop
 * first drops its {@code default} schema, which the service created with it, the same way (only when empty).
 *
 * <p>A change with no SQL form goes to the REST handler of the same kind given as its twin (a decorator, not a
 * router): an UPDATE of more than the comment, any UPDATE of an external location ({@code COMMENT ON} and
 * {@code ALTER EXTERNAL LOCATION} document no comment for it) and the CREATE of a read-only external location.
 * Without a twin such a change fails with a message that says how to build the executor.
 *
 * @param <R> the resource kind
 */
public final class SqlUcHandler<R extends Resource> implements ResourceHandler<R> {
    private static final UnityCatalogSql SQL = UnityCatalogSql.standard();
    private static final SqlReads READS = new SqlReads(SQL);

    private final Class<R> type;
    private final Kind<R> kind;
    private final SqlSessions sessions;
    private final WarmFirst warmFirst = new WarmFirst();
    private final UnityCatalogCheck unityCatalog;
    private final ResourceHandler<R> twin;

    private SqlUcHandler(Class<R> type, Kind<R> kind, SqlSessions sessions, UnityCatalogCheck unityCatalog,
            ResourceHandler<R> twin) {
        this.type = type;
        this.kind = kind;
        this.sessions = sessions;
        this.unityCatalog = unityCatalog;
        this.twin = twin;
    }

    /** Builds a live object from a DESCRIBE answer; the session serves a follow-up query. */
    @FunctionalInterface
    private interface Live<R> {
        R of(R declared, Map<String, String> info, SqlRows session);
    }

    /** What differs between the kinds: how the live object is built, created and commented. */
    private record Kind<R>(String name, Live<R> live, Function<R, String> create,
            Function<R, Optional<String>> comment, Predicate<ResourceChange> restOnly) {
    }

    /**
     * Returns the SQL handler of catalogs.
     *
     * @param sessions runs the statements
     * @param unityCatalog the metastore check, or {@code null} without a REST connection
     * @param twin the REST handler for changes with no SQL form, or {@code null}
     * @return the handler
     */
    public static SqlUcHandler<Catalog> catalogs(SqlSessions sessions, UnityCatalogCheck unityCatalog,
            ResourceHandler<Catalog> twin) {
        return new SqlUcHandler<>(Catalog.class, new Kind<>("catalog", (declared, info, session) -> LiveResources.catalog(
                declared, SqlReads.comment(info), SqlReads.item(info, "storage_root")), SQL::createCatalog,
                Catalog::comment,
                change -> false), sessions, unityCatalog, twin);
    }

    /**
     * Returns the SQL handler of schemas.
     *
     * @param sessions runs the statements
     * @param unityCatalog the metastore check, or {@code null} without a REST connection
     * @param twin the REST handler for changes with no SQL form, or {@code null}
     * @return the handler
     */
    public static SqlUcHandler<Schema> schemas(SqlSessions sessions, UnityCatalogCheck unityCatalog,
            ResourceHandler<Schema> twin) {
        return new SqlUcHandler<>(Schema.class, new Kind<>("schema", (declared, info, session) -> LiveResources.schema(
                declared, SqlReads.comment(info), SqlReads.schemaRoot(info, declared)), SQL::createSchema,
                Schema::comment,
                change -> false), sessions, unityCatalog, twin);
    }

    /**
     * Returns the SQL handler of external locations.
     *
     * @param sessions runs the statements
     * @param unityCatalog the metastore check, or {@code null} without a REST connection
     * @param twin the REST handler for changes with no SQL form, or {@code null}
     * @return the handler
     */
    public static SqlUcHandler<ExternalLocation> externalLocations(SqlSessions sessions,
            UnityCatalogCheck unityCatalog, ResourceHandler<ExternalLocation> twin) {
        return new SqlUcHandler<>(ExternalLocation.class, new Kind<>("external location",
                (declared, info, session) -> LiveResources.externalLocation(declared, SqlReads.item(info, "url"),
                        SqlReads.item(info, "credential_name"), SqlReads.comment(info), LiveResources.bool(
                                READS.readOnly(session, declared.name(), info))),
                SQL::createExternalLocation, ExternalLocation::comment,
                change -> change.action() == Action.UPDATE
                        || ((ExternalLocation) change.resource()).readOnly().orElse(false)),
                sessions, unityCatalog, twin);
    }

    @Override
    public Class<R> type() {
        return type;
    }

    @Override
    public Map<ResourceId, R> read(List<R> resources, ExecutionContext context) {
        if (resources.isEmpty()) {
            return Map.of();
        }
        checkUnityCatalog();
        List<Optional<R>> live = warmFirst.runAll(context, "describe " + kind.name(), resources, resource -> sessions
                .inSession(session -> READS.describe(session, resource.securable().orElseThrow())
                        .map(info -> kind.live().of(resource, info, session))));
        Map<ResourceId, R> out = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            R declared = resources.get(i);
            live.get(i).ifPresent(found -> out.put(declared.id(), found));
        }
        return out;
    }

    @Override
    public ChangeResult apply(ResourceChange change, R resource, ExecutionContext context) {
        if (needsRest(change)) {
            if (twin == null) {
                throw Calls.unsupported(change.object() + ": this change has no SQL form; build the SqlExecutor "
                        + "with a RestExecutor (DatabricksWorkspace.sqlExecutor(..)) to apply it through REST");
            }
            return twin.apply(change, resource, context);
        }
        String statement = switch (change.action()) {
            case CREATE -> kind.create().apply(resource);
            case UPDATE -> SQL.commentOn(resource.securable().orElseThrow(), kind.comment().apply(resource)
                    .orElseThrow());
            case DELETE -> SQL.drop(resource.securable().orElseThrow());
            case NO_OP, CONFLICT, GRANT, REVOKE -> throw Calls.unsupported(change + " cannot be applied");
        };
        checkUnityCatalog();
        String what = switch (change.action()) {
            case CREATE -> "create ";
            case DELETE -> "drop ";
            default -> "comment on ";
        } + change.object();
        sessions.inSession(session -> {
            if (change.action() == Action.DELETE && resource instanceof Catalog catalog
                    && CatalogSchemas.checkDeletable(session, catalog.name().name().value())) {
                SchemaName defaultSchema = SchemaName.of(catalog.name().name().value(), RestCatalogs.DEFAULT_SCHEMA);
                session.execute("drop schema " + defaultSchema.fullName() + ", which the service created with "
                        + change.object(), SQL.drop(Schema.named(defaultSchema).securable().orElseThrow()));
            }
            session.execute(what, statement);
            return null;
        });
        return ChangeResult.done();
    }

    /** An UPDATE of more than the comment, and the changes the kind has no SQL for, need the REST API. */
    private boolean needsRest(ResourceChange change) {
        if (change.action() == Action.DELETE) {
            return false;
        }
        if (kind.restOnly().test(change)) {
            return true;
        }
        if (change.action() == Action.UPDATE) {
            for (SettingChange setting : change.settings()) {
                if (!setting.name().equals("comment")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void checkUnityCatalog() {
        if (unityCatalog != null) {
            unityCatalog.metastoreId();
        }
    }

    @Override
    public String toString() {
        return "SqlUcHandler[" + kind.name() + (twin == null ? "" : ", REST for changes with no SQL form") + "]";
    }

    @Override
    public boolean canDelete() {
        return true;
    }
}
