package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of Unity Catalog objects privileges can be granted on. */
public enum SecurableType {
    /** The metastore attached to the workspace. */
    METASTORE("metastore", "METASTORE"),
    /** A catalog. */
    CATALOG("catalog", "CATALOG"),
    /** A schema inside a catalog. */
    SCHEMA("schema", "SCHEMA"),
    /** A table or view inside a schema. */
    TABLE("table", "TABLE"),
    /** A storage credential. */
    STORAGE_CREDENTIAL("storage_credential", "STORAGE CREDENTIAL"),
    /** An external location. */
    EXTERNAL_LOCATION("external_location", "EXTERNAL LOCATION");

    private final String apiName;
    private final String sqlName;

    SecurableType(String apiName, String sqlName) {
        this.apiName = apiName;
        this.sqlName = sqlName;
    }

    /**
     * Returns the lower-case name the REST API uses in paths, e.g. {@code storage_credential}.
     *
     * @return the API name
     */
    public String apiName() {
        return apiName;
    }

    /**
     * Returns the keyword SQL uses, e.g. {@code STORAGE CREDENTIAL}.
     *
     * @return the SQL keyword
     */
    public String sqlName() {
        return sqlName;
    }

    /**
     * Parses a securable type in either spelling, case-insensitively ({@code external_location},
     * {@code EXTERNAL LOCATION}).
     *
     * @param text the type name
     * @return the type
     * @throws InvalidInputException if the text names no type
     */
    public static SecurableType parse(String text) {
        InvalidInputException.requireNonNull(text, "securable type");
        String wanted = text.trim().replace(' ', '_').toLowerCase(Locale.ROOT);
        for (SecurableType type : values()) {
            if (type.apiName.equals(wanted)) {
                return type;
            }
        }
        throw InvalidInputException.of("securable type", text, "it names no securable type",
                Arrays.stream(values()).map(SecurableType::apiName).collect(Collectors.joining(", ")));
    }
}
