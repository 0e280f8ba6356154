package dev.lakesetup.core.exception;

/**
 * Escapes text that came from a service (or from anyone else lakesetup does not control) so it can be shown as data
 * in a plan rendering, an exception message, an outcome reason or a log line, and never acts as markup there.
 *
 * <p>This is the one place lakesetup makes such text printable. Every control character (C0 with line breaks and
 * tabs, DEL, C1; this covers the ANSI escape {@code ESC} and the single-character {@code CSI}), the Unicode line and
 * paragraph separators and the bidirectional formatting characters are shown as {@code \}{@code uXXXX}, a newline
 * as {@code \}{@code u000a}. The result holds no line break, so it cannot forge a log line, end a SQL
 * {@code --} comment or move a terminal's cursor. A backslash is left as it is, which makes escaping idempotent:
 * escaping an escaped text changes nothing. JSON renderings keep their own JSON escaping; SQL string literals and
 * identifiers keep {@link dev.lakesetup.core.render.UnityCatalogSql}'s quoting.
 */
public final class ServiceText {
    private static final int MAX_SHOWN = 80;

    private ServiceText() {
    }

    /**
     * Returns the text with every line break and control character shown as an escape.
     *
     * @param text the text, possibly {@code null}
     * @return the printable text, {@code "null"} for {@code null}, or the same instance when nothing needs escaping
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Tells whether a character is shown as an escape by {@link #escape(String)}.
     *
     * @param c the character
     * @return {@code true} for control characters, line and paragraph separators and bidirectional controls
     */
    public static boolean isUnsafe(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'
                || c == '\u200e' || c == '\u200f' || c == '\u061c'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * Quotes a value for a message: in single quotes, escaped as by {@link #escape(String)}, and shortened to its
     * first 80 characters (followed by {@code ...} and its length) when longer.
     *
     * @param value the value, possibly {@code null}
     * @return the quoted value, or {@code null} unquoted for {@code null}
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'")
                .append(escape(value.substring(0, Math.min(value.length(), MAX_SHOWN))));
        if (value.length() > MAX_SHOWN) {
            out.append("...");
        }
        out.append('\'');
        if (value.length() > MAX_SHOWN) {
            out.append(" (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
