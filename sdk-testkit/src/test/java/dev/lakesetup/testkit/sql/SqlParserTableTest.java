package dev.lakesetup.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table of statement texts and the exact statement each parses to. */
class SqlParserTableTest {

    private static SecurableRef ref(String type, String... name) {
        return new SecurableRef(type, List.of(name));
    }

    private static Arguments ok(String sql, Statement expected) {
        return Arguments.of(sql, expected);
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                ok("CREATE CATALOG c", new CreateCatalog("c", false, null, null)),
                ok("create catalog if not exists `My Cat`", new CreateCatalog("My Cat", true, null, null)),
                ok("CREATE CATALOG c MANAGED LOCATION 'abfss://a@b.dfs.core.windows.net/p'",
                        new CreateCatalog("c", false, "abfss://a@b.dfs.core.windows.net/p", null)),
                ok("CREATE CATALOG c COMMENT 'x' MANAGED LOCATION 'u'", new CreateCatalog("c", false, "u", "x")),
                ok("CREATE CATALOG c COMMENT 'a\\'b';", new CreateCatalog("c", false, null, "a'b")),
                ok("CREATE SCHEMA s", new CreateSchema(List.of("s"), false, null, null)),
                ok("CREATE DATABASE IF NOT EXISTS c.s COMMENT 'k'", new CreateSchema(List.of("c", "s"), true, null, "k")),
                ok("Create Schema `c`.`s.x` Managed Location 'u'",
                        new CreateSchema(List.of("c", "s.x"), false, "u", null)),
                ok("CREATE EXTERNAL LOCATION l URL 'abfss://x' WITH (STORAGE CREDENTIAL cred)",
                        new CreateExternalLocation("l", false, "abfss://x", "cred", null)),
                ok("create external location if not exists `l l` url 'u' with ( storage credential `c``c` ) "
                        + "comment 'x'", new CreateExternalLocation("l l", true, "u", "c`c", "x")),
                ok("GRANT USAGE ON CATALOG c TO `g`", new GrantStatement(List.of("USAGE"), ref("CATALOG", "c"), "g")),
                ok("GRANT CREATE ON SCHEMA c.s TO g", new GrantStatement(List.of("CREATE"), ref("SCHEMA", "c", "s"), "g")),
                ok("GRANT SELECT ON DATABASE s TO g", new GrantStatement(List.of("SELECT"), ref("SCHEMA", "s"), "g")),
                ok("GRANT SELECT ON t TO g", new GrantStatement(List.of("SELECT"), ref("TABLE", "t"), "g")),
                ok("GRANT SELECT, MODIFY ON TABLE c.s.t TO g",
                        new GrantStatement(List.of("SELECT", "MODIFY"), ref("TABLE", "c", "s", "t"), "g")),
                ok("GRANT CREATE MANAGED STORAGE ON METASTORE TO g",
                        new GrantStatement(List.of("CREATE MANAGED STORAGE"), ref("METASTORE"), "g")),
                ok("GRANT READ FILES ON EXTERNAL LOCATION `loc` TO `1b2c-uuid`",
                        new GrantStatement(List.of("READ FILES"), ref("EXTERNAL LOCATION", "loc"), "1b2c-uuid")),
                ok("GRANT CREATE EXTERNAL LOCATION ON STORAGE CREDENTIAL cr TO g",
                        new GrantStatement(List.of("CREATE EXTERNAL LOCATION"), ref("STORAGE CREDENTIAL", "cr"), "g")),
                ok("GRANT READ VOLUME ON VOLUME c.s.v TO g",
                        new GrantStatement(List.of("READ VOLUME"), ref("VOLUME", "c", "s", "v"), "g")),
                ok("GRANT EXECUTE ON FUNCTION c.s.f TO g",
                        new GrantStatement(List.of("EXECUTE"), ref("FUNCTION", "c", "s", "f"), "g")),
                ok("revoke all privileges on catalog c from `account users`",
                        new RevokeStatement(List.of("ALL PRIVILEGES"), ref("CATALOG", "c"), "account users")),
                ok("REVOKE USE SCHEMA, SELECT ON SCHEMA s FROM g;",
                        new RevokeStatement(List.of("USE SCHEMA", "SELECT"), ref("SCHEMA", "s"), "g")),
                ok("DROP CATALOG c", new Drop("CATALOG", List.of("c"), false, false)),
                ok("DROP CATALOG IF EXISTS `c` RESTRICT", new Drop("CATALOG", List.of("c"), true, false)),
                ok("drop catalog c cascade", new Drop("CATALOG", List.of("c"), false, true)),
                ok("DROP SCHEMA IF EXISTS c.s RESTRICT;", new Drop("SCHEMA", List.of("c", "s"), true, false)),
                ok("DROP DATABASE s CASCADE", new Drop("SCHEMA", List.of("s"), false, true)),
                ok("DROP EXTERNAL LOCATION IF EXISTS `l l`",
                        new Drop("EXTERNAL LOCATION", List.of("l l"), true, false)),
                ok("DROP EXTERNAL LOCATION l FORCE", new Drop("EXTERNAL LOCATION", List.of("l"), false, true)),
                ok("SHOW GRANTS ON CATALOG c", new ShowGrants(null, ref("CATALOG", "c"))),
                ok("SHOW GRANTS `a@b.com` ON SCHEMA c.s", new ShowGrants("a@b.com", ref("SCHEMA", "c", "s"))),
                ok("show grants on metastore", new ShowGrants(null, ref("METASTORE"))),
                ok("SHOW GRANTS g ON EXTERNAL LOCATION l", new ShowGrants("g", ref("EXTERNAL LOCATION", "l"))),
                ok("SHOW SCHEMAS", new ShowSchemas(null, null)),
                ok("SHOW DATABASES IN c", new ShowSchemas(List.of("c"), null)),
                ok("SHOW SCHEMAS FROM `c` LIKE 'a*'", new ShowSchemas(List.of("c"), "a*")),
                ok("show schemas 'x|y'", new ShowSchemas(null, "x|y")),
                ok("SHOW CATALOGS", new ShowCatalogs(null)),
                ok("SHOW CATALOGS LIKE 'm*'", new ShowCatalogs("m*")),
                ok("SHOW CATALOGS 'm*'", new ShowCatalogs("m*")),
                ok("DESCRIBE CATALOG c", new Describe(ref("CATALOG", "c"), false)),
                ok("DESC CATALOG EXTENDED c", new Describe(ref("CATALOG", "c"), true)),
                ok("DESCRIBE DATABASE EXTENDED c.s", new Describe(ref("SCHEMA", "c", "s"), true)),
                ok("DESCRIBE EXTERNAL LOCATION l", new Describe(ref("EXTERNAL LOCATION", "l"), false)),
                ok("DESCRIBE STORAGE CREDENTIAL cr", new Describe(ref("STORAGE CREDENTIAL", "cr"), false)),
                ok("DESCRIBE TABLE c.s.t", new Describe(ref("TABLE", "c", "s", "t"), false)),
                ok("describe extended t", new Describe(ref("TABLE", "t"), true)),
                ok("SELECT * FROM system.information_schema.catalog_privileges",
                        new Select(List.of("*"), List.of("system", "information_schema", "catalog_privileges"),
                                List.of(), null)),
                ok("SELECT Grantee, PRIVILEGE_TYPE FROM t WHERE catalog_name = 'c' AND `Grantee` IN ('a', 'b') "
                        + "AND inherited_from IS NULL AND x IS NOT NULL LIMIT 10",
                        new Select(List.of("grantee", "privilege_type"), List.of("t"), List.of(
                                new Condition("catalog_name", Condition.Op.EQ, List.of("c")),
                                new Condition("grantee", Condition.Op.IN, List.of("a", "b")),
                                new Condition("inherited_from", Condition.Op.IS_NULL, List.of()),
                                new Condition("x", Condition.Op.IS_NOT_NULL, List.of())), 10)),
                ok("select a from t limit 0", new Select(List.of("a"), List.of("t"), List.of(), 0)),
                ok("USE CATALOG c", new Use("CATALOG", List.of("c"))),
                ok("USE SCHEMA c.s", new Use("SCHEMA", List.of("c", "s"))),
                ok("use database s", new Use("SCHEMA", List.of("s"))),
                ok("USE `c`.s", new Use("SCHEMA", List.of("c", "s"))),
                ok("SET spark.sql.ansi.enabled = true", new SetConfig("spark.sql.ansi.enabled", "true")),
                ok("SET `a b`=  'x y' ;", new SetConfig("a b", "'x y'")),
                ok("SET k", new SetConfig("k", null)),
                ok("SET TIME ZONE = 'UTC'", new SetConfig("TIME ZONE", "'UTC'")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("statements")
    void parse_whenSupportedForm_returnsExactStatement(String sql, Statement expected) {
        assertThat(SqlParser.parse(sql)).isEqualTo(expected);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("", "end of input"),
                Arguments.of("   -- only a comment", "end of input"),
                Arguments.of("TRUNCATE TABLE t", "'TRUNCATE'"),
                Arguments.of("DROP TABLE t", "'TABLE'"),
                Arguments.of("DROP CATALOG a.b", "'.'"),
                Arguments.of("DROP EXTERNAL LOCATION l CASCADE", "'CASCADE'"),
                Arguments.of("CREATE TABLE t", "'TABLE'"),
                Arguments.of("CREATE CATALOG a.b", "'.'"),
                Arguments.of("CREATE CATALOG c LOCATION 'u'", "'LOCATION'"),
                Arguments.of("CREATE CATALOG c COMMENT 'a' COMMENT 'b'", "'COMMENT'"),
                Arguments.of("CREATE CATALOG c COMMENT x", "'x'"),
                Arguments.of("CREATE SCHEMA a.b.c", "'.'"),
                Arguments.of("CREATE EXTERNAL LOCATION l URL 'u'", "end of input"),
                Arguments.of("CREATE EXTERNAL LOCATION l WITH (STORAGE CREDENTIAL c) URL 'u'", "'WITH'"),
                Arguments.of("GRANT ON CATALOG c TO g", "'ON'"),
                Arguments.of("GRANT SELECT, ON CATALOG c TO g", "'ON'"),
                Arguments.of("GRANT `SELECT` ON CATALOG c TO g", "'`SELECT`'"),
                Arguments.of("GRANT SELECT ON CATALOG c TO a.b", "'.'"),
                Arguments.of("GRANT SELECT ON CATALOG c TO 'g'", "''g''"),
                Arguments.of("GRANT SELECT ON CATALOG c FROM g", "'FROM'"),
                Arguments.of("REVOKE SELECT ON CATALOG c TO g", "'TO'"),
                Arguments.of("GRANT SELECT ON SHARE s TO g", "'s'"),
                Arguments.of("GRANT SELECT ON TABLE a.b.c.d TO g", "'.'"),
                Arguments.of("GRANT SELECT ON CATALOG c TO", "end of input"),
                Arguments.of("SHOW GRANTS", "end of input"),
                Arguments.of("SHOW TABLES", "'TABLES'"),
                Arguments.of("DESCRIBE VOLUME v", "'v'"),
                Arguments.of("SELECT FROM t", "'t'"),
                Arguments.of("SELECT a FROM t WHERE a = 1", "'1'"),
                Arguments.of("SELECT a FROM t WHERE a > 'x'", "'>'"),
                Arguments.of("SELECT a FROM t ORDER BY a", "'ORDER'"),
                Arguments.of("SELECT a FROM t LIMIT 1.5", "'1.5'"),
                Arguments.of("SELECT a FROM t LIMIT 99999999999", "limit out of range"),
                Arguments.of("USE CATALOG a.b", "'.'"),
                Arguments.of("SET", "end of input"),
                Arguments.of("SET = 1", "'='"),
                Arguments.of("GRANT SELECT ON CATALOG ä TO g", "INVALID_IDENTIFIER"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rejected")
    void parse_whenUnsupportedOrMalformed_throwsSyntaxError(String sql, String near) {
        assertThatThrownBy(() -> SqlParser.parse(sql))
                .isInstanceOf(SqlParseException.class)
                .hasMessageContaining(near)
                .hasMessageContaining("SQLSTATE: 42601");
    }
}
