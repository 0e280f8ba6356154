package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.exception.InvalidInputException;
import java.net.URI;
import java.time.Duration;

/** Checks the URLs and durations the workspace builder is given, naming the field and what would be accepted. */
public final class HostUrls {
    private HostUrls() {
    }

    /**
     * Checks a duration of at least one second.
     *
     * @param field the builder field, for the message
     * @param value the duration
     * @return the duration
     */
    public static Duration atLeastOneSecond(String field, Duration value) {
        if (value == null || value.toSeconds() < 1) {
            throw InvalidInputException.of(field, String.valueOf(value), "it is under one second",
                    "a duration of at least one second");
        }
        return value;
    }

    /**
     * Checks and normalises a workspace or account URL: {@code https://} is added when no scheme is given, and a
     * trailing slash is dropped.
     *
     * @param field the builder field, for the message
     * @param value the URL
     * @return the URL
     */
    public static String url(String field, String value) {
        String accepted = "an https URL such as https://adb-123.4.azuredatabricks.net (http only for a loopback "
                + "fake with plainHttpForTesting())";
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, value, "it is empty", accepted);
        }
        String text = value.trim();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, value, "it is not a URL", accepted);
        }
        if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw InvalidInputException.of(field, value, "it is not an http(s) URL with a host", accepted);
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
