package dev.lakesetup.testkit.sql;

/** Decodes the body of a Spark SQL string literal (the text between its quotes). */
final class StringLiterals {

    private StringLiterals() {
    }

    /**
     * Unescapes a regular (not raw) literal body. A backslash introduces an escape: {@code \0 \b \n \r \t \Z},
     * {@code \\uXXXX}, {@code \\UXXXXXXXX}, a three-digit octal {@code \[01][0-7][0-7]}; {@code \%} and {@code \_} keep
     * their backslash (for LIKE patterns); a backslash before any other character yields that character. A quote
     * doubled inside the body is not an escape (the lexer never produces one).
     */
    static String unescape(String body) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == n) {
                out.append(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            if (e == 'u' && hex(body, i + 2, 4)) {
                out.append((char) Integer.parseInt(body, i + 2, i + 6, 16));
                i += 6;
            } else if (e == 'U' && hex(body, i + 2, 8)) {
                appendCodePoint(out, Long.parseLong(body, i + 2, i + 10, 16));
                i += 10;
            } else if (octal(body, i + 1)) {
                out.append((char) Integer.parseInt(body, i + 1, i + 4, 8));
                i += 4;
            } else {
                appendEscaped(out, e);
                i += 2;
            }
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char e) {
        switch (e) {
            case '0' -> out.append('\u0000');
            case 'b' -> out.append('\b');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'Z' -> out.append('\u001A');
            case '%' -> out.append("\\%");
            case '_' -> out.append("\\_");
            default -> out.append(e);
        }
    }

    private static void appendCodePoint(StringBuilder out, long codePoint) {
        if (codePoint < 0x10000) {
            out.append((char) codePoint);
        } else {
            // Mirrors the service: out-of-range values still produce a surrogate pair rather than an error.
            out.append((char) ((codePoint - 0x10000) / 0x400 + 0xD800));
            out.append((char) ((codePoint - 0x10000) % 0x400 + 0xDC00));
        }
    }

    private static boolean hex(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static boolean octal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        char a = s.charAt(from);
        return (a == '0' || a == '1') && isOctal(s.charAt(from + 1)) && isOctal(s.charAt(from + 2));
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }
}
