package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Locale;

/**
 * One part of a Unity Catalog name (a catalog, a schema, a table, a credential, a location), validated by the
 * service's rules and compared case-insensitively, because the service stores names in lower case.
 *
 * <p>Accepted: 1 to 255 characters with no {@code .}, space, {@code /}, control character or DEL. Anything else
 * (a backtick, a quote, a semicolon, unicode) is allowed by the service and therefore here; renderers quote it.
 * {@link #value()} keeps the spelling the caller used.
 */
public final class Identifier implements Comparable<Identifier> {
    /** The longest name Unity Catalog accepts. */
    public static final int MAX_LENGTH = 255;

    static final String ACCEPTED = "1 to " + MAX_LENGTH
            + " characters without '.', space, '/', control characters or DEL";

    private final String value;
    private final String key;
    private final int hash;

    private Identifier(String value) {
        this.value = value;
        this.key = value.toLowerCase(Locale.ROOT);
        this.hash = mix(key.hashCode());
    }

    /**
     * Spreads the bits of a hash code over all 32 bits (the finalizer of MurmurHash3), so that names that differ
     * only in a trailing number, and names combined from such parts, land in different buckets.
     */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /**
     * Validates one name part.
     *
     * @param field how the caller knows the field, used in the error message (e.g. {@code "catalog name"})
     * @param value the name as given
     * @return the identifier
     * @throws InvalidInputException if the value breaks Unity Catalog's naming rules
     */
    public static Identifier of(String field, String value) {
        if (value == null) {
            throw InvalidInputException.of(field, null, "it is required", ACCEPTED);
        }
        if (value.isEmpty()) {
            throw InvalidInputException.of(field, value, "it is empty", ACCEPTED);
        }
        if (value.length() > MAX_LENGTH) {
            throw InvalidInputException.of(field, value, "it has " + value.length() + " characters", ACCEPTED);
        }
        for (int i = 0; i < value.length(); i++) {
            String problem = problemWith(value.charAt(i));
            if (problem != null) {
                throw InvalidInputException.of(field, value, "contains " + problem + " at index " + i, ACCEPTED);
            }
        }
        return new Identifier(value);
    }

    private static String problemWith(char c) {
        if (c == '.') {
            return "'.'";
        } else if (c == ' ') {
            return "a space";
        } else if (c == '/') {
            return "'/'";
        } else if (c == 0x7f) {
            return "DEL";
        } else if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return String.format("control or whitespace character \\u%04x", (int) c);
        }
        return null;
    }

    /**
     * Returns the name as the caller spelled it.
     *
     * @return the name
     */
    public String value() {
        return value;
    }

    /**
     * Returns the name as the service stores it: lower case.
     *
     * @return the lower-case name
     */
    public String normalized() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identifier other && hash == other.hash && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Identifier other) {
        return key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return value;
    }
}
