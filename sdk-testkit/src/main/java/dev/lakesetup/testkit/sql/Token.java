package dev.lakesetup.testkit.sql;

import java.util.Locale;
import java.util.Objects;

/**
 * One lexical token of a SQL text.
 *
 * <p>Keywords are not a separate kind: they are {@link Kind#IDENTIFIER} tokens compared case-insensitively (see
 * {@link #isWord(String)}).
 *
 * @param kind     what the token is
 * @param text     the token's value: an identifier as written, a quoted identifier with its backticks removed and
 *                 doubled backticks un-doubled, a string literal unescaped (adjacent literals concatenated), a number
 *                 or symbol as written
 * @param position the 0-based character offset of the token's first character in the SQL text
 */
public record Token(Kind kind, String text, int position) {

    /**
     * Creates a token; {@code kind} and {@code text} must not be null.
     *
     * @param kind what the token is
     * @param text the token's value: an identifier as written, a quoted identifier with its backticks removed and doubled backticks un-doubled, a string literal unescaped (adjacent literals concatenated), a number or symbol as written
     * @param position the 0-based character offset of the token's first character in the SQL text
     */
    public Token {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Tells whether this is an unquoted identifier equal to {@code word} ignoring ASCII case.
     *
     * @param word the keyword to compare with, in any case
     * @return true for an {@link Kind#IDENTIFIER} token spelling {@code word}
     */
    public boolean isWord(String word) {
        return kind == Kind.IDENTIFIER && text.toUpperCase(Locale.ROOT).equals(word.toUpperCase(Locale.ROOT));
    }

    /**
     * Tells whether this is the symbol {@code symbol}.
     *
     * @param symbol the symbol text, for example {@code ";"}
     * @return true for a {@link Kind#SYMBOL} token with exactly that text
     */
    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** The kinds of token. */
    public enum Kind {
        /** An unquoted identifier or keyword: letters, digits and underscores, case kept as written. */
        IDENTIFIER,
        /** A backtick-quoted identifier; the text is the name with doubled backticks un-doubled. */
        QUOTED_IDENTIFIER,
        /** A string literal (single or double quotes, optionally raw); the text is the unescaped value. */
        STRING,
        /** A numeric literal as written. */
        NUMBER,
        /** An operator or punctuation such as {@code ,} {@code .} {@code (} {@code )} {@code ;} {@code =}. */
        SYMBOL
    }
}
