package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A cloud storage URL Unity Catalog can use: {@code abfss://container@account.dfs.core.windows.net/path},
 * {@code s3://bucket/path}, {@code gs://bucket/path} or {@code r2://bucket@account.r2.cloudflarestorage.com/path}.
 * A trailing slash is dropped, so {@code .../x/} and {@code .../x} are the same location.
 *
 * @param value the URL without a trailing slash
 */
public record StorageUrl(String value) {
    private static final Pattern SHAPE = Pattern.compile("(abfss|s3|gs|r2)://[^/\\s]+(/[^\\s]*)?");
    private static final String ACCEPTED = "abfss://container@account.dfs.core.windows.net[/path], "
            + "s3://bucket[/path], gs://bucket[/path] or r2://bucket@account.r2.cloudflarestorage.com[/path], "
            + "without whitespace or control characters";

    /**
     * Validates the URL and drops a trailing slash.
     *
     * @param value the URL without a trailing slash
     */
    public StorageUrl {
        if (value == null || !SHAPE.matcher(value).matches() || value.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("storage URL", value, "it is not a cloud storage URL", ACCEPTED);
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
    }

    /**
     * Validates a storage URL.
     *
     * @param value the URL
     * @return the storage URL
     */
    public static StorageUrl of(String value) {
        return new StorageUrl(value);
    }

    /**
     * Tells whether this URL is the other one or lies below it.
     *
     * @param other a possibly enclosing location
     * @return {@code true} if this URL is within {@code other}
     */
    public boolean isWithin(StorageUrl other) {
        String mine = value.toLowerCase(Locale.ROOT);
        String theirs = other.value.toLowerCase(Locale.ROOT);
        return mine.equals(theirs) || mine.startsWith(theirs + "/");
    }

    @Override
    public String toString() {
        return value;
    }
}
