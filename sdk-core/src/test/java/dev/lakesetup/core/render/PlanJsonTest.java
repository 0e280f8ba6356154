package dev.lakesetup.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON plan, {@code format_version} 2: values, not prose ({@code docs/plan-json.md}). */
class PlanJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode change(JsonNode plan, String id) {
        for (JsonNode change : plan.get("changes")) {
            if (change.get("id").asText().equals(id)) {
                return change;
            }
        }
        throw new AssertionError("no change " + id + " in " + plan);
    }

    private static List<String> texts(JsonNode array) {
        return MAPPER.convertValue(array, MAPPER.getTypeFactory().constructCollectionType(List.class,
                String.class));
    }

    @Test
    void render_whenRepresentativePlan_writesTheGoldenDocument() {
        String json = PlanFormat.JSON.render(SamplePlans.representative());

        assertThat(json).isEqualTo(GOLDEN);
    }

    @Test
    void render_whenParsed_givesHeaderSummaryAndResolvedPrincipals() throws Exception {
        JsonNode plan = MAPPER.readTree(PlanFormat.JSON.render(SamplePlans.representative()));

        assertThat(plan.get("format_version").asText()).isEqualTo("2");
        assertThat(plan.get("summary").get("update").asInt()).isEqualTo(2);
        assertThat(plan.get("summary").get("create").asInt()).isEqualTo(1);
        assertThat(plan.get("summary").get("no_op").asInt()).isEqualTo(1);
        assertThat(plan.get("resolved_principals").get(0).get("display_name").asText()).isEqualTo("graph");
        assertThat(plan.get("resolved_principals").get(0).get("application_id").asText())
                .isEqualTo(SamplePlans.GRAPH.toString());
    }

    @Test
    void render_whenParsed_givesEachSettingsBeforeAndAfterAsValues() throws Exception {
        JsonNode plan = MAPPER.readTree(PlanFormat.JSON.render(SamplePlans.representative()));

        JsonNode comment = change(plan, "catalog:sales").get("settings").get(0);
        assertThat(comment.get("name").asText()).isEqualTo("comment");
        assertThat(comment.get("before").asText()).isEqualTo("old");
        assertThat(comment.get("after").asText()).isEqualTo("it's new");
        assertThat(comment.get("immutable").asBoolean()).isFalse();
        assertThat(change(plan, "catalog:sales").get("object").get("kind").asText()).isEqualTo("catalog");
        assertThat(change(plan, "catalog:sales").get("object").get("name").asText()).isEqualTo("sales");
        JsonNode entitlements = change(plan, "service_principal:named:graph").get("settings").get(0);
        assertThat(texts(entitlements.get("before"))).containsExactly("workspace-access");
        assertThat(texts(entitlements.get("after"))).containsExactly("databricks-sql-access", "workspace-access");
        assertThat(texts(entitlements.get("add"))).containsExactly("databricks-sql-access");
        JsonNode url = change(plan, "external_location:landing").get("settings").get(0);
        assertThat(url.get("immutable").asBoolean()).isTrue();
        assertThat(url.get("before").asText()).endsWith("/old");
        JsonNode created = change(plan, "storage_credential:cred").get("settings").get(0);
        assertThat(created.get("before").isNull()).isTrue();
    }

    @Test
    void render_whenParsed_givesPrivilegesPerPrincipalAsTheServiceNamesIt() throws Exception {
        JsonNode plan = MAPPER.readTree(PlanFormat.JSON.render(SamplePlans.representative()));

        JsonNode grant = change(plan, "grant:catalog:sales");
        assertThat(grant.get("kind").asText()).isEqualTo("grants");
        assertThat(texts(grant.get("depends_on"))).containsExactly("catalog:sales", "service_principal:named:graph");
        JsonNode graph = grant.get("privileges").get(0);
        assertThat(graph.get("principal").asText()).isEqualTo(SamplePlans.GRAPH.toString());
        assertThat(graph.get("display_name").asText()).isEqualTo("graph");
        assertThat(texts(graph.get("add"))).containsExactly("USE CATALOG", "SELECT");
        assertThat(texts(graph.get("remove"))).isEmpty();
        assertThat(grant.get("privileges").get(1).get("principal").asText()).isEqualTo("ana@example.com");
        JsonNode revoke = change(plan, "revoke:catalog:sales");
        assertThat(revoke.get("privileges").get(0).get("principal").asText()).isEqualTo("legacy");
        assertThat(texts(revoke.get("privileges").get(0).get("remove"))).containsExactly("SELECT");
        assertThat(revoke.get("privileges").get(1).get("principal").asText()).isEqualTo(SamplePlans.DELETED_ID);
        assertThat(revoke.get("privileges").get(1).get("principal_type").asText()).isEqualTo("deleted");
    }

    @Test
    void render_whenSettingIsSecret_masksItAndMarksItSensitive() throws Exception {
        String json = PlanFormat.JSON.render(SamplePlans.representative());
        JsonNode plan = MAPPER.readTree(json);

        JsonNode secret = null;
        for (JsonNode setting : change(plan, "storage_credential:cred").get("settings")) {
            if (setting.get("sensitive").asBoolean()) {
                secret = setting;
            }
        }
        assertThat(secret).isNotNull();
        assertThat(secret.get("after").asText()).isEqualTo("****");
        assertThat(secret.get("before").isNull()).isTrue();
        assertThat(json).doesNotContain(SamplePlans.CLIENT_SECRET);
    }

    @Test
    void render_whenServiceTextIsHostile_keepsItOneEscapedValue() throws Exception {
        String hostile = "x\"}]}\n{\"injected\": true}\r\u001b[2K\u2028\u202e";

        String json = PlanFormat.JSON.render(SamplePlans.hostile(hostile));
        JsonNode plan = MAPPER.readTree(json);

        assertThat(json).doesNotContain("\u001b", "\r", "\u2028", "\u202e").doesNotContainPattern("\n\\{");
        assertThat(plan.has("injected")).isFalse();
        String escaped = ServiceText.escape(hostile);
        assertThat(change(plan, "catalog:sales").get("settings").get(0).get("before").asText()).isEqualTo(escaped);
        JsonNode revoke = change(plan, "revoke:catalog:sales").get("privileges");
        assertThat(revoke.get(0).get("principal").asText()).isEqualTo("ops\\u202egroup");
        assertThat(texts(revoke.get(0).get("remove"))).containsExactly(escaped);
        assertThat(revoke.get(1).get("principal").asText()).isEqualTo("42\\u202e1;\\u2066x");
    }

    @Test
    void render_whenPlanIsEmpty_givesEmptyChangesAndZeroCounts() throws Exception {
        JsonNode plan = MAPPER.readTree(PlanFormat.JSON.render(Plan.of(List.of())));

        assertThat(plan.get("changes")).isEmpty();
        assertThat(plan.get("summary").get("create").asInt()).isZero();
        assertThat(plan.get("resolved_principals")).isEmpty();
    }

    private static final String GOLDEN = """
            {
              "format_version" : "2",
              "summary" : {
                "create" : 1,
                "update" : 2,
                "grant" : 1,
                "revoke" : 1,
                "delete" : 0,
                "no_op" : 1,
                "conflict" : 1
              },
              "resolved_principals" : [ {
                "display_name" : "graph",
                "application_id" : "0b6a5c1e-7d2f-4e8a-9c3b-1f2e3d4c5b6a"
              } ],
              "changes" : [ {
                "id" : "catalog:sales",
                "action" : "UPDATE",
                "kind" : "catalog",
                "object" : {
                  "kind" : "catalog",
                  "name" : "sales"
                },
                "depends_on" : [ ],
                "settings" : [ {
                  "name" : "comment",
                  "before" : "old",
                  "after" : "it's new",
                  "sensitive" : false,
                  "immutable" : false
                } ]
              }, {
                "id" : "storage_credential:cred",
                "action" : "CREATE",
                "kind" : "storage_credential",
                "object" : {
                  "kind" : "storage_credential",
                  "name" : "cred"
                },
                "depends_on" : [ ],
                "settings" : [ {
                  "name" : "identity",
                  "before" : null,
                  "after" : "azure service principal",
                  "sensitive" : false,
                  "immutable" : true
                }, {
                  "name" : "directory id",
                  "before" : null,
                  "after" : "3f1c2a52-1b7e-4c55-8d0a-2f1e6b9c7d41",
                  "sensitive" : false,
                  "immutable" : true
                }, {
                  "name" : "application id",
                  "before" : null,
                  "after" : "9f0c3a52-1b7e-4c55-8d0a-2f1e6b9c7d41",
                  "sensitive" : false,
                  "immutable" : true
                }, {
                  "name" : "client secret",
                  "before" : null,
                  "after" : "****",
                  "sensitive" : true,
                  "immutable" : true
                } ]
              }, {
                "id" : "service_principal:named:graph",
                "action" : "UPDATE",
                "kind" : "service_principal",
                "object" : {
                  "kind" : "service_principal",
                  "name" : "named:graph"
                },
                "depends_on" : [ ],
                "settings" : [ {
                  "name" : "entitlements",
                  "before" : [ "workspace-access" ],
                  "after" : [ "databricks-sql-access", "workspace-access" ],
                  "sensitive" : false,
                  "immutable" : false,
                  "add" : [ "databricks-sql-access" ]
                } ]
              }, {
                "id" : "grant:catalog:sales",
                "action" : "GRANT",
                "kind" : "grants",
                "object" : {
                  "kind" : "catalog",
                  "name" : "sales"
                },
                "depends_on" : [ "catalog:sales", "service_principal:named:graph" ],
                "privileges" : [ {
                  "principal" : "0b6a5c1e-7d2f-4e8a-9c3b-1f2e3d4c5b6a",
                  "principal_type" : "service_principal",
                  "display_name" : "graph",
                  "add" : [ "USE CATALOG", "SELECT" ],
                  "remove" : [ ]
                }, {
                  "principal" : "ana@example.com",
                  "principal_type" : "user",
                  "add" : [ "USE CATALOG" ],
                  "remove" : [ ]
                } ]
              }, {
                "id" : "revoke:catalog:sales",
                "action" : "REVOKE",
                "kind" : "grants",
                "object" : {
                  "kind" : "catalog",
                  "name" : "sales"
                },
                "depends_on" : [ "catalog:sales" ],
                "privileges" : [ {
                  "principal" : "legacy",
                  "principal_type" : "group",
                  "add" : [ ],
                  "remove" : [ "SELECT" ]
                }, {
                  "principal" : "1234567890",
                  "principal_type" : "deleted",
                  "add" : [ ],
                  "remove" : [ "USE CATALOG" ]
                } ]
              }, {
                "id" : "external_location:landing",
                "action" : "CONFLICT",
                "kind" : "external_location",
                "object" : {
                  "kind" : "external_location",
                  "name" : "landing"
                },
                "depends_on" : [ "storage_credential:cred" ],
                "settings" : [ {
                  "name" : "url",
                  "before" : "abfss://c@acct.dfs.core.windows.net/old",
                  "after" : "abfss://c@acct.dfs.core.windows.net/new",
                  "sensitive" : false,
                  "immutable" : true
                } ]
              }, {
                "id" : "catalog:kept",
                "action" : "NO_OP",
                "kind" : "catalog",
                "object" : {
                  "kind" : "catalog",
                  "name" : "kept"
                },
                "depends_on" : [ ],
                "settings" : [ ]
              } ]
            }
            """;
}
