package dev.lakesetup.testkit.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens following the Spark SQL lexer: whitespace and comments are skipped, identifiers,
 * backtick-quoted identifiers, string literals, numbers and symbols become tokens, and adjacent string literals are
 * merged into one.
 */
final class SqlLexer {

    /** Multi-character symbols, longest first so that the first match is the longest. */
    private static final String[] SYMBOLS = {
        "<=>", ">>>", "/*+", "<>", "!=", "<=", ">=", "==", "=>", "->", "::", "||", "<<", ">>", "!<", "!>", "*/",
        ";", "(", ")", ",", ".", "[", "]", "!", "=", "<", ">", "+", "-", "*", "/", "%", "~", "&", "|", "^", ":", "?"
    };

    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Integer> ends = new ArrayList<>();
    private int pos;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** The tokens of a text and, for each, the offset just past its last character. */
    record Result(List<Token> tokens, List<Integer> ends) {
        Result {
            tokens = List.copyOf(tokens);
            ends = List.copyOf(ends);
        }

        /** Returns the source text of token {@code i} as written. */
        String source(String sql, int i) {
            return sql.substring(tokens.get(i).position(), ends.get(i));
        }
    }

    /** Tokenizes {@code sql}, throwing {@link SqlParseException} for unterminated or unrecognised text. */
    static Result lex(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return new Result(lexer.tokens, lexer.ends);
    }

    private void run() {
        while (true) {
            pos = Trivia.skip(sql, pos);
            if (pos >= sql.length()) {
                return;
            }
            char c = sql.charAt(pos);
            char next = pos + 1 < sql.length() ? sql.charAt(pos + 1) : '\0';
            if (c == '`') {
                quotedIdentifier();
            } else if ((c == 'r' || c == 'R') && (next == '\'' || next == '"')) {
                stringLiteral(pos + 1, true);
            } else if (c == '\'' || c == '"') {
                stringLiteral(pos, false);
            } else if (isWordChar(sql.codePointAt(pos)) || c == '.' && isDigit(next)) {
                wordOrNumber();
            } else {
                symbol();
            }
        }
    }

    private void quotedIdentifier() {
        int start = pos;
        StringBuilder name = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= sql.length()) {
                throw SqlParseException.syntaxError(sql, "`", "unterminated quoted identifier", start);
            }
            char c = sql.charAt(i);
            if (c == '`') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '`') {
                    name.append('`');
                    i += 2;
                    continue;
                }
                break;
            }
            name.append(c);
            i++;
        }
        add(Token.Kind.QUOTED_IDENTIFIER, name.toString(), start, i + 1);
    }

    /** Lexes a literal whose opening quote is at {@code quoteAt}; a raw literal starts one character earlier. */
    private void stringLiteral(int quoteAt, boolean raw) {
        int start = raw ? quoteAt - 1 : quoteAt;
        char quote = sql.charAt(quoteAt);
        int i = quoteAt + 1;
        while (i < sql.length() && sql.charAt(i) != quote) {
            i += !raw && sql.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= sql.length()) {
            throw SqlParseException.syntaxError(sql, sql.substring(start, Math.min(sql.length(), quoteAt + 1)),
                    "unterminated string literal", start);
        }
        String body = sql.substring(quoteAt + 1, i);
        String value = raw ? body : StringLiterals.unescape(body);
        int last = tokens.size() - 1;
        if (last >= 0 && tokens.get(last).kind() == Token.Kind.STRING) {
            // Adjacent literals, even across whitespace or comments, form one value.
            Token previous = tokens.get(last);
            tokens.set(last, new Token(Token.Kind.STRING, previous.text() + value, previous.position()));
            ends.set(last, i + 1);
            pos = i + 1;
        } else {
            add(Token.Kind.STRING, value, start, i + 1);
        }
    }

    /**
     * Lexes a run of letters, digits and underscores, or a number. As in the service's lexer the longest match
     * wins and a number wins a tie, so {@code 12} is a number, {@code 1a} an identifier and {@code 1e5} a number.
     */
    private void wordOrNumber() {
        int start = pos;
        int wordEnd = start;
        while (wordEnd < sql.length() && isWordChar(sql.codePointAt(wordEnd))) {
            wordEnd += Character.charCount(sql.codePointAt(wordEnd));
        }
        int numberEnd = Numbers.end(sql, start);
        if (numberEnd > start && numberEnd >= wordEnd) {
            add(Token.Kind.NUMBER, sql.substring(start, numberEnd), start, numberEnd);
        } else if (wordEnd > start) {
            add(Token.Kind.IDENTIFIER, sql.substring(start, wordEnd), start, wordEnd);
        } else {
            add(Token.Kind.SYMBOL, ".", start, start + 1);
        }
    }

    private void symbol() {
        for (String symbol : SYMBOLS) {
            if (sql.startsWith(symbol, pos)) {
                add(Token.Kind.SYMBOL, symbol, pos, pos + symbol.length());
                return;
            }
        }
        int cp = sql.codePointAt(pos);
        throw SqlParseException.syntaxError(sql, new String(Character.toChars(cp)), null, pos);
    }

    private void add(Token.Kind kind, String text, int start, int end) {
        tokens.add(new Token(kind, text, start));
        ends.add(end);
        pos = end;
    }

    /** Letters (any script, as the service lexes them before rejecting non-ASCII), digits and underscore. */
    static boolean isWordChar(int codePoint) {
        return Character.isLetter(codePoint) || isDigit(codePoint) || codePoint == '_';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
