package dev.lakesetup.testkit.internal.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code $filter} expressions the fake understands: conjunctions ({@code and}) of {@code field eq 'value'}
 * (quotes doubled inside a literal), {@code startswith(field,'value')}, {@code collection/any(c:c eq 'value')},
 * {@code atScope()} and {@code assignedTo('id')}.
 */
final class ODataFilter {

    /** The kind of one condition. */
    enum Kind { EQ, STARTS_WITH, ANY_EQ, AT_SCOPE, ASSIGNED_TO }

    /**
     * One condition of the conjunction.
     *
     * @param kind the operator
     * @param field the property (lower case; empty for functions without one)
     * @param value the literal (null for {@code atScope()})
     */
    record Condition(Kind kind, String field, String value) { }

    private final String text;
    private final String errorCode;
    private int pos;

    private ODataFilter(String text, String errorCode) {
        this.text = text;
        this.errorCode = errorCode;
    }

    /** Parses a filter; an unsupported or malformed one is a 400 with {@code errorCode}. Null or blank: none. */
    static List<Condition> parse(String filter, String errorCode) {
        List<Condition> out = new ArrayList<>();
        if (filter == null || filter.isBlank()) {
            return out;
        }
        ODataFilter p = new ODataFilter(filter, errorCode);
        out.add(p.condition());
        while (p.skipSpace() < p.text.length()) {
            p.keyword("and");
            out.add(p.condition());
        }
        return out;
    }

    private Condition condition() {
        String name = identifier();
        String lower = name.toLowerCase(Locale.ROOT);
        if (peek('(')) {
            return function(lower);
        }
        if (peek('/')) {
            pos++;
            keyword("any");
            expect('(');
            String variable = identifier();
            expect(':');
            if (!identifier().equals(variable)) {
                throw unsupported();
            }
            keyword("eq");
            String value = literal();
            expect(')');
            return new Condition(Kind.ANY_EQ, lower, value);
        }
        keyword("eq");
        return new Condition(Kind.EQ, lower, literal());
    }

    private Condition function(String name) {
        expect('(');
        Condition c;
        switch (name) {
            case "atscope" -> c = new Condition(Kind.AT_SCOPE, "", null);
            case "assignedto" -> c = new Condition(Kind.ASSIGNED_TO, "", literal());
            case "startswith" -> {
                String field = identifier().toLowerCase(Locale.ROOT);
                expect(',');
                c = new Condition(Kind.STARTS_WITH, field, literal());
            }
            default -> throw unsupported();
        }
        expect(')');
        return c;
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw unsupported();
        }
        return text.substring(start, pos);
    }

    private String literal() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '\'') {
            StringBuilder b = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char ch = text.charAt(pos++);
                if (ch != '\'') {
                    b.append(ch);
                } else if (pos < text.length() && text.charAt(pos) == '\'') {
                    b.append('\'');
                    pos++;
                } else {
                    return b.toString();
                }
            }
            throw unsupported();
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
            pos++;
        }
        if (start == pos) {
            throw unsupported();
        }
        return text.substring(start, pos);
    }

    private void keyword(String word) {
        if (!identifier().equalsIgnoreCase(word)) {
            throw unsupported();
        }
    }

    private boolean peek(char ch) {
        skipSpace();
        return pos < text.length() && text.charAt(pos) == ch;
    }

    private void expect(char ch) {
        if (!peek(ch)) {
            throw unsupported();
        }
        pos++;
    }

    private int skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private AzureError unsupported() {
        return AzureError.badRequest(errorCode, "Invalid filter clause: '" + text + "' is not supported.");
    }
}
