package dev.lakesetup.core.model;

import static dev.lakesetup.core.model.SecurableType.CATALOG;
import static dev.lakesetup.core.model.SecurableType.EXTERNAL_LOCATION;
import static dev.lakesetup.core.model.SecurableType.SCHEMA;
import static dev.lakesetup.core.model.SecurableType.STORAGE_CREDENTIAL;
import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Privilege.UnknownNames;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PrivilegeTest {

    @ParameterizedTest(name = "{0} on {1} = {2}")
    @CsvSource({
        "USE CATALOG, CATALOG, USE CATALOG",
        "use_catalog, CATALOG, USE CATALOG",
        "'  Use   Catalog ', CATALOG, USE CATALOG",
        "USAGE, CATALOG, USE CATALOG",
        "usage, SCHEMA, USE SCHEMA",
        "CREATE, CATALOG, CREATE SCHEMA",
        "CREATE, SCHEMA, CREATE TABLE",
        "ALL, CATALOG, ALL PRIVILEGES",
        "all_privileges, SCHEMA, ALL PRIVILEGES",
        "select, TABLE, SELECT",
        "READ_FILES, EXTERNAL_LOCATION, READ FILES",
        "create external table, STORAGE_CREDENTIAL, CREATE EXTERNAL TABLE",
        "CREATE_EXTERNAL_LOCATION, METASTORE, CREATE EXTERNAL LOCATION",
    })
    void parse_mapsSpellingsAndLegacyNames_toCanonical(String text, SecurableType type, String canonical) {
        Privilege privilege = Privilege.parse(text, type);

        assertThat(privilege.sqlName()).isEqualTo(canonical);
        assertThat(privilege.apiName()).isEqualTo(canonical.replace(' ', '_'));
        assertThat(privilege.isKnown()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"READ_METADATA", "read metadata"})
    void parse_whenHiveEraReadMetadata_rejectsItSayingWhatUnityCatalogUsesInstead(String text) {
        assertThatThrownBy(() -> Privilege.parse(text, SCHEMA)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(text).hasMessageContaining("Hive metastore privilege")
                .hasMessageContaining("USE SCHEMA and SELECT on the schema, or BROWSE on the catalog");
    }

    @Test
    void observed_whenServiceReportsReadMetadata_keepsIt() {
        assertThat(Privilege.observed("READ_METADATA", SCHEMA).sqlName()).isEqualTo("READ METADATA");
    }

    @Test
    void parse_whenUnknownAndAllowed_keepsTheNameForAnyType() {
        Privilege future = Privilege.parse("manage_sharing", CATALOG, UnknownNames.ALLOW);

        assertThat(future.sqlName()).isEqualTo("MANAGE SHARING");
        assertThat(future.isKnown()).isFalse();
        assertThat(future.appliesTo(EXTERNAL_LOCATION)).isTrue();
        assertThat(future).isEqualTo(Privilege.parse("MANAGE SHARING", SCHEMA, UnknownNames.ALLOW));
    }

    @Test
    void applicability_matchesUnityCatalogForStorageSecurables() {
        assertThat(Privilege.applicableTo(STORAGE_CREDENTIAL)).containsExactly(Privilege.ALL_PRIVILEGES,
                Privilege.MANAGE, Privilege.CREATE_EXTERNAL_TABLE, Privilege.CREATE_EXTERNAL_VOLUME,
                Privilege.CREATE_MANAGED_STORAGE, Privilege.READ_FILES, Privilege.WRITE_FILES,
                Privilege.CREATE_EXTERNAL_LOCATION);
        assertThat(Privilege.applicableTo(CATALOG)).contains(Privilege.USE_CATALOG, Privilege.USE_SCHEMA,
                Privilege.SELECT, Privilege.CREATE_SCHEMA).doesNotContain(Privilege.READ_FILES);
        assertThat(Privilege.applicableTo(SecurableType.TABLE)).doesNotContain(Privilege.USE_SCHEMA);
    }

    @Test
    void privileges_sortInCanonicalOrder_unknownLast() {
        Grant grant = Grant.on(Securable.catalog("c")).to(Group.of("g")).privileges(
                Privilege.parse("zzz", CATALOG, UnknownNames.ALLOW), Privilege.SELECT, Privilege.USE_SCHEMA,
                Privilege.USE_CATALOG);

        assertThat(grant.privileges()).extracting(Privilege::sqlName)
                .containsExactly("USE CATALOG", "USE SCHEMA", "SELECT", "ZZZ");
    }

    static Stream<Arguments> malformedNames() {
        String longName = "A".repeat(300);
        return Stream.of(
                Arguments.of("SELECT ON x TO y", "'SELECT ON x TO y'", "word ON"),
                Arguments.of("SELECT TO attacker", "'SELECT TO attacker'", "word TO"),
                Arguments.of("select_from_x", "'select_from_x'", "word FROM"),
                Arguments.of("A\nB", "'A\\u000aB'", "other than letters"),
                Arguments.of("USE\tCATALOG", "'USE\\u0009CATALOG'", "other than letters"),
                Arguments.of("MANAGE\u001b[2K", "'MANAGE\\u001b[2K'", "other than letters"),
                Arguments.of("SELECT, MODIFY", "'SELECT, MODIFY'", "other than letters"),
                Arguments.of("SELECT`", "'SELECT`'", "other than letters"),
                Arguments.of("USE__CATALOG", "'USE__CATALOG'", "other than letters"),
                Arguments.of("_SELECT", "'_SELECT'", "other than letters"),
                Arguments.of("", "''", "other than letters"),
                Arguments.of(longName, "300 characters", "300 characters long"));
    }

    @ParameterizedTest(name = "{1} ({0})")
    @MethodSource("malformedNames")
    void parse_whenNameHasNotThePrivilegeShape_rejectsItNamingFieldValueAndShape(String text, String shown,
                                                                               String problem) {
        for (UnknownNames policy : UnknownNames.values()) {
            assertThatThrownBy(() -> Privilege.parse(text, CATALOG, policy))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("privilege ")
                    .hasMessageContaining(shown).hasMessageContaining(problem)
                    .hasMessageContaining("accepted: a privilege name of letters and digits, words joined by single "
                            + "spaces or underscores, at most 64 characters, without the words ON, TO or FROM")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\t", "\u001b"));
        }
    }

    @ParameterizedTest
    @EnumSource(UnknownNames.class)
    void parse_whenUnknownNameHasThePrivilegeShape_keepsItOnlyWhenAllowed(UnknownNames policy) {
        String name = "USE_MARKETPLACE_ASSETS2";

        if (policy == UnknownNames.ALLOW) {
            assertThat(Privilege.parse(name, CATALOG, policy).sqlName()).isEqualTo("USE MARKETPLACE ASSETS2");
            assertThat(Privilege.parse("A".repeat(64), CATALOG, policy).isKnown()).isFalse();
        } else {
            assertThatThrownBy(() -> Privilege.parse(name, CATALOG, policy))
                    .hasMessageContaining("it is not a Unity Catalog privilege");
        }
    }

    @Test
    void observed_whenKnownPrivilegeDoesNotApplyToType_keepsItAndAGrantCanCarryIt() {
        Privilege browse = Privilege.observed("BROWSE", SCHEMA);

        assertThat(browse).isEqualTo(Privilege.BROWSE);
        assertThat(browse.hasPlainName()).isTrue();
        assertThat(Grant.on(Securable.schema("sales", "raw")).to(Principal.group("analysts")).privileges(browse)
                .privileges()).containsExactly(browse);
    }

    @Test
    void observed_mapsSpellingsLikeParse() {
        assertThat(Privilege.observed("use_catalog", CATALOG)).isSameAs(Privilege.USE_CATALOG);
        assertThat(Privilege.observed("create_foreign_securable", EXTERNAL_LOCATION).sqlName())
                .isEqualTo("CREATE FOREIGN SECURABLE");
    }

    @Test
    void observed_whenNameHasAnotherShape_keepsItPrintableAndNotPlain() {
        Privilege odd = Privilege.observed("drop\u0007me`", SCHEMA);

        assertThat(odd.hasPlainName()).isFalse();
        assertThat(odd.sqlName()).isEqualTo("drop\\u0007me`");
        assertThat(Privilege.observed("SELECT\u202e;\u2066x", SCHEMA).sqlName())
                .isEqualTo("SELECT\\u202e;\\u2066x");
        assertThat(Privilege.observed("x".repeat(300) + "-", SCHEMA).sqlName()).hasSize(103).endsWith("...");
    }
}
