package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalFederationPolicyRequest;
import com.databricks.sdk.service.oauth2.FederationPolicy;
import com.databricks.sdk.service.oauth2.OidcFederationPolicy;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ResourceHandler;
import dev.lakesetup.testkit.FakeWorkspace;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The federation policy handler against the fake account API: plan, apply, re-plan, delete, the limit. */
class FederationPolicyHandlerTest extends OnFakeWorkspace {
    private static final String ISSUER = "https://token.actions.githubusercontent.com";
    private static final String SUBJECT = "repo:acme/loader:environment:prod";

    private FakeWorkspace.SeededPrincipal seeded;
    private ServicePrincipal principal;
    private dev.lakesetup.core.model.FederationPolicy declared;

    @BeforeEach
    void seedPrincipal() {
        seeded = f.fake.seedServicePrincipal("loader");
        principal = ServicePrincipal.of(ApplicationId.of(seeded.applicationId()));
        declared = dev.lakesetup.core.model.FederationPolicy.forPrincipal(principal, ISSUER, SUBJECT)
                .audiences("https://github.com/acme");
    }

    private AccountClient account() {
        return new AccountClient(new DatabricksConfig().setHost(f.fake.host()).setAccountId(f.fake.accountId())
                .setToken(f.fake.adminToken()).setAuthType("pat").setDisableRetries(true));
    }

    private List<FederationPolicy> livePolicies() {
        return StreamSupport.stream(account().servicePrincipalFederationPolicy()
                .list(Long.parseLong(seeded.id())).spliterator(), false).toList();
    }

    @Test
    void plan_whenPolicyIsMissing_createsItAndTheRePlanIsEmpty() {
        Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
        Blueprint blueprint = Blueprint.builder().resource(declared).build();

        Plan plan = lakesetup.plan(blueprint);

        assertThat(plan.actionableChanges()).singleElement()
                .satisfies(c -> assertThat(((ResourceChange) c).action()).isEqualTo(Action.CREATE));
        assertThat(lakesetup.apply(plan).isSuccess()).isTrue();
        assertThat(livePolicies()).singleElement().satisfies(p -> {
            assertThat(p.getOidcPolicy().getIssuer()).isEqualTo(ISSUER);
            assertThat(p.getOidcPolicy().getSubject()).isEqualTo(SUBJECT);
            assertThat(p.getOidcPolicy().getAudiences()).containsExactly("https://github.com/acme");
        });
        assertThat(lakesetup.plan(blueprint).isEmpty()).isTrue();
    }

    @Test
    void plan_whenAudiencesDiffer_isAConflict() {
        Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
        lakesetup.apply(lakesetup.plan(Blueprint.builder().resource(declared).build()));

        Plan plan = lakesetup.plan(Blueprint.builder().resource(declared.audiences("another")).build());

        assertThat(plan.changes()).singleElement()
                .satisfies(c -> assertThat(((ResourceChange) c).action()).isEqualTo(Action.CONFLICT));
    }

    @Test
    void apply_delete_removesThePolicyAndADeleteOfAPolicyAlreadyGoneIsDone() {
        Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
        lakesetup.apply(lakesetup.plan(Blueprint.builder().resource(declared).build()));
        ResourceHandler<dev.lakesetup.core.model.FederationPolicy> handler =
                f.workspace.restExecutor().handler(dev.lakesetup.core.model.FederationPolicy.class);
        ResourceChange delete = new ResourceChange(ResourceChange.idOf(declared), Action.DELETE, declared, List.of(),
                Set.of());

        assertThat(handler.canDelete()).isTrue();
        handler.apply(delete, declared, f.context());
        assertThat(livePolicies()).isEmpty();
        handler.apply(delete, declared, f.context());
        assertThat(livePolicies()).isEmpty();
        assertThat(lakesetup.plan(Blueprint.builder().resource(declared).build()).actionableChanges()).hasSize(1);
    }

    @Test
    void apply_whenThePrincipalHasTwentyPolicies_failsNamingTheLimit() {
        for (int i = 0; i < 20; i++) {
            account().servicePrincipalFederationPolicy().create(new CreateServicePrincipalFederationPolicyRequest()
                    .setServicePrincipalId(Long.parseLong(seeded.id())).setPolicy(new FederationPolicy()
                            .setOidcPolicy(new OidcFederationPolicy().setIssuer(ISSUER).setSubject("other-" + i))));
        }
        Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());

        var report = lakesetup.apply(lakesetup.plan(Blueprint.builder().resource(declared).build()));

        assertThat(report.isSuccess()).isFalse();
        assertThat(report.failures()).singleElement().satisfies(outcome -> assertThat(outcome.toString())
                .contains("already has 20 federation policies").contains("delete one"));
        assertThat(livePolicies()).hasSize(20);
    }

    @Test
    void plan_withoutTheAccount_failsNamingWhatToConfigure() {
        DatabricksWorkspace noAccount = DatabricksWorkspace.builder().host(f.fake.host()).plainHttpForTesting()
                .pat(f.fake.adminToken()).build();
        Lakesetup lakesetup = f.lakesetup(noAccount.restExecutor());

        assertThatThrownBy(() -> lakesetup.plan(Blueprint.builder().resource(declared).build()))
                .isInstanceOf(LakesetupException.class)
                .hasMessageContaining("DatabricksWorkspace.Builder.account(accountHost, accountId)");
    }
}
