package dev.lakesetup.testkit.internal.databricks;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Unity Catalog privileges in the REST spelling ({@code USE_CATALOG}), which apply to which securable type, and the
 * legacy names the service maps ({@code USAGE}, {@code CREATE}).
 */
public final class Privileges {

    /** All privileges (applies to every type that has privileges). */
    public static final String ALL = "ALL_PRIVILEGES";

    private static final Set<String> CATALOG = Set.of(ALL, "APPLY_TAG", "BROWSE", "CREATE_FUNCTION",
            "CREATE_MATERIALIZED_VIEW", "CREATE_MODEL", "CREATE_SCHEMA", "CREATE_TABLE", "CREATE_VOLUME",
            "CREATE_VIEW", "EXECUTE", "MANAGE", "MODIFY", "READ_VOLUME", "REFRESH", "SELECT", "USE_CATALOG",
            "USE_SCHEMA", "WRITE_VOLUME", "EXTERNAL_USE_SCHEMA");
    private static final Set<String> SCHEMA = Set.of(ALL, "APPLY_TAG", "CREATE_FUNCTION", "CREATE_MATERIALIZED_VIEW",
            "CREATE_MODEL", "CREATE_TABLE", "CREATE_VOLUME", "CREATE_VIEW", "EXECUTE", "MANAGE", "MODIFY",
            "READ_VOLUME", "REFRESH", "SELECT", "USE_SCHEMA", "WRITE_VOLUME", "EXTERNAL_USE_SCHEMA");
    private static final Set<String> TABLE = Set.of(ALL, "APPLY_TAG", "MANAGE", "MODIFY", "SELECT", "REFRESH");
    private static final Set<String> EXTERNAL_LOCATION = Set.of(ALL, "BROWSE", "CREATE_EXTERNAL_TABLE",
            "CREATE_EXTERNAL_VOLUME", "CREATE_FOREIGN_SECURABLE", "CREATE_MANAGED_STORAGE", "MANAGE", "READ_FILES",
            "WRITE_FILES");
    private static final Set<String> STORAGE_CREDENTIAL = Set.of(ALL, "CREATE_EXTERNAL_LOCATION",
            "CREATE_EXTERNAL_TABLE", "MANAGE", "READ_FILES", "WRITE_FILES");
    private static final Set<String> METASTORE = Set.of("CREATE_CATALOG", "CREATE_CONNECTION",
            "CREATE_EXTERNAL_LOCATION", "CREATE_PROVIDER", "CREATE_RECIPIENT", "CREATE_SHARE",
            "CREATE_STORAGE_CREDENTIAL", "MANAGE_ALLOWLIST", "SET_SHARE_PERMISSION", "USE_MARKETPLACE_ASSETS",
            "USE_PROVIDER", "USE_RECIPIENT", "USE_SHARE");
    private static final Map<String, Set<String>> BY_TYPE = Map.of("catalog", CATALOG, "schema", SCHEMA,
            "table", TABLE, "external_location", EXTERNAL_LOCATION, "storage_credential", STORAGE_CREDENTIAL,
            "metastore", METASTORE);

    private Privileges() {
    }

    /** Returns whether the securable type has privileges in this fake. */
    public static boolean supportsType(String type) {
        return BY_TYPE.containsKey(type);
    }

    /**
     * Normalises a privilege as the service does: upper case, spaces to underscores, legacy names mapped for the
     * securable type; 400 INVALID_PARAMETER_VALUE when unknown or not applicable to the type.
     */
    public static String normalise(String securableType, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalid("Privilege must not be empty");
        }
        String p = raw.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "_");
        if (p.equals("USAGE")) {
            p = switch (securableType) {
                case "catalog" -> "USE_CATALOG";
                case "schema" -> "USE_SCHEMA";
                default -> p;
            };
        } else if (p.equals("CREATE")) {
            p = switch (securableType) {
                case "catalog" -> "CREATE_SCHEMA";
                case "schema" -> "CREATE_TABLE";
                default -> p;
            };
        }
        boolean known = BY_TYPE.values().stream().anyMatch(s -> s.contains(raw.trim().toUpperCase(Locale.ROOT)
                .replaceAll("\\s+", "_"))) || p.equals("USE_CATALOG") || p.equals("USE_SCHEMA")
                || p.equals("CREATE_SCHEMA") || p.equals("CREATE_TABLE");
        if (!known) {
            throw ApiException.invalid("Privilege " + raw.trim() + " is not a valid privilege.");
        }
        Set<String> allowed = BY_TYPE.get(securableType);
        if (allowed == null || !allowed.contains(p)) {
            throw ApiException.invalid("Privilege " + p + " is not applicable to this entity [" + securableType
                    + "]. If this seems unexpected, please check the privilege version used.");
        }
        return p;
    }

    /** Returns the SQL spelling of a privilege ({@code USE CATALOG}). */
    public static String toSql(String privilege) {
        return privilege.replace('_', ' ');
    }
}
