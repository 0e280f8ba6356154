package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;

/**
 * A secret value (an OAuth secret, a client secret) that prints masked everywhere: {@code toString()} is
 * {@code ****}. Only {@link #reveal()} returns the value; call it where the secret must leave the process.
 */
public final class Secret {
    /** What a secret looks like in plans, logs, reports and messages. */
    public static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret, not empty
     * @return the secret
     * @throws InvalidInputException (with the value masked) if it is null or empty
     */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw InvalidInputException.ofSecret("secret", "it is empty", "a non-empty secret");
        }
        return new Secret(value);
    }

    /**
     * Returns the secret in clear text. Never log it.
     *
     * @return the value
     */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
