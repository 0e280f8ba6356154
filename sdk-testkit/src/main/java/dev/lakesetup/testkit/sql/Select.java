package dev.lakesetup.testkit.sql;

import java.util.List;

/**
 * {@code SELECT * | column[, column...] FROM name [WHERE condition [AND condition...]] [LIMIT n]}.
 *
 * @param columns the selected columns, lower-case; {@code ["*"]} for a star
 * @param from    the table name parts as written, unquoted (1 to 3 parts)
 * @param where   the conditions, all of which must hold; empty when there is no {@code WHERE}
 * @param limit   the row limit, or {@code null} when absent
 */
public record Select(List<String> columns, List<String> from, List<Condition> where, Integer limit)
        implements Statement {

    /**
     * Creates the statement, copying the lists.
     *
     * @param columns the selected columns, lower-case; {@code ["*"]} for a star
     * @param from the table name parts as written, unquoted (1 to 3 parts)
     * @param where the conditions, all of which must hold; empty when there is no {@code WHERE}
     * @param limit the row limit, or {@code null} when absent
     */
    public Select {
        columns = List.copyOf(columns);
        from = List.copyOf(from);
        where = List.copyOf(where);
    }
}
