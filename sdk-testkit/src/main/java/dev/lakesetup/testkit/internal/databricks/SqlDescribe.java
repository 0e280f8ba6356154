package dev.lakesetup.testkit.internal.databricks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Answers {@code DESCRIBE} statements: the rows and columns each object type shows, as the SQL reference documents. */
final class SqlDescribe {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final WorkspaceContext ctx;

    SqlDescribe(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    /** Describes an object the caller may see, as {@code DESCRIBE [EXTENDED] <type> <name>} answers. */
    SqlResult describe(Securable s, boolean extended) {
        Caller caller = ctx.caller();
        List<List<String>> rows = new ArrayList<>();
        switch (s.type()) {
            case "catalog" -> {
                UnityCatalog.Catalog c = ctx.uc().catalog(caller, s.fullName());
                rows.add(Arrays.asList("Catalog Name", c.name));
                rows.add(Arrays.asList("Comment", c.comment));
                rows.add(Arrays.asList("Owner", c.owner));
                rows.add(Arrays.asList("Catalog Type", "Regular"));
            }
            case "schema" -> {
                return describeSchema(ctx.uc().schema(caller, s.fullName()), extended);
            }
            case "external_location" -> {
                return describeLocation(ctx.uc().storage().location(caller, s.fullName()));
            }
            case "storage_credential" -> {
                UcStorage.Credential c = ctx.uc().storage().credential(caller, s.fullName());
                rows.add(Arrays.asList("name", c.name));
                rows.add(Arrays.asList("comment", c.comment));
                rows.add(Arrays.asList("owner", c.owner));
                rows.add(Arrays.asList("read_only", Boolean.toString(c.readOnly)));
            }
            case "table" -> {
                return describeTable(ctx.uc().readableTable(caller, s.fullName()));
            }
            default -> throw ApiException.invalid("DESCRIBE " + s.sqlType() + " is not supported by the fake.");
        }
        return SqlResult.strings(List.of("info_name", "info_value"), rows);
    }

    /**
     * DESCRIBE EXTERNAL LOCATION answers one row of named columns, as documented (name, url, credential_name, owner,
     * created_by, created_at, comment); read_only is not among them.
     */
    private static SqlResult describeLocation(UcStorage.Location l) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Arrays.asList(l.name, l.url, l.credentialName, l.owner, l.owner, timestamp(l.createdAt), l.comment));
        return SqlResult.strings(List.of("name", "url", "credential_name", "owner", "created_by", "created_at",
                "comment"), rows);
    }

    /** DESCRIBE TABLE answers one row per column: name, lower-case type and an empty comment. */
    private static SqlResult describeTable(UnityCatalog.Table t) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < t.columnNames().size(); i++) {
            rows.add(Arrays.asList(t.columnNames().get(i), t.columnTypes().get(i).toLowerCase(Locale.ROOT), null));
        }
        return SqlResult.strings(List.of("col_name", "data_type", "comment"), rows);
    }

    /**
     * DESCRIBE SCHEMA answers rows of {@code database_description_item} / {@code database_description_value}, as the
     * SQL reference documents; the items are those a Unity Catalog schema shows (catalog and namespace name, comment,
     * location, owner), with EXTENDED also its properties.
     */
    private static SqlResult describeSchema(UnityCatalog.Schema schema, boolean extended) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Arrays.asList("Catalog Name", schema.catalog));
        rows.add(Arrays.asList("Namespace Name", schema.name));
        rows.add(Arrays.asList("Comment", schema.comment));
        rows.add(Arrays.asList("Location", schema.storageRoot));
        rows.add(Arrays.asList("Owner", schema.owner));
        if (extended) {
            rows.add(Arrays.asList("Properties", "()"));
        }
        return SqlResult.strings(List.of("database_description_item", "database_description_value"), rows);
    }

    private static String timestamp(long epochMillis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
    }
}
