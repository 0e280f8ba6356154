package dev.lakesetup.databricks.internal.validation;

import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Identifier;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.TableName;

/**
 * The statements validation runs, with names quoted, and the readable names of the checks that run them.
 * sdk-core's renderer has no {@code SHOW SCHEMAS}, so quoting for these statements happens here, in one place.
 */
public final class ValidationSql {
    /** How many rows the sample read asks for, as the setup guide does. */
    public static final int SAMPLE_ROWS = 10;

    private ValidationSql() {
    }

    /**
     * Renders {@code SHOW SCHEMAS IN `catalog`}.
     *
     * @param catalog the catalog
     * @return the statement
     */
    public static String showSchemas(CatalogName catalog) {
        return "SHOW SCHEMAS IN " + quoted(catalog);
    }

    /**
     * Renders {@code SELECT * FROM `catalog`.`schema`.`table` LIMIT 10}.
     *
     * @param table the table
     * @return the statement
     */
    public static String selectSample(TableName table) {
        return "SELECT * FROM " + quoted(table) + " LIMIT " + SAMPLE_ROWS;
    }

    /**
     * Names the {@code SHOW SCHEMAS} check for people: {@code SHOW SCHEMAS IN sales}.
     *
     * @param catalog the catalog
     * @return the check name
     */
    public static String showSchemasCheck(CatalogName catalog) {
        return "SHOW SCHEMAS IN " + catalog.fullName();
    }

    /**
     * Names the sample-read check for people: {@code SELECT * FROM sales.raw.orders LIMIT 10}.
     *
     * @param table the table
     * @return the check name
     */
    public static String selectSampleCheck(TableName table) {
        return "SELECT * FROM " + table.fullName() + " LIMIT " + SAMPLE_ROWS;
    }

    private static String quoted(Securable securable) {
        StringBuilder out = new StringBuilder();
        for (Identifier part : securable.parts()) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(quote(part.value()));
        }
        return out.toString();
    }

    /** The one place validation quotes an identifier: backticks around it, an embedded backtick doubled. */
    private static String quote(String name) {
        return '`' + name.replace("`", "``") + '`';
    }
}
