package dev.lakesetup.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FederationPolicyTest {
    private static final ServicePrincipal SP = ServicePrincipal.of(
            ApplicationId.of("11111111-1111-4111-8111-111111111111"));
    private static final String ISSUER = "https://token.actions.githubusercontent.com";
    private static final String SUBJECT = "repo:acme/loader:environment:prod";

    @Test
    void forPrincipal_whenValid_isIdentifiedByPrincipalIssuerAndSubjectAndRequiresThePrincipal() {
        FederationPolicy policy = FederationPolicy.forPrincipal(SP, ISSUER, SUBJECT);

        assertThat(policy.id().kind()).isEqualTo("federation_policy");
        assertThat(policy.id()).isNotEqualTo(FederationPolicy.forPrincipal(SP, ISSUER, "other").id());
        assertThat(policy.requires()).containsExactly(WorkspaceServicePrincipal.idOf(SP));
        assertThat(policy.principals()).containsExactly(SP);
        assertThat(policy.settings()).isEmpty();
        assertThat(policy.policyId()).isEmpty();
        assertThat(policy.toString()).contains(ISSUER).contains(SUBJECT);
    }

    @Test
    void audiences_areOneImmutableSettingInAStableOrder_andThePolicyIdIsNotPartOfEquality() {
        FederationPolicy a = FederationPolicy.forPrincipal(SP, ISSUER, SUBJECT).audiences("b", "a", "a");
        FederationPolicy b = FederationPolicy.forPrincipal(SP, ISSUER, SUBJECT).audiences(List.of("a", "b"))
                .withPolicyId("p1");

        assertThat(a.audiences()).containsExactly("b", "a");
        assertThat(a.settings()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("audiences");
            assertThat(((Setting.Scalar) s).value()).isEqualTo("a, b");
            assertThat(((Setting.Scalar) s).mutable()).isFalse();
        });
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(b.policyId()).contains("p1");
        assertThat(a).isNotEqualTo(FederationPolicy.forPrincipal(SP, ISSUER, SUBJECT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "token.actions.githubusercontent.com", "http://idp.example.com", "ftp://idp.example",
            "https://idp.example.com/?x=1", "https://user@idp.example.com", "https:///path"})
    void forPrincipal_whenIssuerIsNotAnHttpsUrl_failsNamingTheIssuer(String issuer) {
        assertThatThrownBy(() -> FederationPolicy.forPrincipal(SP, issuer, SUBJECT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("federation issuer")
                .hasMessageContaining("https");
    }

    @Test
    void forPrincipal_acceptsPlainHttpOnALoopbackHostOnly() {
        assertThat(FederationPolicy.forPrincipal(SP, "http://127.0.0.1:8123", SUBJECT).issuer())
                .isEqualTo("http://127.0.0.1:8123");
        assertThat(FederationPolicy.forPrincipal(SP, "http://localhost:8123/", SUBJECT).issuer())
                .isEqualTo("http://localhost:8123/");
    }

    @Test
    void forPrincipal_whenSubjectOrAudiencesAreEmpty_failsNamingTheField() {
        assertThatThrownBy(() -> FederationPolicy.forPrincipal(SP, ISSUER, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("federation subject");
        assertThatThrownBy(() -> FederationPolicy.forPrincipal(SP, ISSUER, "a\nb"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> FederationPolicy.forPrincipal(null, ISSUER, SUBJECT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("service principal");
        FederationPolicy policy = FederationPolicy.forPrincipal(SP, ISSUER, SUBJECT);
        assertThatThrownBy(() -> policy.audiences(new String[0])).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("federation audiences");
        assertThatThrownBy(() -> policy.audiences("ok", "")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("federation audience");
    }

    @Test
    void blueprintBuild_whenOnePrincipalIsGivenTwentyOnePolicies_failsNamingPrincipalCountAndLimit() {
        Blueprint.Builder builder = Blueprint.builder();
        for (int i = 0; i < FederationPolicy.MAX_PER_PRINCIPAL + 1; i++) {
            builder.resource(FederationPolicy.forPrincipal(SP, ISSUER, SUBJECT + "-" + i));
        }

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("federation policies of " + SP);
            assertThat(e.getMessage()).contains("21 policies").contains("at most 20 federation policies per "
                    + "service principal");
        });
    }

    @Test
    void blueprintBuild_whenEachPrincipalHasAtMostTwentyPolicies_succeeds() {
        ServicePrincipal other = ServicePrincipal.named("other-loader");
        Blueprint.Builder builder = Blueprint.builder();
        for (int i = 0; i < FederationPolicy.MAX_PER_PRINCIPAL; i++) {
            builder.resource(FederationPolicy.forPrincipal(SP, ISSUER, SUBJECT + "-" + i));
            builder.resource(FederationPolicy.forPrincipal(other, ISSUER, SUBJECT + "-" + i));
        }
        builder.resource(FederationPolicy.forPrincipal(SP, ISSUER, SUBJECT + "-0"));

        assertThat(builder.build().resources()).hasSize(2 * FederationPolicy.MAX_PER_PRINCIPAL);
    }

    @Test
    void blueprintMerge_whenTogetherOverTheLimitForOnePrincipal_fails() {
        Blueprint.Builder first = Blueprint.builder();
        Blueprint.Builder second = Blueprint.builder();
        for (int i = 0; i < 11; i++) {
            first.resource(FederationPolicy.forPrincipal(SP, ISSUER, "first-" + i));
            second.resource(FederationPolicy.forPrincipal(SP, ISSUER, "second-" + i));
        }
        Blueprint a = first.build();
        Blueprint b = second.build();

        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("22 policies");
    }
}
