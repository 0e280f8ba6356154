package dev.lakesetup.testkit.sql;

/** Recognises the numeric literals of the service's lexer: integers, decimals, exponents and type suffixes. */
final class Numbers {

    private Numbers() {
    }

    /**
     * Returns the offset just past the numeric literal starting at {@code start}, or {@code start} when none does.
     * Forms: {@code 12}, {@code 12L|S|Y}, {@code 1.5}, {@code .5}, {@code 1.}, {@code 1e5}, {@code 1.5e-3}, with an
     * optional {@code F}, {@code D} or {@code BD} suffix. A literal with a decimal point must not be followed by a
     * letter, digit or underscore.
     */
    static int end(String sql, int start) {
        int intEnd = digits(sql, start);
        boolean hasInt = intEnd > start;
        if (at(sql, intEnd) == '.') {
            int fracEnd = digits(sql, intEnd + 1);
            if (hasInt || fracEnd > intEnd + 1) {
                int end = suffix(sql, exponent(sql, fracEnd), true);
                if (!isWordChar(at(sql, end))) {
                    return end;
                }
            }
        }
        if (!hasInt) {
            return start;
        }
        int exponentEnd = exponent(sql, intEnd);
        return suffix(sql, exponentEnd, exponentEnd > intEnd);
    }

    private static int suffix(String sql, int from, boolean fractional) {
        char c = Character.toUpperCase(at(sql, from));
        if (c == 'B' && Character.toUpperCase(at(sql, from + 1)) == 'D') {
            return from + 2;
        }
        if (c == 'F' || c == 'D' || !fractional && (c == 'L' || c == 'S' || c == 'Y')) {
            return from + 1;
        }
        return from;
    }

    private static int exponent(String sql, int from) {
        if (Character.toUpperCase(at(sql, from)) != 'E') {
            return from;
        }
        int i = from + 1;
        if (at(sql, i) == '+' || at(sql, i) == '-') {
            i++;
        }
        int end = digits(sql, i);
        return end > i ? end : from;
    }

    private static int digits(String sql, int from) {
        int i = from;
        while (SqlLexer.isDigit(at(sql, i))) {
            i++;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || SqlLexer.isDigit(c) || c == '_';
    }

    private static char at(String sql, int i) {
        return i < sql.length() ? sql.charAt(i) : '\0';
    }
}
