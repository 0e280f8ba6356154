package dev.lakesetup.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden SQL for every statement type and securable type. */
class UnityCatalogSqlTest {
    private static final UnityCatalogSql SQL = UnityCatalogSql.standard();
    private static final ServicePrincipal SP =
            Principal.servicePrincipal(ApplicationId.of("fffa5b05-1da5-4599-8360-cc2684bcdefb"));

    @Test
    void createCatalog_plain() {
        assertThat(SQL.createCatalog(Catalog.named("segment")))
                .isEqualTo("CREATE CATALOG IF NOT EXISTS `segment`");
    }

    @Test
    void createCatalog_withLocationAndComment_escapesLiterals() {
        Catalog catalog = Catalog.named("lake").managedLocation("abfss://c@a.dfs.core.windows.net/x'y")
                .comment("it's a \\ test\nline two");

        assertThat(SQL.createCatalog(catalog)).isEqualTo("CREATE CATALOG IF NOT EXISTS `lake` MANAGED LOCATION "
                + "'abfss://c@a.dfs.core.windows.net/x\\'y' COMMENT 'it\\'s a \\\\ test\\nline two'");
    }

    @Test
    void revokeAndGrant_whenAPrivilegeHasNoPlainName_refuseInsteadOfWritingItIntoTheStatement() {
        // a name read from the service (or from an edited saved plan) that would end the statement
        Privilege odd = Privilege.observed("SELECT ON CATALOG x FROM y; DROP CATALOG z; --", SecurableType.CATALOG);
        Grant grant = Grant.on(Securable.catalog("x")).to(Principal.group("y")).privileges(odd);

        assertThatThrownBy(() -> SQL.revoke(grant)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("privilege").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> SQL.grant(grant)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void selectReadOnly_readsTheExternalLocationsViewByLowerCaseName() {
        assertThat(SQL.selectReadOnly(Securable.externalLocation("Lake's")))
                .isEqualTo("SELECT read_only FROM system.information_schema.external_locations WHERE "
                        + "external_location_name = 'lake\\'s'");
    }

    @Test
    void createSchema_quotesBothParts() {
        assertThat(SQL.createSchema(Schema.named("sales", "raw").comment("landing")))
                .isEqualTo("CREATE SCHEMA IF NOT EXISTS `sales`.`raw` COMMENT 'landing'");
        assertThat(SQL.createSchema(Schema.named("sales", "raw").managedLocation("s3://bucket/raw")))
                .isEqualTo("CREATE SCHEMA IF NOT EXISTS `sales`.`raw` MANAGED LOCATION 's3://bucket/raw'");
    }

    @Test
    void createExternalLocation_namesUrlAndCredential() {
        ExternalLocation location = ExternalLocation.named("segment_landing",
                "abfss://segment@acct.dfs.core.windows.net/", "segment_cred").comment("Segment");

        assertThat(SQL.createExternalLocation(location)).isEqualTo("CREATE EXTERNAL LOCATION IF NOT EXISTS "
                + "`segment_landing` URL 'abfss://segment@acct.dfs.core.windows.net' "
                + "WITH (STORAGE CREDENTIAL `segment_cred`) COMMENT 'Segment'");
    }

    @Test
    void createExternalLocation_whenReadOnly_isRefusedRatherThanDropped() {
        ExternalLocation location = ExternalLocation.named("l", "s3://b", "c").readOnly(true);

        assertThatThrownBy(() -> SQL.createExternalLocation(location)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("read only");
    }

    static Stream<Arguments> everySecurable() {
        return Stream.of(
                Arguments.of(Securable.metastore(), Privilege.CREATE_CATALOG, "METASTORE"),
                Arguments.of(Securable.catalog("sales"), Privilege.USE_CATALOG, "CATALOG `sales`"),
                Arguments.of(Securable.schema("sales", "raw"), Privilege.USE_SCHEMA, "SCHEMA `sales`.`raw`"),
                Arguments.of(Securable.table("sales", "raw", "events"), Privilege.SELECT,
                        "TABLE `sales`.`raw`.`events`"),
                Arguments.of(Securable.storageCredential("cred"), Privilege.READ_FILES, "STORAGE CREDENTIAL `cred`"),
                Arguments.of(Securable.externalLocation("loc"), Privilege.WRITE_FILES, "EXTERNAL LOCATION `loc`"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("everySecurable")
    void grantAndRevoke_onEverySecurableType(Securable securable, Privilege privilege, String rendered) {
        Grant grant = Grant.on(securable).to(SP).privileges(privilege);

        assertThat(SQL.grant(grant)).isEqualTo("GRANT " + privilege.sqlName() + " ON " + rendered
                + " TO `fffa5b05-1da5-4599-8360-cc2684bcdefb`");
        assertThat(SQL.revoke(grant)).isEqualTo("REVOKE " + privilege.sqlName() + " ON " + rendered
                + " FROM `fffa5b05-1da5-4599-8360-cc2684bcdefb`");
        assertThat(SQL.showGrants(securable)).isEqualTo("SHOW GRANTS ON " + rendered);
        assertThat(SQL.showGrants(securable, Principal.group("account users")))
                .isEqualTo("SHOW GRANTS `account users` ON " + rendered);
    }

    @Test
    void describe_everyNamedSecurable() {
        assertThat(SQL.describe(Securable.catalog("sales"))).isEqualTo("DESCRIBE CATALOG EXTENDED `sales`");
        assertThat(SQL.describe(Securable.schema("sales", "raw"))).isEqualTo("DESCRIBE SCHEMA EXTENDED `sales`.`raw`");
        assertThat(SQL.describe(Securable.table("s", "r", "t"))).isEqualTo("DESCRIBE TABLE EXTENDED `s`.`r`.`t`");
        assertThat(SQL.describe(Securable.externalLocation("loc"))).isEqualTo("DESCRIBE EXTERNAL LOCATION `loc`");
        assertThat(SQL.describe(Securable.storageCredential("c"))).isEqualTo("DESCRIBE STORAGE CREDENTIAL `c`");
        assertThatThrownBy(() -> SQL.describe(Securable.metastore())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void commentOn_whenCommentHoldsLineSeparatorOrBidiControl_writesThemAsUnicodeEscapes() {
        assertThat(SQL.commentOn(Securable.schema("a", "b"), "ok\u2028GRANT\u202e x"))
                .isEqualTo("COMMENT ON SCHEMA `a`.`b` IS 'ok\\u2028GRANT\\u202e x'");
    }

    @Test
    void commentOn_whenExternalLocationOrStorageCredential_isRefusedNamingTheType() {
        assertThatThrownBy(() -> SQL.commentOn(Securable.externalLocation("landing"), "new"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("EXTERNAL LOCATION landing")
                .hasMessageContaining("a catalog, schema or table");
        assertThatThrownBy(() -> SQL.commentOn(Securable.storageCredential("cred"), "new"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("STORAGE CREDENTIAL cred");
    }

    @Test
    void commentOn_changesCommentInPlace() {
        assertThat(SQL.commentOn(Securable.schema("a", "b"), "new"))
                .isEqualTo("COMMENT ON SCHEMA `a`.`b` IS 'new'");
    }

    @Test
    void identifiers_withBackticksAndInjectionText_areQuotedAsOneName() {
        Grant grant = Grant.on(Securable.schema("we`ird", "x;--y")).to(Principal.group("a`dmins`; DROP"))
                .privileges(Privilege.SELECT, Privilege.USE_SCHEMA);

        assertThat(SQL.grant(grant))
                .isEqualTo("GRANT USE SCHEMA, SELECT ON SCHEMA `we``ird`.`x;--y` TO `a``dmins``; DROP`");
    }

    @Test
    void principals_renderByTheirGrantName() {
        Grant toUser = Grant.on(Securable.catalog("c")).to(Principal.user("ana@example.com"))
                .privileges(Privilege.BROWSE);

        assertThat(SQL.grant(toUser)).isEqualTo("GRANT BROWSE ON CATALOG `c` TO `ana@example.com`");
    }

    @Test
    void grant_toUnresolvedServicePrincipal_isRefusedUnlessPlaceholdersAsked() {
        Grant grant = Grant.on(Securable.catalog("c")).to(Principal.servicePrincipalNamed("etl"))
                .privileges(Privilege.USE_CATALOG);

        assertThatThrownBy(() -> SQL.grant(grant)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("etl");
        assertThat(SQL.withUnresolvedPrincipalsAs(sp -> "${" + sp.displayName().orElseThrow() + "}").grant(grant))
                .isEqualTo("GRANT USE CATALOG ON CATALOG `c` TO `${etl}`");
    }

    @Test
    void drop_neverCascadesAndToleratesAGoneObject() {
        assertThat(SQL.drop(Securable.catalog("sales"))).isEqualTo("DROP CATALOG IF EXISTS `sales` RESTRICT");
        assertThat(SQL.drop(Securable.schema("sales", "r`aw")))
                .isEqualTo("DROP SCHEMA IF EXISTS `sales`.`r``aw` RESTRICT");
        assertThat(SQL.drop(Securable.externalLocation("lake"))).isEqualTo("DROP EXTERNAL LOCATION IF EXISTS `lake`");
        assertThatThrownBy(() -> SQL.drop(Securable.storageCredential("cred")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("STORAGE CREDENTIAL cred");
    }
}
