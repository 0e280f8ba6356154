package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.exception.InvalidInputException;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes names for use as one path segment: the Databricks SDK puts path parameters into the URL as given,
 * so a legal Unity Catalog name such as {@code a#b} or {@code a?b} would otherwise address another resource.
 */
public final class PathNames {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathNames() {
    }

    /**
     * Encodes a name so that it travels as exactly one path segment: every byte of its UTF-8 form other than
     * letters, digits, {@code -}, {@code .}, {@code _} and {@code ~} is written as {@code %XX}.
     *
     * @param field what the name is, for the error message
     * @param name the name
     * @return the encoded segment
     * @throws InvalidInputException if the name is empty or contains a character no service accepts in a name
     */
    public static String segment(String field, String name) {
        if (name == null || name.isEmpty()) {
            throw InvalidInputException.of(field, name, "it is empty", "a non-empty name");
        }
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x20 || c == 0x7f) {
                throw InvalidInputException.of(field, name, "contains a control character",
                        "a name without control characters");
            }
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
