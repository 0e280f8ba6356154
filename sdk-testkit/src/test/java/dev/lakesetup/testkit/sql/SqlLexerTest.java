package dev.lakesetup.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlLexerTest {

    /** Renders tokens as KIND:text for compact expectations. */
    private static List<String> kinds(String sql) {
        return SqlParser.tokenize(sql).stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    private static Token single(String sql) {
        List<Token> tokens = SqlParser.tokenize(sql);
        assertThat(tokens).hasSize(1);
        return tokens.get(0);
    }

    @Test
    void tokenize_whenPlainStatement_returnsKindsTextAndPositions() {
        assertThat(SqlParser.tokenize("GRANT x ON `a` TO 'b';")).containsExactly(
                new Token(Token.Kind.IDENTIFIER, "GRANT", 0),
                new Token(Token.Kind.IDENTIFIER, "x", 6),
                new Token(Token.Kind.IDENTIFIER, "ON", 8),
                new Token(Token.Kind.QUOTED_IDENTIFIER, "a", 11),
                new Token(Token.Kind.IDENTIFIER, "TO", 15),
                new Token(Token.Kind.STRING, "b", 18),
                new Token(Token.Kind.SYMBOL, ";", 21));
    }

    @Test
    void tokenize_whenDoubledBacktick_undoublesIt() {
        assertThat(single("`a``b`").text()).isEqualTo("a`b");
        assertThat(single("````").text()).isEqualTo("`");
        assertThat(single("`a````b`").text()).isEqualTo("a``b");
    }

    @Test
    void tokenize_whenBacktickIdentifierHoldsSpecialText_keepsItAsOneToken() {
        String name = "x; DROP -- /* ' \" \n ü 名 */ .";
        Token token = single("`" + name + "`");
        assertThat(token.kind()).isEqualTo(Token.Kind.QUOTED_IDENTIFIER);
        assertThat(token.text()).isEqualTo(name);
    }

    @Test
    void tokenize_whenBacktickFollowedByBacktickIdentifier_separatesAtSingleBacktick() {
        // `a` `b` with a space is two identifiers; `a``b` without one is one.
        assertThat(kinds("`a` `b`")).containsExactly("QUOTED_IDENTIFIER:a", "QUOTED_IDENTIFIER:b");
    }

    @Test
    void tokenize_whenEmptyBacktickIdentifier_returnsEmptyName() {
        assertThat(single("``").text()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            'O\\'Connell'      | O'Connell
            'a\\\\b'           | a\\b
            '\\\\'             | \\
            'say \\"hi\\"'     | say "hi"
            "it\\"s"           | it"s
            "it's"             | it's
            'x\\qy'            | xqy
            '\\u0041\\u00e9'   | Aé
            '\\101'            | A
            '\\200'            | 200
            '100\\%'           | 100\\%
            'a\\_b'            | a\\_b
            'a''b'             | ab
            'a' 'b'            | ab
            'a'/* c */'b'      | ab
            r'a\\nb'           | a\\nb
            R'\\'              | \\
            r"x\\"             | x\\
            r'a' 'b\\'c'       | ab'c
            ''                 | ~~
            """)
    void tokenize_whenStringLiteral_unescapesLikeTheService(String sql, String expected) {
        Token token = single(sql);
        assertThat(token.kind()).isEqualTo(Token.Kind.STRING);
        assertThat(token.text()).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void tokenize_whenControlEscapes_decodesThem() {
        assertThat(single("'\\n\\t\\r\\0\\b\\Z'").text()).isEqualTo("\n\t\r\u0000\b\u001A");
        assertThat(single("'\\U0001F600'").text()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void tokenize_whenDoubledQuoteInsideLiteral_isTwoLiteralsNotAnEscapedQuote() {
        // A renderer that escaped ' by doubling would silently lose the quote: this pins that behaviour.
        assertThat(single("'O''Connell'").text()).isEqualTo("OConnell");
    }

    @Test
    void tokenize_whenStringHoldsCommentMarkersAndSemicolon_keepsThemInTheLiteral() {
        assertThat(kinds("'a -- b /* c */ ; d' x")).containsExactly("STRING:a -- b /* c */ ; d", "IDENTIFIER:x");
    }

    @Test
    void tokenize_whenCommentsBetweenTokens_skipsThem() {
        assertThat(kinds("a -- one\nb /* two */ c /* /* nested */ still */ d --\ne"))
                .containsExactly("IDENTIFIER:a", "IDENTIFIER:b", "IDENTIFIER:c", "IDENTIFIER:d", "IDENTIFIER:e");
    }

    @Test
    void tokenize_whenLineCommentEndsInBackslash_continuesOnTheNextLine() {
        assertThat(kinds("a -- x \\\nb\nc")).containsExactly("IDENTIFIER:a", "IDENTIFIER:c");
        assertThat(kinds("a -- x \\\r\nb")).containsExactly("IDENTIFIER:a", "IDENTIFIER:b");
    }

    @Test
    void tokenize_whenCommentMarkerGluedToTokens_stillStartsAComment() {
        assertThat(kinds("a--b\nc")).containsExactly("IDENTIFIER:a", "IDENTIFIER:c");
        assertThat(kinds("a/*b*/c")).containsExactly("IDENTIFIER:a", "IDENTIFIER:c");
    }

    @Test
    void tokenize_whenHint_keepsItAsSymbols() {
        assertThat(kinds("/*+ x */")).containsExactly("SYMBOL:/*+", "IDENTIFIER:x", "SYMBOL:*/");
    }

    @Test
    void tokenize_whenUnicodeWhitespace_skipsIt() {
        assertThat(kinds("a\u00A0b\u3000c\u2003d")).hasSize(4);
    }

    @Test
    void tokenize_whenNumbersAndWords_followsLongestMatch() {
        assertThat(kinds("12 1a 1e5 12L 1.5 .5 a.b 1.5x"))
                .containsExactly("NUMBER:12", "IDENTIFIER:1a", "NUMBER:1e5", "NUMBER:12L", "NUMBER:1.5",
                        "NUMBER:.5", "IDENTIFIER:a", "SYMBOL:.", "IDENTIFIER:b", "NUMBER:1", "SYMBOL:.",
                        "IDENTIFIER:5x");
    }

    @Test
    void tokenize_whenOperators_takesTheLongestSymbol() {
        assertThat(kinds("a<>b!=c<=>d==e")).containsExactly("IDENTIFIER:a", "SYMBOL:<>", "IDENTIFIER:b",
                "SYMBOL:!=", "IDENTIFIER:c", "SYMBOL:<=>", "IDENTIFIER:d", "SYMBOL:==", "IDENTIFIER:e");
    }

    @Test
    void tokenize_whenKeywordCase_keepsTextAsWritten() {
        Token token = single("gRaNt");
        assertThat(token.text()).isEqualTo("gRaNt");
        assertThat(token.isWord("GRANT")).isTrue();
        assertThat(new Token(Token.Kind.QUOTED_IDENTIFIER, "GRANT", 0).isWord("GRANT")).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            x 'abc                | 2  | unterminated string literal
            x 'ab\\'              | 2  | unterminated string literal
            x "abc                | 2  | unterminated string literal
            x r'abc               | 2  | unterminated string literal
            x `abc                | 2  | unterminated quoted identifier
            x `a``                | 2  | unterminated quoted identifier
            x /* abc              | 2  | UNCLOSED_BRACKETED_COMMENT
            x /* a /* b */        | 2  | UNCLOSED_BRACKETED_COMMENT
            x @ y                 | 2  | near '@'
            """)
    void tokenize_whenUnterminatedOrUnknown_throwsWithPosition(String sql, int position, String fragment) {
        assertThatThrownBy(() -> SqlParser.tokenize(sql))
                .isInstanceOfSatisfying(SqlParseException.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.sqlState()).isEqualTo("42601");
                })
                .hasMessageContaining(fragment)
                .hasMessageContaining("SQLSTATE: 42601 (line 1, pos 2)");
    }

    @Test
    void tokenize_whenErrorOnLaterLine_reportsLineAndColumn() {
        assertThatThrownBy(() -> SqlParser.tokenize("a\nbb 'x"))
                .isInstanceOfSatisfying(SqlParseException.class, e -> assertThat(e.position()).isEqualTo(5))
                .hasMessageEndingWith("(line 2, pos 3)");
    }

    @Test
    void tokenize_whenSeveralStatements_returnsSemicolonAsSymbol() {
        assertThat(kinds("a; b")).containsExactly("IDENTIFIER:a", "SYMBOL:;", "IDENTIFIER:b");
    }
}
