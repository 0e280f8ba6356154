package dev.lakesetup.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.ServicePrincipal;
import org.junit.jupiter.api.Test;

class DataGraphDryRunTest {

    @Test
    void script_rendersTheGuideInCanonicalForm() {
        String p = "`${application id of segment-data-graph}`";

        assertThat(DataGraphDryRun.script(DataGraphDryRun.blueprint(ServicePrincipal.named("segment-data-graph"))))
                .containsExactly(
                        "CREATE CATALOG IF NOT EXISTS `SEGMENT_LINKED_PROFILES_DB` COMMENT 'Segment Data Graph bookkeeping';",
                        "GRANT USE CATALOG, SELECT, CREATE SCHEMA ON CATALOG `SEGMENT_LINKED_PROFILES_DB` TO " + p + ";",
                        "GRANT USE CATALOG, USE SCHEMA, SELECT ON CATALOG `segment_profiles` TO " + p + ";",
                        "GRANT USE CATALOG, USE SCHEMA, SELECT ON CATALOG `marketing` TO " + p + ";",
                        "GRANT USE CATALOG ON CATALOG `sales` TO " + p + ";",
                        "GRANT USE SCHEMA, SELECT ON SCHEMA `sales`.`orders` TO " + p + ";",
                        "GRANT USE SCHEMA, SELECT ON SCHEMA `sales`.`customers` TO " + p + ";");
    }

    @Test
    void reverseEtlGrant_isAllPrivilegesOnTheReverseEtlSchema() {
        assertThat(DataGraphDryRun.reverseEtlGrant(ServicePrincipal.named("x")).toString())
                .isEqualTo("GRANT [ALL PRIVILEGES] ON SCHEMA SEGMENT_LINKED_PROFILES_DB.__segment_reverse_etl"
                        + " TO service principal named 'x'");
    }
}
