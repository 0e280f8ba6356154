package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.FederationPolicy;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a vendor's workload signs in without any Databricks secret: tokens of its own OIDC issuer for one subject
 * (workload identity federation). A recipe given one declares a {@link FederationPolicy} for its service principal
 * instead of issuing an OAuth secret, hands over no secret, and validates by token exchange with a token from
 * {@link #validationToken(Supplier)}.
 *
 * <pre>{@code
 * FederatedCredential github = FederatedCredential.of("https://token.actions.githubusercontent.com",
 *         "repo:acme/loader:environment:prod")
 *     .audiences("https://github.com/acme")
 *     .validationToken(() -> Secret.of(ciTokenProvider.idToken()));
 * }</pre>
 *
 * <p>Immutable; {@code toString()} shows no token.
 */
public final class FederatedCredential {
    private final String issuer;
    private final String subject;
    private final List<String> audiences;
    private final Supplier<Secret> validationToken;

    private FederatedCredential(String issuer, String subject, List<String> audiences,
            Supplier<Secret> validationToken) {
        this.issuer = issuer;
        this.subject = subject;
        this.audiences = audiences;
        this.validationToken = validationToken;
    }

    /**
     * Describes a workload identity: tokens of an issuer for one subject, for the service's default audience (the
     * Databricks account id) unless {@link #audiences(String...)} says otherwise.
     *
     * @param issuer the issuer, as in the tokens' {@code iss} claim: an https URL
     * @param subject the workload's subject, as in the tokens' {@code sub} claim
     * @return the credential
     * @throws InvalidInputException naming the field, the value and what is accepted
     */
    public static FederatedCredential of(String issuer, String subject) {
        FederationPolicy checked = FederationPolicy.forPrincipal(ServicePrincipal.named("check"), issuer, subject);
        return new FederatedCredential(checked.issuer(), checked.subject(), List.of(), null);
    }

    /**
     * Returns a copy that accepts tokens for these audiences (the tokens' {@code aud} claim must name one).
     *
     * @param values the audiences, at least one, none blank
     * @return the copy
     */
    public FederatedCredential audiences(String... values) {
        return new FederatedCredential(issuer, subject, FederationPolicy.requireAudiences(List.of(
                InvalidInputException.requireNonNull(values, "federation audiences"))), validationToken);
    }

    /**
     * Returns a copy whose validation signs in by token exchange with a token from this source: a token of the
     * issuer for the subject and an accepted audience (a secret: it is never logged or shown). Without one,
     * validation as the principal is reported skipped.
     *
     * @param source supplies the workload's token, called once per validation
     * @return the copy
     */
    public FederatedCredential validationToken(Supplier<Secret> source) {
        return new FederatedCredential(issuer, subject, audiences,
                InvalidInputException.requireNonNull(source, "validation token source"));
    }

    /**
     * Returns the issuer.
     *
     * @return the issuer URL
     */
    public String issuer() {
        return issuer;
    }

    /**
     * Returns the workload's subject.
     *
     * @return the subject
     */
    public String subject() {
        return subject;
    }

    /**
     * Returns the accepted audiences.
     *
     * @return the audiences; empty for the service's default (the account id)
     */
    public List<String> audiences() {
        return audiences;
    }

    /**
     * Returns the source of a token for validation.
     *
     * @return the source, or empty when none was given
     */
    public Optional<Supplier<Secret>> validationToken() {
        return Optional.ofNullable(validationToken);
    }

    /**
     * Returns the federation policy that lets a service principal sign in with this credential.
     *
     * @param principal the service principal
     * @return the policy
     */
    public FederationPolicy policyFor(ServicePrincipal principal) {
        FederationPolicy policy = FederationPolicy.forPrincipal(principal, issuer, subject);
        return audiences.isEmpty() ? policy : policy.audiences(audiences);
    }

    @Override
    public String toString() {
        return "FederatedCredential[issuer=" + issuer + ", subject=" + subject
                + (audiences.isEmpty() ? "" : ", audiences=" + audiences)
                + (validationToken == null ? "" : ", validationToken=" + Secret.MASK) + "]";
    }
}
