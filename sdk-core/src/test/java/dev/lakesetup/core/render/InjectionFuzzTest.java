package dev.lakesetup.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.SchemaName;
import dev.lakesetup.testkit.sql.CreateCatalog;
import dev.lakesetup.testkit.sql.CreateSchema;
import dev.lakesetup.testkit.sql.GrantStatement;
import dev.lakesetup.testkit.sql.SqlParser;
import dev.lakesetup.testkit.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A generated corpus of hostile names, principals and comments: each one is either rejected with a clear error
 * or rendered so that the statement, read back by the testkit's independent Spark-rules parser, addresses
 * exactly the intended object. Zero injections.
 */
class InjectionFuzzTest {
    private static final String[] FRAGMENTS = {
        "`", "``", "'", "\"", ";", "--", "/*", "*/", "\\", "\\'", "\\`", "\n", "\r", "\t", " ", ".", "/", "\u007f",
        "\0", "é", "中文", "\uD83D\uDE00", "\u200B", "\u00A0", "\u202E", "DROP CATALOG main", "x", "_", "$", "%",
        "?", "#", "&", "=", "(", ")", ",", "@", "r'", "\\u0041", "/*+ hint */", "\\\n",
    };
    private static final UnityCatalogSql SQL = UnityCatalogSql.standard();

    static List<String> corpus() {
        Random random = new Random(20261122L);
        List<String> corpus = new ArrayList<>();
        for (String a : FRAGMENTS) {
            corpus.add(a);
            for (String b : FRAGMENTS) {
                corpus.add(a + b);
                corpus.add("sales" + a + "x" + b);
            }
        }
        while (corpus.size() < 10_000) {
            StringBuilder name = new StringBuilder();
            int parts = 1 + random.nextInt(5);
            for (int i = 0; i < parts; i++) {
                name.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            corpus.add(name.toString());
        }
        for (int length : new int[] {254, 255, 256}) {
            corpus.add("`".repeat(length));
            corpus.add("a".repeat(length - 1) + "'");
        }
        return corpus;
    }

    @Test
    void corpus_isLargeAndHostile() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(10_000)
                .anyMatch(n -> n.contains("`")).anyMatch(n -> n.contains("--")).anyMatch(n -> n.contains("\n"));
    }

    @Test
    void names_areRejectedOrAddressExactlyTheIntendedObject() {
        int rendered = 0;
        for (String text : corpus()) {
            CatalogName catalog;
            try {
                catalog = CatalogName.of(text);
            } catch (InvalidInputException rejected) {
                assertThat(rejected.field()).isEqualTo("catalog name");
                continue;
            }
            Statement grant = SqlParser.parse(SQL.grant(Grant.on(catalog).to(Principal.group("readers"))
                    .privileges(Privilege.USE_CATALOG, Privilege.SELECT)));
            assertThat(grant).as("GRANT on %s", text).isInstanceOf(GrantStatement.class);
            GrantStatement statement = (GrantStatement) grant;
            assertThat(statement.securable().type()).isEqualTo("CATALOG");
            assertThat(statement.securable().name()).containsExactly(text);
            assertThat(statement.principal()).isEqualTo("readers");
            assertThat(statement.privileges()).containsExactly("USE CATALOG", "SELECT");

            SchemaName schema = catalog.schema(text);
            Statement create = SqlParser.parse(SQL.createSchema(Schema.named(schema)));
            assertThat(((CreateSchema) create).name()).containsExactly(text, text);
            rendered++;
        }
        assertThat(rendered).as("accepted names that were rendered").isGreaterThan(1_000);
    }

    @Test
    void principals_areRejectedOrAddressExactlyTheIntendedGrantee() {
        int rendered = 0;
        for (String text : corpus()) {
            Principal group;
            try {
                group = Principal.group(text);
            } catch (InvalidInputException rejected) {
                assertThat(rejected.field()).isEqualTo("group name");
                continue;
            }
            GrantStatement statement = (GrantStatement) SqlParser.parse(SQL.grant(
                    Grant.on(CatalogName.of("sales")).to(group).privileges(Privilege.BROWSE)));
            assertThat(statement.principal()).as("grantee of %s", text).isEqualTo(text);
            assertThat(statement.securable().name()).containsExactly("sales");
            rendered++;
        }
        assertThat(rendered).isGreaterThan(1_000);
    }

    @Test
    void comments_roundTripThroughLiteralEscaping() {
        for (String text : corpus()) {
            CreateCatalog statement = (CreateCatalog) SqlParser.parse(
                    SQL.createCatalog(Catalog.named("c").comment(text)));
            assertThat(statement.comment()).as("comment %s", text).isEqualTo(text);
            assertThat(statement.name()).isEqualTo("c");
        }
    }
}
