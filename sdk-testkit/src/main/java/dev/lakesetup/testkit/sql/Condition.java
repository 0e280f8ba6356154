package dev.lakesetup.testkit.sql;

import java.util.List;
import java.util.Objects;

/**
 * One condition of a {@code WHERE} clause: {@code column = 'v'}, {@code column IN ('v', ...)},
 * {@code column IS NULL} or {@code column IS NOT NULL}.
 *
 * @param column the column name, lower-case
 * @param op     the comparison
 * @param values the string values compared with: one for {@link Op#EQ}, one or more for {@link Op#IN}, none for
 *               {@link Op#IS_NULL} and {@link Op#IS_NOT_NULL}
 */
public record Condition(String column, Op op, List<String> values) {

    /**
     * Creates the condition, copying {@code values}.
     *
     * @param column the column name, lower-case
     * @param op the comparison
     * @param values the string values compared with: one for {@link Op#EQ}, one or more for {@link Op#IN}, none for {@link Op#IS_NULL} and {@link Op#IS_NOT_NULL}
     */
    public Condition {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(op, "op");
        values = List.copyOf(values);
    }

    /** The comparison a {@link Condition} makes. */
    public enum Op {
        /** {@code column = 'value'}. */
        EQ,
        /** {@code column IN ('value', ...)}. */
        IN,
        /** {@code column IS NULL}. */
        IS_NULL,
        /** {@code column IS NOT NULL}. */
        IS_NOT_NULL
    }
}
