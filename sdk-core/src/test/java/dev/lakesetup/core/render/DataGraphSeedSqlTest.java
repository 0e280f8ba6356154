package dev.lakesetup.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statements of the Data Graph setup guide (steps 2 to 5 and the reverse-ETL grant), built with the model
 * from the guide's own privilege names, render to canonical Unity Catalog SQL.
 */
class DataGraphSeedSqlTest {
    private static final UnityCatalogSql SQL = UnityCatalogSql.standard();
    private static final String CLIENT_ID = "0b5c0f4e-7d1a-4c3b-9e2f-5a6b7c8d9e0f";
    private static final ServicePrincipal SP = Principal.servicePrincipal(ApplicationId.of(CLIENT_ID));

    /** Builds a grant from the guide's text the way a user would: privileges parsed for the securable type. */
    private static String grant(Securable securable, String privileges) {
        List<Privilege> parsed = Arrays.stream(privileges.split(","))
                .map(text -> Privilege.parse(text, securable.type())).toList();
        return SQL.grant(Grant.on(securable).to(SP).privileges(parsed));
    }

    @Test
    void step2_bookkeepingCatalog() {
        Securable catalog = Securable.catalog("SEGMENT_LINKED_PROFILES_DB");

        assertThat(SQL.createCatalog(Catalog.named("SEGMENT_LINKED_PROFILES_DB")))
                .isEqualTo("CREATE CATALOG IF NOT EXISTS `SEGMENT_LINKED_PROFILES_DB`");
        assertThat(grant(catalog, "USAGE"))
                .isEqualTo("GRANT USE CATALOG ON CATALOG `SEGMENT_LINKED_PROFILES_DB` TO `" + CLIENT_ID + "`");
        assertThat(grant(catalog, "CREATE"))
                .isEqualTo("GRANT CREATE SCHEMA ON CATALOG `SEGMENT_LINKED_PROFILES_DB` TO `" + CLIENT_ID + "`");
        assertThat(grant(catalog, "SELECT"))
                .isEqualTo("GRANT SELECT ON CATALOG `SEGMENT_LINKED_PROFILES_DB` TO `" + CLIENT_ID + "`");
    }

    @Test
    void steps3and4_readOnlyCatalogs() {
        assertThat(grant(Securable.catalog("segment_profiles"), "USAGE, SELECT, USE SCHEMA"))
                .isEqualTo("GRANT USE CATALOG, USE SCHEMA, SELECT ON CATALOG `segment_profiles` TO `" + CLIENT_ID + "`");
        assertThat(grant(Securable.catalog("marketing"), "USAGE, SELECT, USE SCHEMA"))
                .isEqualTo("GRANT USE CATALOG, USE SCHEMA, SELECT ON CATALOG `marketing` TO `" + CLIENT_ID + "`");
    }

    @Test
    void step5_schemaLevelRestriction() {
        assertThat(grant(Securable.catalog("sales"), "USAGE"))
                .isEqualTo("GRANT USE CATALOG ON CATALOG `sales` TO `" + CLIENT_ID + "`");
        assertThat(grant(Securable.schema("sales", "orders"), "USAGE, SELECT"))
                .isEqualTo("GRANT USE SCHEMA, SELECT ON SCHEMA `sales`.`orders` TO `" + CLIENT_ID + "`");
        assertThat(grant(Securable.schema("sales", "customers"), "USAGE, SELECT"))
                .isEqualTo("GRANT USE SCHEMA, SELECT ON SCHEMA `sales`.`customers` TO `" + CLIENT_ID + "`");
    }

    @Test
    void reverseEtlSchema_allPrivileges() {
        assertThat(grant(Securable.schema("SEGMENT_LINKED_PROFILES_DB", "__segment_reverse_etl"), "ALL PRIVILEGES"))
                .isEqualTo("GRANT ALL PRIVILEGES ON SCHEMA `SEGMENT_LINKED_PROFILES_DB`.`__segment_reverse_etl` TO `"
                        + CLIENT_ID + "`");
    }
}
