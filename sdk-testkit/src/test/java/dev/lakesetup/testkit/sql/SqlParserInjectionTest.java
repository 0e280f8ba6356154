package dev.lakesetup.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Injection-shaped input either parses to exactly the intended object or is rejected. */
class SqlParserInjectionTest {

    private static final SecurableRef CATALOG_X = new SecurableRef("CATALOG", List.of("x"));

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "GRANT SELECT ON CATALOG x TO a; DROP CATALOG y",
        "GRANT SELECT ON CATALOG x TO a;DROP CATALOG y;",
        "GRANT SELECT ON CATALOG x TO a; ; GRANT SELECT ON CATALOG y TO a",
        "GRANT SELECT ON CATALOG x TO a b",
        "GRANT SELECT ON CATALOG x TO `a` `b`",
        "GRANT SELECT ON CATALOG x TO a -- \\\n; DROP CATALOG y\nDROP CATALOG z",
        "GRANT SELECT ON CATALOG x TO a /* */ DROP CATALOG y",
        "GRANT SELECT ON CATALOG x TO a /* /* */ DROP CATALOG y",
        "GRANT SELECT ON CATALOG x TO a /*",
        "GRANT SELECT ON CATALOG x TO `a`` ; DROP CATALOG y",
        "GRANT SELECT ON CATALOG x TO 'a'",
        "GRANT SELECT ON CATALOG x, y TO a",
        "GRANT SELECT ON CATALOG x.y TO a",
        "GRANT SELECT ON CATALOG x TO a /*+ hint */"
    })
    void parse_whenInjectionShaped_rejects(String sql) {
        assertThatThrownBy(() -> SqlParser.parse(sql)).isInstanceOf(SqlParseException.class);
    }

    @Test
    void parse_whenTrailingLineComment_parsesTheIntendedGrant() {
        assertThat(SqlParser.parse("GRANT SELECT ON CATALOG x TO a -- ; DROP CATALOG y"))
                .isEqualTo(new GrantStatement(List.of("SELECT"), CATALOG_X, "a"));
    }

    @Test
    void parse_whenBlockCommentsAroundTokens_parsesTheIntendedGrant() {
        assertThat(SqlParser.parse("/* c */GRANT/**/SELECT ON CATALOG x TO a /* ; DROP CATALOG y */;"))
                .isEqualTo(new GrantStatement(List.of("SELECT"), CATALOG_X, "a"));
    }

    @Test
    void parse_whenPrincipalHoldsStatementText_keepsItAsOnePrincipal() {
        String principal = "a; DROP CATALOG y -- /* ' \" `";
        String quoted = "`" + principal.replace("`", "``") + "`";
        assertThat(SqlParser.parse("GRANT SELECT ON CATALOG x TO " + quoted))
                .isEqualTo(new GrantStatement(List.of("SELECT"), CATALOG_X, principal));
    }

    @Test
    void parse_whenCatalogNameHoldsNewlineAndUnicode_keepsItAsOneName() {
        assertThat(SqlParser.parse("GRANT SELECT ON CATALOG `x\n-- ü名` TO a"))
                .isEqualTo(new GrantStatement(List.of("SELECT"),
                        new SecurableRef("CATALOG", List.of("x\n-- ü名")), "a"));
    }

    @Test
    void parse_whenCommentHoldsBackslashEscapedQuote_keepsItInTheLiteral() {
        assertThat(SqlParser.parse("CREATE CATALOG c COMMENT 'x\\'; DROP CATALOG y --'"))
                .isEqualTo(new CreateCatalog("c", false, null, "x'; DROP CATALOG y --"));
    }

    @Test
    void parse_whenQuoteDoubledInsteadOfBackslashed_readsTwoLiteralsAndDropsTheQuote() {
        // What a renderer that escaped by doubling would produce: the service reads it as "its", not "it's".
        assertThat(SqlParser.parse("CREATE CATALOG c COMMENT 'it''s'"))
                .isEqualTo(new CreateCatalog("c", false, null, "its"));
    }

    @Test
    void parse_whenDoubledQuoteBeforeStatementText_keepsTheTextInTheConcatenatedLiteral() {
        assertThat(SqlParser.parse("CREATE CATALOG c COMMENT 'a'' DROP CATALOG y --'"))
                .isEqualTo(new CreateCatalog("c", false, null, "a DROP CATALOG y --"));
    }

    @Test
    void parse_whenTrailingBackslashEscapesClosingQuote_rejectsAsUnterminated() {
        assertThatThrownBy(() -> SqlParser.parse("CREATE CATALOG c COMMENT 'a\\'"))
                .isInstanceOf(SqlParseException.class)
                .hasMessageContaining("unterminated string literal");
    }

    @Test
    void parse_whenSecondStatementAfterSemicolon_pointsAtIt() {
        assertThatThrownBy(() -> SqlParser.parse("GRANT SELECT ON CATALOG x TO a;\n  DROP CATALOG y"))
                .isInstanceOfSatisfying(SqlParseException.class, e -> assertThat(e.position()).isEqualTo(34))
                .hasMessage("[PARSE_SYNTAX_ERROR] Syntax error at or near 'DROP'. SQLSTATE: 42601 (line 2, pos 2)");
    }

    @Test
    void parse_whenSeveralTrailingSemicolonsAndComments_accepts() {
        assertThat(SqlParser.parse("USE CATALOG c ;; -- done\n/* end */"))
                .isEqualTo(new Use("CATALOG", List.of("c")));
    }
}
