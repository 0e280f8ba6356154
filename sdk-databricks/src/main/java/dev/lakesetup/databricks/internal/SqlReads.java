package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.model.Identifier;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.render.UnityCatalogSql;
import dev.lakesetup.core.spi.ObservedGrants;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads live state with SQL: {@code DESCRIBE} for catalogs, schemas and external locations, and privileges in bulk
 * from the {@code system.information_schema} views (one query per securable type and chunk of names), with
 * {@code SHOW GRANTS} for the metastore and for securables whose every grant must be seen.
 */
public final class SqlReads {
    /** Names per {@code IN} list, so a large blueprint does not produce one enormous statement. */
    public static final int CHUNK = 200;

    private final UnityCatalogSql sql;

    /**
     * Creates the reader.
     *
     * @param sql the renderer
     */
    public SqlReads(UnityCatalogSql sql) {
        this.sql = sql;
    }

    /**
     * Reads a catalog, schema or external location with {@code DESCRIBE}.
     *
     * @param session runs the query
     * @param securable the catalog, schema or external location
     * @return the rows as items keyed in lower case with {@code _} for spaces ({@code comment}, {@code storage_root},
     *     {@code location}, {@code url}, {@code credential_name}, ...), or empty when the object does not exist
     */
    public Optional<Map<String, String>> describe(SqlRows session, Securable securable) {
        return session.queryIfExists("describe " + securable.type().apiName() + " " + securable.fullName(),
                sql.describe(securable)).map(SqlReads::keyValues);
    }

    /**
     * Returns the comment of a DESCRIBE answer: DESCRIBE SCHEMA's documented example names it "Description", the
     * service also answers "Comment".
     *
     * @param info the items
     * @return the comment, or {@code null} when absent or empty
     */
    public static String comment(Map<String, String> info) {
        return nonEmpty(info.containsKey("comment") ? info.get("comment") : info.get("description"));
    }

    /**
     * Returns a schema's managed location from a DESCRIBE SCHEMA answer: its storage root when shown, else the
     * {@code Location} row (see {@link #schemaLocation}).
     *
     * @param info the items
     * @param declared the declared schema
     * @return the location, or {@code null}
     */
    public static String schemaRoot(Map<String, String> info, Schema declared) {
        return info.containsKey("storage_root") ? nonEmpty(info.get("storage_root"))
                : schemaLocation(declared, info.get("location"));
    }

    /**
     * Returns an external location's read-only flag: from the DESCRIBE answer when it has one, else from
     * {@code information_schema.external_locations}, since DESCRIBE does not document it.
     *
     * @param session runs the query when needed
     * @param location the external location
     * @param info the DESCRIBE items
     * @return the flag as text, or {@code null}
     */
    public String readOnly(SqlRows session, Securable location, Map<String, String> info) {
        if (info.containsKey("read_only")) {
            return info.get("read_only");
        }
        List<Map<String, String>> rows = session.query("read external location " + location.fullName(),
                sql.selectReadOnly(location));
        return rows.isEmpty() ? null : rows.get(0).get("read_only");
    }

    /**
     * Returns an item of a DESCRIBE answer, {@code null} when absent or empty.
     *
     * @param info the items
     * @param item the item's key
     * @return the value
     */
    public static String item(Map<String, String> info, String item) {
        return nonEmpty(info.get(item));
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Splits securables into the units of one read each: one for each securable read alone ({@code SHOW GRANTS}:
     * the metastore, and those {@code alone} picks), and per securable type chunks of at most {@link #CHUNK} names
     * for the {@code information_schema} views.
     *
     * @param securables the securables
     * @param alone tells which must be read alone, in full
     * @return the units, singletons first, in the order met
     */
    public static List<List<Securable>> batches(List<? extends Securable> securables, Predicate<Securable> alone) {
        List<List<Securable>> out = new ArrayList<>();
        Map<SecurableType, List<Securable>> byType = new EnumMap<>(SecurableType.class);
        for (Securable securable : securables) {
            if (securable.type() == SecurableType.METASTORE || alone.test(securable)) {
                out.add(List.of(securable));
            } else {
                byType.computeIfAbsent(securable.type(), t -> new ArrayList<>()).add(securable);
            }
        }
        byType.values().forEach(ofType -> {
            for (int from = 0; from < ofType.size(); from += CHUNK) {
                out.add(List.copyOf(ofType.subList(from, Math.min(ofType.size(), from + CHUNK))));
            }
        });
        return out;
    }

    /**
     * Reads a schema's managed location from DESCRIBE SCHEMA's {@code Location} row, which shows where the schema's
     * managed tables go: the declared managed location or a folder the service made beneath it. A location at or
     * beneath the declared one is reported as the declared one; any other is reported as shown.
     */
    static String schemaLocation(Schema schema, String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String shown = location.trim();
        Optional<String> declared = schema.managedLocation().map(url -> url.value());
        if (declared.isPresent()) {
            String root = stripSlash(declared.get());
            String live = stripSlash(shown);
            if (live.equals(root) || live.startsWith(root + "/")) {
                return declared.get();
            }
        }
        return shown;
    }

    private static String stripSlash(String url) {
        String out = url.trim();
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    /**
     * Reads every principal's direct privileges on securables, in bulk: the {@code information_schema} views for
     * most, {@code SHOW GRANTS ON} one by one for the metastore and for those that must be read in full (the views
     * show a caller that is neither the owner nor a metastore admin only its own grants; {@code SHOW GRANTS} shows
     * every grant to an owner, an admin or a holder of MANAGE).
     *
     * @param session runs the queries
     * @param securables the securables
     * @param complete tells which securables must be read in full
     * @return the privileges per securable that has any
     */
    public Map<Securable, List<PrincipalPrivileges>> grants(SqlRows session,
            List<? extends Securable> securables, Predicate<Securable> complete) {
        Map<SecurableType, List<Securable>> byType = new EnumMap<>(SecurableType.class);
        List<Securable> oneByOne = new ArrayList<>();
        for (Securable securable : securables) {
            if (securable.type() == SecurableType.METASTORE || complete.test(securable)) {
                oneByOne.add(securable);
            } else {
                byType.computeIfAbsent(securable.type(), t -> new ArrayList<>()).add(securable);
            }
        }
        Map<Securable, Map<String, Set<Privilege>>> held = new LinkedHashMap<>();
        oneByOne.forEach(s -> showGrants(session, s, held));
        byType.forEach((type, ofType) -> {
            for (int from = 0; from < ofType.size(); from += CHUNK) {
                fromView(session, type, ofType.subList(from, Math.min(ofType.size(), from + CHUNK)), held);
            }
        });
        Map<Securable, List<PrincipalPrivileges>> out = new LinkedHashMap<>();
        held.forEach((securable, principals) -> {
            List<PrincipalPrivileges> list = new ArrayList<>();
            principals.forEach((name, privileges) -> {
                if (!privileges.isEmpty()) {
                    list.add(PrincipalPrivileges.of(ObservedGrants.principalOf(name), privileges));
                }
            });
            if (!list.isEmpty()) {
                out.put(securable, list);
            }
        });
        return out;
    }

    private void fromView(SqlRows session, SecurableType type, List<Securable> securables,
            Map<Securable, Map<String, Set<Privilege>>> held) {
        List<String> columns = UnityCatalogSql.privilegeViewColumns(type);
        Map<List<String>, Securable> wanted = new LinkedHashMap<>();
        for (Securable securable : securables) {
            wanted.put(key(securable.parts()), securable);
        }
        List<Map<String, String>> rows = session.query("read " + type.apiName() + " privileges",
                sql.selectPrivileges(type, securables));
        for (Map<String, String> row : rows) {
            if (!isDirect(row.get("inherited_from"))) {
                continue;
            }
            List<String> name = new ArrayList<>(columns.size());
            columns.forEach(c -> name.add(lower(row.get(c))));
            Securable securable = wanted.get(name);
            if (securable != null) {
                add(held, securable, row.get("grantee"), row.get("privilege_type"));
            }
        }
    }

    /**
     * Reads one securable with {@code SHOW GRANTS ON}, whose documented columns are {@code principal},
     * {@code actionType}, {@code objectType} and {@code objectKey} (compared without regard to case). Its rows include
     * privileges inherited from the parents, told apart by their object type; ownership ({@code OWN}) is not a
     * privilege that a REVOKE takes away.
     */
    private void showGrants(SqlRows session, Securable securable,
            Map<Securable, Map<String, Set<Privilege>>> held) {
        List<Map<String, String>> rows = session.queryIfExists("show grants on " + securable.type().apiName(),
                sql.showGrants(securable)).orElse(List.of());
        for (Map<String, String> row : rows) {
            String action = column(row, "actionType");
            if (isOwnType(securable.type(), column(row, "objectType")) && !"OWN".equalsIgnoreCase(trim(action))) {
                add(held, securable, column(row, "principal"), action);
            }
        }
    }

    /** Returns a column's value, the name compared without regard to case. */
    private static String column(Map<String, String> row, String name) {
        String value = row.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            for (Map.Entry<String, String> entry : row.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
        }
        return value;
    }

    /** Tells whether a SHOW GRANTS row's object type is the securable's own (a schema may be shown as DATABASE). */
    private static boolean isOwnType(SecurableType type, String objectType) {
        if (objectType == null || objectType.isBlank()) {
            return true;
        }
        String spelled = objectType.trim().replace('_', ' ');
        return spelled.equalsIgnoreCase(type.sqlName())
                || (type == SecurableType.SCHEMA && spelled.equalsIgnoreCase("DATABASE"));
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static void add(Map<Securable, Map<String, Set<Privilege>>> held, Securable securable, String grantee,
            String privilege) {
        if (grantee == null || grantee.isBlank()) {
            return;
        }
        UcGrants.parse(privilege, securable.type()).ifPresent(p -> held
                .computeIfAbsent(securable, s -> new LinkedHashMap<>())
                .computeIfAbsent(grantee, g -> new LinkedHashSet<>()).add(p));
    }

    private static boolean isDirect(String inheritedFrom) {
        return inheritedFrom == null || inheritedFrom.isBlank() || inheritedFrom.equalsIgnoreCase("NONE");
    }

    private static List<String> key(List<Identifier> parts) {
        List<String> out = new ArrayList<>(parts.size());
        parts.forEach(p -> out.add(p.normalized()));
        return out;
    }

    /**
     * Reads DESCRIBE output in its documented shapes: rows of ({@code info_name}, {@code info_value}) for
     * DESCRIBE CATALOG, rows of ({@code database_description_item}, {@code database_description_value}) for
     * DESCRIBE SCHEMA, or one row of named columns for DESCRIBE EXTERNAL LOCATION. Column and item names are compared
     * without regard to case; of repeated items the last wins.
     */
    private static Map<String, String> keyValues(List<Map<String, String>> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        String[] pair = pairColumns(rows.get(0));
        if (pair != null) {
            for (Map<String, String> row : rows) {
                String name = column(row, pair[0]);
                if (name != null) {
                    out.put(normalise(name), column(row, pair[1]));
                }
            }
        } else {
            rows.get(0).forEach((column, value) -> out.put(normalise(column), value));
        }
        return out;
    }

    /** The name and value columns of a DESCRIBE answer given as rows of pairs, or null for one row of columns. */
    private static String[] pairColumns(Map<String, String> first) {
        for (String[] pair : new String[][] {{"info_name", "info_value"},
                {"database_description_item", "database_description_value"}}) {
            if (first.keySet().stream().anyMatch(pair[0]::equalsIgnoreCase)) {
                return pair;
            }
        }
        return null;
    }

    private static String normalise(String key) {
        return key.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
