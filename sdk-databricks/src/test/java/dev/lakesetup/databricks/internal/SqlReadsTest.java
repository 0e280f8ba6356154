package dev.lakesetup.databricks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.render.UnityCatalogSql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How {@link SqlReads} maps the rows of SHOW GRANTS and of the privileges views. */
class SqlReadsTest {
    private final SqlReads reads = new SqlReads(UnityCatalogSql.standard());
    private final Securable raw = Securable.schema("sales", "raw");

    /** Answers each statement with the rows a function gives, keyed as a runner keys them (lower case). */
    private record Rows(Function<String, List<Map<String, String>>> answer, List<String> statements)
            implements SqlRows {
        Rows(Function<String, List<Map<String, String>>> answer) {
            this(answer, new ArrayList<>());
        }

        @Override
        public List<Map<String, String>> query(String what, String sql) {
            statements.add(sql);
            return answer.apply(sql);
        }

        @Override
        public Optional<List<Map<String, String>>> queryIfExists(String what, String sql) {
            return Optional.of(query(what, sql));
        }
    }

    /** A SHOW GRANTS row in the documented columns, keyed lower case as JDBC and the statement API runner key them. */
    private static Map<String, String> showRow(String principal, String action, String type, String key) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("principal", principal);
        row.put("actiontype", action);
        row.put("objecttype", type);
        row.put("objectkey", key);
        return row;
    }

    @Test
    void grants_onMetastore_readsTheDocumentedShowGrantsColumns() {
        Rows session = new Rows(sql -> List.of(showRow("analysts", "CREATE CATALOG", "METASTORE", "m1")));

        Map<Securable, List<PrincipalPrivileges>> held = reads.grants(session, List.of(Securable.metastore()),
                s -> false);

        assertThat(held.get(Securable.metastore())).containsExactly(
                PrincipalPrivileges.of(Principal.group("analysts"), java.util.Set.of(Privilege.CREATE_CATALOG)));
    }

    @Test
    void grants_whenEveryGrantIsNeeded_usesShowGrantsAndSkipsInheritedRows() {
        Rows session = new Rows(sql -> List.of(
                showRow("analysts", "USE SCHEMA", "SCHEMA", "sales.raw"),
                showRow("analysts", "USE CATALOG", "CATALOG", "sales"),
                showRow("owners", "BROWSE", "DATABASE", "raw"),
                showRow("me@example.com", "OWN", "SCHEMA", "sales.raw")));

        Map<Securable, List<PrincipalPrivileges>> held = reads.grants(session, List.of(raw), s -> s.equals(raw));

        assertThat(session.statements()).containsExactly("SHOW GRANTS ON SCHEMA `sales`.`raw`");
        assertThat(held.get(raw)).containsExactly(
                PrincipalPrivileges.of(Principal.group("analysts"), java.util.Set.of(Privilege.USE_SCHEMA)),
                PrincipalPrivileges.of(Principal.group("owners"),
                        java.util.Set.of(Privilege.observed("BROWSE", SecurableType.SCHEMA))));
    }

    @Test
    void grants_whenViewListsPrivilegeThatDoesNotApplyToType_keepsIt() {
        Rows session = new Rows(sql -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("grantee", "analysts");
            row.put("catalog_name", "sales");
            row.put("schema_name", "raw");
            row.put("privilege_type", "BROWSE");
            row.put("inherited_from", null);
            return List.of(row);
        });

        Map<Securable, List<PrincipalPrivileges>> held = reads.grants(session, List.of(raw), s -> false);

        assertThat(session.statements()).singleElement().asString().contains("schema_privileges");
        assertThat(held.get(raw)).singleElement().satisfies(entry -> assertThat(entry.privileges())
                .extracting(Privilege::sqlName).containsExactly("BROWSE"));
    }

    /** A DESCRIBE SCHEMA row in the documented columns, keyed lower case as the runners key them. */
    private static Map<String, String> schemaRow(String item, String value) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("database_description_item", item);
        row.put("database_description_value", value);
        return row;
    }

    @Test
    void describe_schemaInTheDocumentedExampleShape_readsDescriptionAsComment() {
        Rows session = new Rows(sql -> List.of(schemaRow("Database Name", "raw"),
                schemaRow("Description", "For software companies"), schemaRow("Location", "file:/tmp/raw.db")));

        Map<String, String> state = reads.describe(session, Securable.schema("sales", "raw")).orElseThrow();

        assertThat(SqlReads.comment(state)).isEqualTo("For software companies");
    }

    @Test
    void describe_schemaWithCommentItem_readsCommentAndTheLocationBeneathTheDeclaredOne() {
        Rows session = new Rows(sql -> List.of(schemaRow("Catalog Name", "sales"), schemaRow("namespace name", "raw"),
                schemaRow("COMMENT", "raw files"),
                schemaRow("Location", "abfss://c@a.dfs.core.windows.net/raw/__unitystorage/schemas/1"),
                schemaRow("Owner", "me@example.com")));
        Schema declared = Schema.named("sales", "raw").managedLocation("abfss://c@a.dfs.core.windows.net/raw/")
                .comment("raw files");

        Map<String, String> state = reads.describe(session, Securable.schema("sales", "raw")).orElseThrow();

        assertThat(SqlReads.comment(state)).isEqualTo("raw files");
        assertThat(SqlReads.schemaRoot(state, declared)).isEqualTo(declared.managedLocation().orElseThrow().value());
    }

    @Test
    void describe_schemaLocationOutsideTheDeclaredOne_isReportedAsShown() {
        Rows session = new Rows(sql -> List.of(schemaRow("Namespace Name", "raw"),
                schemaRow("Location", "abfss://c@a.dfs.core.windows.net/rawer")));
        Schema declared = Schema.named("sales", "raw").managedLocation("abfss://c@a.dfs.core.windows.net/raw");

        Map<String, String> state = reads.describe(session, Securable.schema("sales", "raw")).orElseThrow();

        assertThat(SqlReads.schemaRoot(state, declared)).isEqualTo("abfss://c@a.dfs.core.windows.net/rawer");
    }
}
