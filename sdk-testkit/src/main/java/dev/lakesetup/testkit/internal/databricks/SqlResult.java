package dev.lakesetup.testkit.internal.databricks;

import java.util.ArrayList;
import java.util.List;

/**
 * The tabular result of a statement.
 *
 * @param columnNames column names
 * @param columnTypes column type names (STRING, INT, ...)
 * @param rows rows of text values (null for SQL NULL)
 */
public record SqlResult(List<String> columnNames, List<String> columnTypes, List<List<String>> rows) {

    /** A result without columns (DDL, GRANT, SET, USE). */
    public static final SqlResult EMPTY = new SqlResult(List.of(), List.of(), List.of());

    /** Returns a result whose columns are all STRING. */
    public static SqlResult strings(List<String> names, List<List<String>> rows) {
        List<String> types = new ArrayList<>();
        names.forEach(n -> types.add("STRING"));
        return new SqlResult(names, types, rows);
    }
}
