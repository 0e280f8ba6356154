package dev.lakesetup.testkit.sql;

/**
 * Thrown when SQL text is not one statement of the supported forms, with a message in the style of the service
 * ({@code [PARSE_SYNTAX_ERROR] Syntax error at or near 'X'. SQLSTATE: 42601 (line 1, pos 7)}).
 */
public class SqlParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The SQLSTATE of every parse error. */
    public static final String SQL_STATE = "42601";

    /** The 0-based character offset of the offending text. */
    private final int position;

    /**
     * Creates an exception with a complete message.
     *
     * @param message  the message, as the service would word it
     * @param position the 0-based character offset of the offending text
     */
    public SqlParseException(String message, int position) {
        super(message);
        this.position = position;
    }

    /**
     * Returns the 0-based character offset in the SQL text where the error was found.
     *
     * @return the offset; the text's length when the error is at the end of input
     */
    public int position() {
        return position;
    }

    /**
     * Returns the SQLSTATE of the error.
     *
     * @return always {@value #SQL_STATE}
     */
    public String sqlState() {
        return SQL_STATE;
    }

    /** Builds a {@code PARSE_SYNTAX_ERROR} near {@code near} (null means the end of input). */
    static SqlParseException syntaxError(String sql, String near, String hint, int position) {
        String where = near == null ? "end of input" : "'" + near + "'";
        String detail = hint == null ? "" : ": " + hint;
        return new SqlParseException("[PARSE_SYNTAX_ERROR] Syntax error at or near " + where + detail
                + ". SQLSTATE: " + SQL_STATE + " " + lineAndColumn(sql, position), position);
    }

    /** Builds an error of another error class with its own sentence. */
    static SqlParseException of(String sql, String errorClass, String sentence, int position) {
        return new SqlParseException("[" + errorClass + "] " + sentence + " SQLSTATE: " + SQL_STATE + " "
                + lineAndColumn(sql, position), position);
    }

    private static String lineAndColumn(String sql, int position) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "(line " + line + ", pos " + (position - lineStart) + ")";
    }
}
