package dev.lakesetup.testkit.sql;

import java.util.List;
import java.util.Objects;

/**
 * Parses the Databricks SQL statements that lakesetup renders into a {@link Statement}, following the lexical rules
 * of Databricks / Spark SQL.
 *
 * <p>Lexical rules: whitespace, {@code -- line} comments (a backslash right before the line feed continues them) and
 * nested {@code /* block *}{@code /} comments are skipped; unquoted identifiers are letters, digits and
 * underscores; backtick-quoted identifiers may contain anything, a backtick being written twice; string literals use
 * single or double quotes with backslash escapes (a doubled quote is <em>not</em> an escape: {@code 'a''b'} is two
 * adjacent literals, concatenated to {@code ab}); raw literals {@code r'...'} have no escapes; adjacent literals are
 * concatenated.
 *
 * <p>Syntax only: names keep their case as written (keywords and privileges are upper-cased), nothing is checked
 * against a catalog. This class is stateless and thread-safe.
 */
public final class SqlParser {

    private SqlParser() {
    }

    /**
     * Parses exactly one statement; a trailing {@code ;} is allowed, a second statement after it is not.
     *
     * @param sql the statement text
     * @return the statement
     * @throws SqlParseException if the text is not one statement of a supported form
     */
    public static Statement parse(String sql) {
        Objects.requireNonNull(sql, "sql");
        TokenCursor cursor = new TokenCursor(sql, SqlLexer.lex(sql));
        return new StatementParser(cursor).parseSingle();
    }

    /**
     * Splits text into tokens without parsing it, for callers that check how rendered SQL splits.
     *
     * <p>Comments and whitespace produce no token; adjacent string literals produce one {@link Token.Kind#STRING}
     * token. The text may hold any number of statements: {@code ;} is an ordinary {@link Token.Kind#SYMBOL}.
     *
     * @param sql the text
     * @return the tokens in order
     * @throws SqlParseException for an unterminated literal, quoted identifier or comment, or an unknown character
     */
    public static List<Token> tokenize(String sql) {
        Objects.requireNonNull(sql, "sql");
        return SqlLexer.lex(sql).tokens();
    }
}
