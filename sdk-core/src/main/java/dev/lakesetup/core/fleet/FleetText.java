package dev.lakesetup.core.fleet;

import dev.lakesetup.core.exception.ServiceText;

/** Makes the one-line text of a fleet report line: escaped once, then cut to {@link #MAX_SUMMARY} characters. */
final class FleetText {
    /** The most characters a line's summary keeps before its ellipsis. */
    static final int MAX_SUMMARY = 500;
    /** What ends a summary that was cut. */
    static final String ELLIPSIS = "...";

    private FleetText() {
    }

    /**
     * Escapes the text ({@link ServiceText#escape(String)}) and cuts it to {@link #MAX_SUMMARY} characters with an
     * ellipsis, never between the two halves of a surrogate pair.
     */
    static String summary(String text) {
        String escaped = ServiceText.escape(text);
        if (escaped.length() <= MAX_SUMMARY) {
            return escaped;
        }
        int end = Character.isHighSurrogate(escaped.charAt(MAX_SUMMARY - 1)) ? MAX_SUMMARY - 1 : MAX_SUMMARY;
        return escaped.substring(0, end) + ELLIPSIS;
    }

    /** Tells whether the text is already safe for a line: no character {@link ServiceText#escape} would escape. */
    static boolean isSafe(String text) {
        return text.chars().noneMatch(c -> ServiceText.isUnsafe((char) c));
    }
}
