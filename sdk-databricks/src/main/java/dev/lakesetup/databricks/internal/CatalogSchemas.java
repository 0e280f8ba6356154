package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.exception.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, from one bounded list of a catalog's schemas, whether a catalog delete may start: only when no schema
 * other than the service's own {@code default} and {@code information_schema} remains. Otherwise the delete is
 * refused before anything is dropped, naming a schema that holds data.
 */
public final class CatalogSchemas {
    /** The most schemas one list asks for; a catalog with more is refused without a second page. */
    public static final int MAX = 50;

    private static final Set<String> SERVICE_OWN = Set.of(RestCatalogs.DEFAULT_SCHEMA, "information_schema");

    private CatalogSchemas() {
    }

    /**
     * Checks the listed schemas of a catalog before its delete.
     *
     * @param catalog the catalog name
     * @param schemas the schema names listed (short names), at most {@link #MAX}
     * @param more whether the service said there are more than were listed
     * @return whether the catalog holds a {@code default} schema, which must be dropped (without force) first
     * @throws ServiceException when the catalog holds any other schema: nothing was changed
     */
    public static boolean checkDeletable(String catalog, List<String> schemas, boolean more) {
        for (String schema : schemas) {
            if (!SERVICE_OWN.contains(schema.toLowerCase(java.util.Locale.ROOT))) {
                throw refusal(catalog, "it holds schema " + catalog + "." + schema);
            }
        }
        if (more) {
            throw refusal(catalog, "it holds more schemas than one list of " + MAX + " shows");
        }
        return schemas.stream().anyMatch(s -> s.equalsIgnoreCase(RestCatalogs.DEFAULT_SCHEMA));
    }

    /**
     * Lists a catalog's schemas with {@code SHOW SCHEMAS IN} (its first {@link #MAX} rows) and checks them.
     *
     * @param rows runs the query
     * @param catalog the catalog name
     * @return whether the catalog holds a {@code default} schema, which must be dropped first; {@code false} when
     *     the catalog is gone
     * @throws ServiceException when the catalog holds any other schema: nothing was changed
     */
    public static boolean checkDeletable(SqlRows rows, String catalog) {
        String sql = "SHOW SCHEMAS IN `" + catalog.replace("`", "``") + "`";
        List<Map<String, String>> listed = rows.queryIfExists("list schemas of catalog " + catalog, sql)
                .orElse(List.of());
        List<String> names = new ArrayList<>();
        for (Map<String, String> row : listed.subList(0, Math.min(MAX, listed.size()))) {
            String name = row.get("databasename");
            if (name != null) {
                names.add(name);
            }
        }
        return checkDeletable(catalog, names, listed.size() > MAX);
    }

    private static ServiceException refusal(String catalog, String why) {
        return ServiceException.builder(ServiceException.Failure.FATAL, "delete catalog " + catalog
                + ": refused, the catalog is not empty: " + why + "; nothing was changed. Drop or move its "
                + "schemas first").build();
    }
}
