package dev.lakesetup.core.plan;

import dev.lakesetup.core.exception.InvalidInputException;

/**
 * Identifies a change within a plan. Ids are stable: planning the same blueprint twice gives the same ids,
 * e.g. {@code catalog:sales}, {@code grant:catalog:sales}, {@code revoke:schema:sales.eu}.
 *
 * @param value the id text
 */
public record ChangeId(String value) implements Comparable<ChangeId> {
    /**
     * Checks the value.
     *
     * @param value the id text
     */
    public ChangeId {
        InvalidInputException.requireNonNull(value, "change id");
    }

    /**
     * Creates an id.
     *
     * @param value the id text
     * @return the id
     */
    public static ChangeId of(String value) {
        return new ChangeId(value);
    }

    @Override
    public int compareTo(ChangeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
