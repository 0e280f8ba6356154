package dev.lakesetup.testkit;

import dev.lakesetup.testkit.FakeWorkspace.SeededPrincipal;
import dev.lakesetup.testkit.internal.databricks.Caller;
import dev.lakesetup.testkit.internal.databricks.Identities;
import dev.lakesetup.testkit.internal.databricks.Privileges;
import dev.lakesetup.testkit.internal.databricks.Securable;
import dev.lakesetup.testkit.internal.databricks.UnityCatalog;
import dev.lakesetup.testkit.internal.databricks.WorkspaceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Puts a test's starting state into a fake workspace, as an admin would have made it and without counting a
 * request: warehouses, tables, catalogs, schemas, grants, users, groups and service principals. {@link FakeWorkspace}
 * delegates its {@code seed...} methods here.
 */
final class WorkspaceSeeding {
    private final WorkspaceContext ctx;

    WorkspaceSeeding(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    /** Adds a running SQL warehouse owned by the admin. */
    void warehouse(String id, String name) {
        WorkspaceContext.Warehouse w = new WorkspaceContext.Warehouse();
        w.id = id;
        w.name = name;
        w.acl.put("user_name:" + ctx.settings().adminUser(), "IS_OWNER");
        ctx.warehouses().put(id, w);
    }

    /** Seeds a table, its catalog and schema created, owned by the admin, when missing. */
    void table(String fullName, List<String> columns, List<List<?>> rows) {
        String n = Objects.requireNonNull(fullName, "fullName").toLowerCase(Locale.ROOT);
        if (n.split("\\.").length != 3) {
            throw new IllegalArgumentException("table name must have three parts, was '" + fullName + "'");
        }
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String c : columns) {
            String[] p = c.trim().split("\\s+", 2);
            names.add(p[0]);
            types.add(p.length > 1 ? p[1].toUpperCase(Locale.ROOT) : "STRING");
        }
        List<List<String>> text = new ArrayList<>();
        for (List<?> row : rows) {
            if (row.size() != names.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " values, expected "
                        + names.size());
            }
            text.add(row.stream().map(v -> v == null ? null : String.valueOf(v)).toList());
        }
        synchronized (ctx) {
            ctx.uc().seedTable(ctx.settings().adminUser(), new UnityCatalog.Table(n, names, types, text));
        }
    }

    /** Seeds a catalog owned by the admin (no-op when it exists). */
    void catalog(String name) {
        synchronized (ctx) {
            ctx.uc().createCatalog(admin(), name, null, null, true);
        }
    }

    /** Seeds a schema {@code catalog.schema} and, when missing, its catalog, both owned by the admin. */
    void schema(String fullName) {
        String[] p = Objects.requireNonNull(fullName, "fullName").split("\\.", -1);
        if (p.length != 2) {
            throw new IllegalArgumentException("schema name must be catalog.schema, was '" + fullName + "'");
        }
        String catalog = SeedNames.part(p[0], fullName);
        String schema = SeedNames.part(p[1], fullName);
        synchronized (ctx) {
            ctx.uc().createCatalog(admin(), catalog, null, null, true);
            ctx.uc().createSchema(admin(), catalog, schema, null, null, true);
        }
    }

    /** Seeds direct grants on a securable, privileges normalised to the REST spelling. */
    void grant(String type, String fullName, String principal, String... privileges) {
        synchronized (ctx) {
            Securable s = ctx.uc().resolve(type, fullName);
            ctx.uc().grants().add(s, principal,
                    Arrays.stream(privileges).map(p -> Privileges.normalise(s.type(), p)).toList());
        }
    }

    /** Adds a user that SCIM lists and grants may name. */
    void user(String name) {
        synchronized (ctx) {
            ctx.identities().addUser(Objects.requireNonNull(name, "name"));
        }
    }

    /** Adds a group that SCIM lists and grants may name. */
    void group(String name) {
        synchronized (ctx) {
            ctx.identities().addGroup(Objects.requireNonNull(name, "name"));
        }
    }

    /** Seeds a workspace service principal with one OAuth secret, valid for a year. */
    SeededPrincipal servicePrincipal(String displayName) {
        synchronized (ctx) {
            Identities.Principal p = ctx.identities().create(displayName, null, null, true, List.of(), true);
            String secret = ctx.identities().createSecret(p, 3600L * 24 * 365)[1];
            return new SeededPrincipal(Long.toString(p.id), p.applicationId, secret);
        }
    }

    private Caller admin() {
        return new Caller(ctx.settings().adminUser(), true);
    }
}
