package dev.lakesetup.testkit.sql;

/** Skips what the service's lexer hides from the parser: whitespace, line comments and block comments. */
final class Trivia {

    private Trivia() {
    }

    /**
     * Returns the offset of the first character at or after {@code pos} that is not whitespace or part of a
     * comment. A {@code /*+} opens an optimizer hint, not a comment, and is left for the lexer.
     */
    static int skip(String sql, int pos) {
        int i = pos;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                i = lineCommentEnd(sql, i + 2);
            } else if (sql.startsWith("/*", i) && !sql.startsWith("/*+", i)) {
                i = blockCommentEnd(sql, i);
            } else {
                return i;
            }
        }
        return i;
    }

    /**
     * A line comment runs to the end of the line; as in the service, a backslash right before a line feed
     * continues the comment onto the next line.
     */
    private static int lineCommentEnd(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && i + 1 < sql.length() && sql.charAt(i + 1) == '\n') {
                i += 2;
            } else if (c == '\r' || c == '\n') {
                break;
            } else {
                i++;
            }
        }
        if (i < sql.length() && sql.charAt(i) == '\r') {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    /** Block comments nest, as in the service; an unclosed one is an error. */
    private static int blockCommentEnd(String sql, int start) {
        int depth = 1;
        int i = start + 2;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i) && !sql.startsWith("/*+", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw SqlParseException.of(sql, "UNCLOSED_BRACKETED_COMMENT",
                "Found an unclosed bracketed comment. Please, append */ at the end of the comment.", start);
    }

    /** The whitespace set of the service's lexer, including no-break and other Unicode spaces. */
    static boolean isWhitespace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\f', '\r', '\u000B', '\u00A0', '\u1680', '\u2028', '\u202F', '\u205F',
                 '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}
