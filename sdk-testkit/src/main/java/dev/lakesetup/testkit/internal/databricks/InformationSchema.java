package dev.lakesetup.testkit.internal.databricks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code system.information_schema} views the fake serves: the {@code *_privileges} views and
 * {@code external_locations}, each limited to what the caller may see.
 *
 * <p>Who sees which privilege rows follows the service's documented rule: a metastore admin and the owner of a
 * securable see every principal's grants on it; anyone else (also a holder of MANAGE) sees only the grants of
 * their own and of the groups every principal belongs to. {@code SHOW GRANTS} is the statement that shows a MANAGE
 * holder every grant.
 */
final class InformationSchema {

    private final WorkspaceContext ctx;

    InformationSchema(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    /** Returns all rows of a view visible to the caller; 404 TABLE_OR_VIEW_NOT_FOUND for other views. */
    SqlResult view(String name) {
        return switch (name) {
            case "catalog_privileges" -> rows("catalog", List.of("catalog_name"));
            case "schema_privileges" -> rows("schema", List.of("catalog_name", "schema_name"));
            case "table_privileges" -> rows("table", List.of("table_catalog", "table_schema", "table_name"));
            case "external_location_privileges" -> rows("external_location", List.of("external_location_name"));
            case "storage_credential_privileges" -> rows("storage_credential", List.of("storage_credential_name"));
            case "external_locations" -> externalLocations();
            default -> throw new ApiException(404, "TABLE_OR_VIEW_NOT_FOUND", "The table or view "
                    + "`system`.`information_schema`.`" + name + "` cannot be found.");
        };
    }

    private SqlResult rows(String type, List<String> nameColumns) {
        Caller caller = ctx.caller();
        List<String> columns = new ArrayList<>(List.of("grantor", "grantee"));
        columns.addAll(nameColumns);
        columns.addAll(List.of("privilege_type", "is_grantable", "inherited_from"));
        List<List<String>> rows = new ArrayList<>();
        for (Securable s : securablesOf(type)) {
            boolean seesAll = GrantVisibility.seesEveryGrant(ctx.uc(), caller, s);
            for (Grants.Effective e : ctx.uc().grants().effective(s, null)) {
                if (!seesAll && !e.principal().equals(caller.name())
                        && !Grants.IMPLICIT_GROUPS.contains(e.principal())) {
                    continue;
                }
                List<String> row = new ArrayList<>();
                String owner = ctx.uc().ownerOf(e.inheritedFrom() == null ? s : e.inheritedFrom());
                row.add(owner == null ? ctx.settings().adminUser() : owner);
                row.add(e.principal());
                row.addAll(Arrays.asList(s.fullName().split("\\.")));
                row.add(Privileges.toSql(e.privilege()));
                row.add("NO");
                row.add(e.inheritedFrom() == null ? null : e.inheritedFrom().upperType());
                rows.add(row);
            }
        }
        return SqlResult.strings(columns, rows);
    }

    /** The external locations the caller may interact with, in the view's documented columns. */
    private SqlResult externalLocations() {
        List<List<String>> rows = new ArrayList<>();
        for (UcStorage.Location l : ctx.uc().storage().locations(ctx.caller())) {
            String created = Instant.ofEpochMilli(l.createdAt).toString();
            rows.add(Arrays.asList(l.name, l.owner, l.url, l.credentialId, l.credentialName,
                    Boolean.toString(l.readOnly), l.comment, created, l.owner, created, l.owner));
        }
        return SqlResult.strings(List.of("external_location_name", "external_location_owner", "url",
                "storage_credential_id", "storage_credential_name", "read_only", "comment", "created", "created_by",
                "last_altered", "last_altered_by"), rows);
    }

    private List<Securable> securablesOf(String type) {
        List<Securable> out = new ArrayList<>();
        switch (type) {
            case "catalog" -> ctx.uc().allCatalogs().forEach(c -> out.add(new Securable("catalog", c.name)));
            case "schema" -> ctx.uc().allSchemas().forEach(s -> out.add(new Securable("schema", s.fullName())));
            default -> ctx.uc().grants().all().keySet().stream().filter(s -> s.type().equals(type))
                    .forEach(out::add);
        }
        return out;
    }
}
