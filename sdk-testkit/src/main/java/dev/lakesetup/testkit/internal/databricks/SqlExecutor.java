package dev.lakesetup.testkit.internal.databricks;

import dev.lakesetup.testkit.sql.CommentOn;
import dev.lakesetup.testkit.sql.Condition;
import dev.lakesetup.testkit.sql.CreateCatalog;
import dev.lakesetup.testkit.sql.CreateExternalLocation;
import dev.lakesetup.testkit.sql.CreateSchema;
import dev.lakesetup.testkit.sql.Describe;
import dev.lakesetup.testkit.sql.Drop;
import dev.lakesetup.testkit.sql.GrantStatement;
import dev.lakesetup.testkit.sql.RevokeStatement;
import dev.lakesetup.testkit.sql.SecurableRef;
import dev.lakesetup.testkit.sql.Select;
import dev.lakesetup.testkit.sql.SetConfig;
import dev.lakesetup.testkit.sql.ShowCatalogs;
import dev.lakesetup.testkit.sql.ShowGrants;
import dev.lakesetup.testkit.sql.ShowSchemas;
import dev.lakesetup.testkit.sql.Statement;
import dev.lakesetup.testkit.sql.Use;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Executes parsed statements against the fake workspace's state, under the caller's privileges. */
final class SqlExecutor {
    private final WorkspaceContext ctx;
    private final InformationSchema infoSchema;
    private final SqlDescribe describer;

    SqlExecutor(WorkspaceContext ctx) {
        this.ctx = ctx;
        this.infoSchema = new InformationSchema(ctx);
        this.describer = new SqlDescribe(ctx);
    }

    /** Runs one statement; state changes happen at once; failures are {@link ApiException}s. */
    SqlResult execute(Statement statement, Statements.Session session) {
        Caller caller = ctx.caller();
        UnityCatalog uc = ctx.uc();
        // Java 17 has no pattern switch: one branch per permitted subtype, in the order of the permits clause.
        if (statement instanceof CreateCatalog c) {
            uc.createCatalog(caller, c.name(), c.comment(), c.managedLocation(), c.ifNotExists());
            return SqlResult.EMPTY;
        } else if (statement instanceof CreateSchema c) {
            List<String> n = qualify(c.name(), 2, session);
            uc.createSchema(caller, n.get(0), n.get(1), c.comment(), c.managedLocation(), c.ifNotExists());
            return SqlResult.EMPTY;
        } else if (statement instanceof CreateExternalLocation c) {
            return createLocation(c, caller);
        } else if (statement instanceof GrantStatement g) {
            return changeGrants(g.privileges(), g.securable(), g.principal(), true, session);
        } else if (statement instanceof RevokeStatement r) {
            return changeGrants(r.privileges(), r.securable(), r.principal(), false, session);
        } else if (statement instanceof ShowGrants s) {
            return showGrants(s, session);
        } else if (statement instanceof ShowSchemas s) {
            return showSchemas(s, caller, session);
        } else if (statement instanceof ShowCatalogs s) {
            return showCatalogs(s, caller);
        } else if (statement instanceof Describe d) {
            return describe(d, session);
        } else if (statement instanceof Select s) {
            return select(s, session);
        } else if (statement instanceof Use u) {
            return use(u, session);
        } else if (statement instanceof SetConfig) {
            return SqlResult.EMPTY;
        } else if (statement instanceof CommentOn c) {
            return commentOn(c, session);
        } else if (statement instanceof Drop d) {
            List<String> name = d.type().equals("SCHEMA") ? qualify(d.name(), 2, session) : d.name();
            new UcDeletes(ctx).drop(d.type(), String.join(".", name), d.ifExists(), d.cascade());
            return SqlResult.EMPTY;
        }
        throw new IllegalStateException("unhandled statement type " + statement.getClass().getName());
    }

    private SqlResult createLocation(CreateExternalLocation c, Caller caller) {
        UcStorage.Location l = new UcStorage.Location();
        l.name = c.name();
        l.url = c.url();
        l.credentialName = c.credential();
        l.comment = c.comment();
        ctx.uc().storage().createLocation(caller, l, c.ifNotExists());
        return SqlResult.EMPTY;
    }

    private SqlResult showSchemas(ShowSchemas s, Caller caller, Statements.Session session) {
        String catalog = s.catalog() == null ? currentCatalog(session) : s.catalog().get(0);
        List<List<String>> rows = new ArrayList<>();
        ctx.uc().schemas(caller, catalog).stream().filter(x -> like(s.like(), x.name))
                .forEach(x -> rows.add(List.of(x.name)));
        return SqlResult.strings(List.of("databaseName"), rows);
    }

    private SqlResult showCatalogs(ShowCatalogs s, Caller caller) {
        List<List<String>> rows = new ArrayList<>();
        ctx.uc().catalogs(caller).stream().filter(x -> like(s.like(), x.name)).forEach(x -> rows.add(List.of(x.name)));
        return SqlResult.strings(List.of("catalog"), rows);
    }

    private SqlResult changeGrants(List<String> privileges, SecurableRef ref, String principal, boolean grant,
                                   Statements.Session session) {
        Securable s = securable(ref, session);
        List<String> normalised = privileges.stream().map(p -> Privileges.normalise(s.type(), p)).toList();
        ctx.uc().requireCanGrant(ctx.caller(), s);
        ctx.requireGrantable(principal);
        ctx.beforeGrantChange(s);
        if (grant) {
            ctx.uc().grants().add(s, principal, normalised);
        } else {
            ctx.uc().grants().remove(s, principal, normalised);
        }
        return SqlResult.EMPTY;
    }

    /**
     * COMMENT ON sets or (with NULL) removes a comment in place: on a catalog its owner, a metastore admin or a
     * MANAGE holder may, on a schema only its owner, as the SQL reference's COMMENT ON says.
     */
    private SqlResult commentOn(CommentOn c, Statements.Session session) {
        Caller caller = ctx.caller();
        if (c.type().equals("CATALOG")) {
            ctx.uc().updateCatalog(caller, c.name().get(0), null, null).comment = c.comment();
            return SqlResult.EMPTY;
        }
        UnityCatalog.Schema schema = ctx.uc().schema(caller, String.join(".", qualify(c.name(), 2, session)));
        if (!caller.name().equals(schema.owner)) {
            throw ApiException.denied("User is not an owner of Schema '" + schema.fullName() + "'.");
        }
        schema.comment = c.comment();
        return SqlResult.EMPTY;
    }

    private SqlResult showGrants(ShowGrants show, Statements.Session session) {
        Securable s = securable(show.securable(), session);
        GrantVisibility.requireCanShowGrants(ctx.uc(), ctx.caller(), s, show.principal());
        List<List<String>> rows = new ArrayList<>();
        for (Grants.Effective e : ctx.uc().grants().effective(s, show.principal())) {
            Securable from = e.inheritedFrom() == null ? s : e.inheritedFrom();
            rows.add(List.of(e.principal(), Privileges.toSql(e.privilege()), from.sqlType(), from.fullName()));
        }
        // the documented result columns of SHOW GRANTS, in camel case
        return SqlResult.strings(List.of("principal", "actionType", "objectType", "objectKey"), rows);
    }

    private SqlResult describe(Describe d, Statements.Session session) {
        return describer.describe(securable(d.securable(), session), d.extended());
    }

    private SqlResult select(Select select, Statements.Session session) {
        List<String> from = select.from();
        if (from.size() == 3 && from.get(0).equalsIgnoreCase("system")
                && from.get(1).equalsIgnoreCase("information_schema")) {
            return finish(select, infoSchema.view(from.get(2).toLowerCase(Locale.ROOT)));
        }
        List<String> n = qualify(from, 3, session);
        UnityCatalog.Table t = ctx.uc().readableTable(ctx.caller(), String.join(".", n));
        return finish(select, new SqlResult(t.columnNames(), t.columnTypes(), t.rows()));
    }

    private static SqlResult finish(Select select, SqlResult all) {
        List<String> names = all.columnNames().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        List<Integer> picked = new ArrayList<>();
        if (select.columns().equals(List.of("*"))) {
            for (int i = 0; i < names.size(); i++) {
                picked.add(i);
            }
        } else {
            for (String c : select.columns()) {
                picked.add(column(names, c));
            }
        }
        List<int[]> where = new ArrayList<>();
        List<Set<String>> accepted = new ArrayList<>();
        for (Condition c : select.where()) {
            where.add(new int[] {column(names, c.column())});
            accepted.add(new HashSet<>(c.values()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : all.rows()) {
            boolean keep = true;
            for (int i = 0; i < select.where().size() && keep; i++) {
                keep = matches(select.where().get(i), accepted.get(i), row.get(where.get(i)[0]));
            }
            if (keep && (select.limit() == null || rows.size() < select.limit())) {
                List<String> out = new ArrayList<>();
                picked.forEach(p -> out.add(row.get(p)));
                rows.add(out);
            }
        }
        List<String> outNames = picked.stream().map(all.columnNames()::get).toList();
        List<String> outTypes = picked.stream().map(all.columnTypes()::get).toList();
        return new SqlResult(outNames, outTypes, rows);
    }

    private static boolean matches(Condition c, Set<String> accepted, String value) {
        return switch (c.op()) {
            case EQ, IN -> value != null && accepted.contains(value);
            case IS_NULL -> value == null;
            case IS_NOT_NULL -> value != null;
        };
    }

    private static int column(List<String> names, String column) {
        int i = names.indexOf(column.toLowerCase(Locale.ROOT));
        if (i < 0) {
            throw new ApiException(400, "UNRESOLVED_COLUMN", "A column with name `" + column
                    + "` cannot be resolved. Did you mean one of " + names + "?");
        }
        return i;
    }

    private SqlResult use(Use use, Statements.Session session) {
        if (use.kind().equals("CATALOG")) {
            session.catalog = ctx.uc().catalog(ctx.caller(), use.name().get(0)).name;
        } else {
            List<String> n = qualify(use.name(), 2, session);
            UnityCatalog.Schema s = ctx.uc().schema(ctx.caller(), String.join(".", n));
            session.catalog = s.catalog;
            session.schema = s.name;
        }
        return SqlResult.EMPTY;
    }

    private Securable securable(SecurableRef ref, Statements.Session session) {
        String type = ref.type().toLowerCase(Locale.ROOT).replace(' ', '_');
        return switch (type) {
            case "metastore" -> new Securable("metastore", ctx.uc().metastoreId());
            case "catalog", "storage_credential", "external_location" -> ctx.uc().resolve(type, single(ref));
            case "schema" -> ctx.uc().resolve(type, String.join(".", qualify(ref.name(), 2, session)));
            case "table" -> ctx.uc().resolve(type, String.join(".", qualify(ref.name(), 3, session)));
            default -> throw ApiException.invalid(ref.type() + " securables are not supported by the fake.");
        };
    }

    private static String single(SecurableRef ref) {
        if (ref.name().size() != 1) {
            throw ApiException.invalid("Invalid " + ref.type() + " name '" + String.join(".", ref.name()) + "'");
        }
        return ref.name().get(0);
    }

    private List<String> qualify(List<String> name, int parts, Statements.Session session) {
        List<String> out = new ArrayList<>(name);
        if (out.size() < parts && parts == 3 && out.size() == 1) {
            out.add(0, currentSchema(session));
        }
        if (out.size() < parts) {
            out.add(0, currentCatalog(session));
        }
        if (out.size() != parts) {
            throw ApiException.invalid("Invalid name '" + String.join(".", name) + "'");
        }
        return out.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    private static String currentCatalog(Statements.Session session) {
        return session.catalog == null ? "hive_metastore" : session.catalog;
    }

    private static String currentSchema(Statements.Session session) {
        return session.schema == null ? "default" : session.schema;
    }

    private static boolean like(String pattern, String value) {
        if (pattern == null) {
            return true;
        }
        for (String alt : pattern.split("\\|")) {
            String regex = Arrays.stream(alt.trim().split("\\*", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + ".*" + b).orElse("");
            if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }
}
