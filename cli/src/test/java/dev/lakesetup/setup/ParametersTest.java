package dev.lakesetup.setup;

import static dev.lakesetup.setup.Setups.WAREHOUSE;
import static dev.lakesetup.setup.Setups.assertSameBlueprint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.databricks.DataGraphSetup;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameters the examples leave out map to the same builder calls. */
class ParametersTest {
    private static final String APP = "99999999-8888-7777-6666-555555555555";

    @Test
    void dataGraph_withEveryOptionalParameter_equalsTheFluentRecipe() {
        WorkspaceSetup setup = Setups.one(Setups.workspace("""
                dataGraph:
                  servicePrincipal: {name: dg}
                  warehouse: other123
                  bookkeepingCatalog: dg_books
                  profilesSyncCatalog: profiles
                  readOnlyCatalogs: [a, b]
                  reverseEtlGrant: false
                  secretSink: {file: dg.json}
                  secretLifetime: P30D
                """));
        DataGraphSetup fluent = DataGraphSetup.builder().servicePrincipalNamed("dg").warehouse("other123")
                .bookkeepingCatalog("dg_books").profilesSyncCatalog("profiles").readOnlyCatalogs("a", "b")
                .reverseEtlGrant(false).secretSink(credentials -> { }).secretLifetime(Duration.ofDays(30)).build();
        DataGraphSetup fromFile = setup.recipe(DataGraphSetup.class).orElseThrow();
        assertThat(fromFile.toString()).isEqualTo(fluent.toString());
        assertThat(fromFile.wantsReverseEtlGrant()).isFalse();
        assertSameBlueprint(setup.blueprint(), fluent.blueprint(schema -> true));
    }

    @Test
    void dataGraph_withExistingPrincipalAndValidationCredentials_equalsTheFluentRecipe() {
        WorkspaceSetup setup = Setups.yaml(Setups.workspace("""
                dataGraph:
                  servicePrincipal: {applicationId: %s}
                  profilesSyncCatalog: profiles
                  validateWith: {clientId: %s, secret: {fromEnv: DG_SECRET}}
                """.formatted(APP, APP)), Map.of("DG_SECRET", "hunter2")).get(0);
        DataGraphSetup fluent = DataGraphSetup.builder().existingServicePrincipal(ApplicationId.of(APP))
                .warehouse(WAREHOUSE).profilesSyncCatalog("profiles")
                .validateWith(new OAuthCredentials(ApplicationId.of(APP), Secret.of("hunter2"))).build();
        assertThat(setup.recipe(DataGraphSetup.class).orElseThrow().toString()).isEqualTo(fluent.toString());
        assertSameBlueprint(setup.blueprint(), fluent.blueprint(schema -> true));
    }

    @Test
    void blueprint_withLocationsRotationAndUsers_equalsTheFluentBlueprint() {
        WorkspaceSetup setup = Setups.one(Setups.workspace("""
                blueprint:
                  catalogs:
                    - {name: lake, managedLocation: "abfss://lake@acct.dfs.core.windows.net/lake"}
                  schemas:
                    - {name: lake.gold, managedLocation: "abfss://lake@acct.dfs.core.windows.net/gold"}
                  oauthSecrets:
                    - principal: {applicationId: %s}
                      sink: {file: sp.json}
                      rotate: true
                  grants:
                    - on: {table: lake.gold.orders}
                      to: {user: ana@example.com}
                      privileges: [SELECT]
                """.formatted(APP)));
        Blueprint fluent = Blueprint.builder()
                .resource(Catalog.named("lake").managedLocation("abfss://lake@acct.dfs.core.windows.net/lake"))
                .resource(Schema.named("lake", "gold").managedLocation("abfss://lake@acct.dfs.core.windows.net/gold"))
                .resource(OAuthSecret.forPrincipal(Principal.servicePrincipal(ApplicationId.of(APP)), c -> { })
                        .rotate())
                .grant(Grant.on(Securable.table("lake", "gold", "orders")).to(Principal.user("ana@example.com"))
                        .privileges(Privilege.SELECT))
                .build();
        assertSameBlueprint(setup.blueprint(), fluent);
    }
}
