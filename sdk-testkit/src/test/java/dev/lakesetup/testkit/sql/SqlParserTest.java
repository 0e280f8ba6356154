package dev.lakesetup.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlParserTest {

    @Test
    void parse_whenGrantOnCatalog_returnsGrant() {
        assertThat(SqlParser.parse("GRANT USE CATALOG, select ON CATALOG `main` TO `account users`"))
                .isEqualTo(new GrantStatement(List.of("USE CATALOG", "SELECT"),
                        new SecurableRef("CATALOG", List.of("main")), "account users"));
    }

    @Test
    void parse_whenPrivilegeWordsSpreadOverLines_collapsesWhitespace() {
        assertThat(SqlParser.parse("grant all\n\t privileges on schema c.s to bob"))
                .isEqualTo(new GrantStatement(List.of("ALL PRIVILEGES"),
                        new SecurableRef("SCHEMA", List.of("c", "s")), "bob"));
    }

    @Test
    void parse_whenRevoke_returnsRevoke() {
        assertThat(SqlParser.parse("REVOKE MODIFY ON TABLE a.b.c FROM `x@y.com`;"))
                .isEqualTo(new RevokeStatement(List.of("MODIFY"),
                        new SecurableRef("TABLE", List.of("a", "b", "c")), "x@y.com"));
    }

    @Test
    void parse_whenSecondStatementAfterSemicolon_throws() {
        assertThatThrownBy(() -> SqlParser.parse("GRANT SELECT ON CATALOG x TO a; DROP CATALOG y"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("[PARSE_SYNTAX_ERROR] Syntax error at or near 'DROP'. SQLSTATE: 42601 (line 1, pos 32)")
                .extracting(e -> ((SqlParseException) e).position()).isEqualTo(32);
    }

    @Test
    void parse_whenCreateCatalogWithAllClauses_returnsThem() {
        assertThat(SqlParser.parse("CREATE CATALOG IF NOT EXISTS c MANAGED LOCATION 'abfss://x@y/z' COMMENT 'it''s'"))
                .isEqualTo(new CreateCatalog("c", true, "abfss://x@y/z", "its"));
    }

    @Test
    void parse_whenCommentOnCatalogOrSchema_returnsCommentOn() {
        assertThat(SqlParser.parse("COMMENT ON CATALOG `sales` IS 'it\\'s new'"))
                .isEqualTo(new CommentOn("CATALOG", List.of("sales"), "it's new"));
        assertThat(SqlParser.parse("comment on database sales.`raw` is NULL;"))
                .isEqualTo(new CommentOn("SCHEMA", List.of("sales", "raw"), null));
    }

    @Test
    void parse_whenCommentOnExternalLocation_isASyntaxError() {
        assertThatThrownBy(() -> SqlParser.parse("COMMENT ON EXTERNAL LOCATION landing IS 'x'"))
                .isInstanceOf(SqlParseException.class).hasMessageContaining("PARSE_SYNTAX_ERROR");
    }
}
