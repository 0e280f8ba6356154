package dev.lakesetup.testkit.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Walks the tokens of one SQL text for the recursive-descent parser and builds its syntax errors. */
final class TokenCursor {

    private final String sql;
    private final SqlLexer.Result lexed;
    private int index;

    TokenCursor(String sql, SqlLexer.Result lexed) {
        this.sql = sql;
        this.lexed = lexed;
    }

    String sql() {
        return sql;
    }

    /** Returns the current token, or null at the end of input. */
    Token peek() {
        return peek(0);
    }

    /** Returns the token {@code ahead} positions after the current one, or null past the end. */
    Token peek(int ahead) {
        int i = index + ahead;
        return i < lexed.tokens().size() ? lexed.tokens().get(i) : null;
    }

    /** Returns token {@code tokenIndex} of the whole text. */
    Token tokenAt(int tokenIndex) {
        return lexed.tokens().get(tokenIndex);
    }

    boolean atEnd() {
        return index >= lexed.tokens().size();
    }

    int index() {
        return index;
    }

    /** Returns the offset of the current token, or the text's length at the end of input. */
    int offset() {
        return atEnd() ? sql.length() : peek().position();
    }

    /** Returns the offset just past token {@code tokenIndex}. */
    int endOf(int tokenIndex) {
        return lexed.ends().get(tokenIndex);
    }

    Token next() {
        Token token = peek();
        if (token == null) {
            throw error(null);
        }
        index++;
        return token;
    }

    boolean peekWord(String word) {
        Token token = peek();
        return token != null && token.isWord(word);
    }

    boolean peekSymbol(String symbol) {
        Token token = peek();
        return token != null && token.isSymbol(symbol);
    }

    /** Consumes the keyword if it is next. */
    boolean acceptWord(String word) {
        if (peekWord(word)) {
            index++;
            return true;
        }
        return false;
    }

    /** Consumes the keywords if they are all next, in order; consumes nothing otherwise. */
    boolean acceptWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            Token token = peek(i);
            if (token == null || !token.isWord(words[i])) {
                return false;
            }
        }
        index += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (peekSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    void expectWord(String... words) {
        for (String word : words) {
            if (!acceptWord(word)) {
                throw error(null);
            }
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error(null);
        }
    }

    /** Consumes one identifier, quoted or not, and returns it as written (unquoted). */
    String identifier() {
        Token token = peek();
        if (token == null || token.kind() != Token.Kind.IDENTIFIER && token.kind() != Token.Kind.QUOTED_IDENTIFIER) {
            throw error(null);
        }
        checkUnquoted(index);
        index++;
        return token.text();
    }

    /** Consumes a dotted name of 1 to {@code maxParts} identifiers. */
    List<String> name(int maxParts) {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (peekSymbol(".")) {
            if (parts.size() == maxParts) {
                throw error(null);
            }
            index++;
            parts.add(identifier());
        }
        return parts;
    }

    /** Consumes one string literal (adjacent literals are already one token) and returns its value. */
    String string() {
        Token token = peek();
        if (token == null || token.kind() != Token.Kind.STRING) {
            throw error(null);
        }
        index++;
        return token.text();
    }

    /** Consumes an unquoted word and returns it upper-cased. */
    String word() {
        Token token = peek();
        if (token == null || token.kind() != Token.Kind.IDENTIFIER) {
            throw error(null);
        }
        checkUnquoted(index);
        index++;
        return token.text().toUpperCase(Locale.ROOT);
    }

    /** Returns a syntax error at the current token, with an optional hint after the near-text. */
    SqlParseException error(String hint) {
        if (atEnd()) {
            return SqlParseException.syntaxError(sql, null, hint, sql.length());
        }
        return SqlParseException.syntaxError(sql, lexed.source(sql, index), hint, peek().position());
    }

    /** Rejects an unquoted identifier with characters outside ASCII letters, digits and underscore. */
    private void checkUnquoted(int tokenIndex) {
        Token token = lexed.tokens().get(tokenIndex);
        if (token.kind() == Token.Kind.IDENTIFIER && !token.text().chars().allMatch(TokenCursor::isAsciiWordChar)) {
            throw SqlParseException.of(sql, "INVALID_IDENTIFIER", "The unquoted identifier " + token.text()
                    + " is invalid and must be back quoted as: `" + token.text() + "`.", token.position());
        }
    }

    private static boolean isAsciiWordChar(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }
}
