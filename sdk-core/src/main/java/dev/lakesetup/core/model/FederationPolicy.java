package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A service principal federation policy (workload identity federation): the service principal may sign in with a
 * token from an OIDC issuer, for one subject, exchanged for a Databricks OAuth token, so the workload needs no
 * Databricks secret at all.
 *
 * <pre>{@code
 * FederationPolicy policy = FederationPolicy.forPrincipal(ServicePrincipal.of(appId),
 *         "https://token.actions.githubusercontent.com", "repo:acme/loader:environment:prod")
 *     .audiences("https://github.com/acme");
 * }</pre>
 *
 * <p>A policy is identified by its principal, issuer and subject: a principal has at most one policy per issuer and
 * subject here, and up to {@value #MAX_PER_PRINCIPAL} in all. The audiences are compared as a whole and cannot change
 * in place (a different set is a conflict); without audiences the service's default applies (the account id). The
 * policy id the service assigns is carried by live values only and is not part of equality.
 */
public final class FederationPolicy implements Resource {
    /** The most federation policies one service principal can have. */
    public static final int MAX_PER_PRINCIPAL = 20;

    private final ServicePrincipal principal;
    private final String issuer;
    private final String subject;
    private final List<String> audiences;
    private final String policyId;

    private FederationPolicy(ServicePrincipal principal, String issuer, String subject, List<String> audiences,
            String policyId) {
        this.principal = principal;
        this.issuer = issuer;
        this.subject = subject;
        this.audiences = audiences;
        this.policyId = policyId;
    }

    /**
     * Declares that a service principal may sign in with tokens of an issuer for one subject.
     *
     * @param principal the service principal
     * @param issuer the token issuer, as in the tokens' {@code iss} claim: an https URL (plain http only on a
     *     loopback host, for a local test issuer)
     * @param subject the workload's subject, as in the tokens' {@code sub} claim
     * @return the declaration, with the service's default audience
     * @throws InvalidInputException naming the field, the value and what is accepted
     */
    public static FederationPolicy forPrincipal(ServicePrincipal principal, String issuer, String subject) {
        return new FederationPolicy(InvalidInputException.requireNonNull(principal, "service principal"),
                requireIssuer(issuer), requireSubject(subject), List.of(), null);
    }

    /**
     * Fails when resources declare more federation policies for one service principal than the service allows, so a
     * blueprint that could not be applied in full is refused before anything is sent. Policies a principal already
     * has live are counted when the policy is created.
     *
     * @param resources a blueprint's resources
     * @throws InvalidInputException naming the principal, how many policies it was given and the limit
     */
    static void requireWithinLimit(Collection<Resource> resources) {
        Map<ResourceId, List<FederationPolicy>> byPrincipal = new LinkedHashMap<>();
        for (Resource resource : resources) {
            if (resource instanceof FederationPolicy policy) {
                byPrincipal.computeIfAbsent(WorkspaceServicePrincipal.idOf(policy.principal),
                        key -> new ArrayList<>()).add(policy);
            }
        }
        for (List<FederationPolicy> policies : byPrincipal.values()) {
            if (policies.size() > MAX_PER_PRINCIPAL) {
                throw InvalidInputException.of("federation policies of " + policies.get(0).principal,
                        policies.size() + " policies", "the blueprint declares more than the service allows for one "
                                + "service principal",
                        "at most " + MAX_PER_PRINCIPAL + " federation policies per service principal: declare fewer, "
                                + "or spread the workloads over several service principals");
            }
        }
    }

    /**
     * Checks a token issuer as a federation policy takes it: an absolute https URL with a host, no query or fragment
     * (plain http is accepted only on a loopback host, for a local test issuer). Recipes call it while building.
     *
     * @param issuer the issuer
     * @return the issuer, unchanged
     * @throws InvalidInputException naming the issuer and what is accepted
     */
    public static String requireIssuer(String issuer) {
        String accepted = "an https URL, e.g. https://token.actions.githubusercontent.com";
        if (issuer == null || issuer.isBlank()) {
            throw InvalidInputException.of("federation issuer", issuer, "it is empty", accepted);
        }
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw InvalidInputException.of("federation issuer", issuer, "it is not a URL", accepted);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw InvalidInputException.of("federation issuer", issuer, "it needs a host and no user, query or "
                    + "fragment", accepted);
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw InvalidInputException.of("federation issuer", issuer, "the scheme is not https",
                    accepted + " (http only on a loopback host, for a local test issuer)");
        }
        return issuer;
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static String requireSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw InvalidInputException.of("federation subject", subject, "it is empty",
                    "the workload's subject, as in its tokens' sub claim");
        }
        if (subject.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("federation subject", subject, "it contains control characters",
                    "the workload's subject, as in its tokens' sub claim");
        }
        return subject;
    }

    /**
     * Returns a copy that accepts tokens for these audiences (the tokens' {@code aud} claim must name at least one).
     *
     * @param audiences the audiences, at least one, none blank
     * @return the copy
     * @throws InvalidInputException when none is given or one is blank
     */
    public FederationPolicy audiences(String... audiences) {
        return new FederationPolicy(principal, issuer, subject, requireAudiences(List.of(
                InvalidInputException.requireNonNull(audiences, "federation audiences"))), policyId);
    }

    /**
     * Returns a copy that accepts tokens for these audiences.
     *
     * @param audiences the audiences, at least one, none blank
     * @return the copy
     * @throws InvalidInputException when none is given or one is blank
     */
    public FederationPolicy audiences(List<String> audiences) {
        return new FederationPolicy(principal, issuer, subject,
                requireAudiences(InvalidInputException.requireNonNull(audiences, "federation audiences")), policyId);
    }

    /**
     * Checks audiences as a federation policy takes them: at least one, none blank, duplicates dropped.
     *
     * @param audiences the audiences
     * @return them, without duplicates, in the order given
     * @throws InvalidInputException when none is given or one is blank
     */
    public static List<String> requireAudiences(List<String> audiences) {
        if (audiences.isEmpty()) {
            throw InvalidInputException.of("federation audiences", "[]", "no audience was given",
                    "one or more audiences, or none at all for the service's default (the account id)");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String audience : audiences) {
            if (audience == null || audience.isBlank()) {
                throw InvalidInputException.of("federation audience", audience, "it is empty",
                        "a non-blank audience, as in the tokens' aud claim");
            }
            unique.add(audience);
        }
        return List.copyOf(unique);
    }

    /**
     * Returns a copy carrying the id the service gave the policy, as a handler builds the live state. Not part of
     * equality.
     *
     * @param id the service's policy id
     * @return the copy
     */
    public FederationPolicy withPolicyId(String id) {
        return new FederationPolicy(principal, issuer, subject, audiences,
                InvalidInputException.requireNonNull(id, "federation policy id"));
    }

    /**
     * Returns the service principal that may sign in.
     *
     * @return the principal
     */
    public ServicePrincipal principal() {
        return principal;
    }

    /**
     * Returns the token issuer.
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
     * Returns the declared audiences.
     *
     * @return the audiences; empty when the service's default applies
     */
    public List<String> audiences() {
        return audiences;
    }

    /**
     * Returns the id the service gave the policy, on a live value.
     *
     * @return the id, or empty on a declaration
     */
    public Optional<String> policyId() {
        return Optional.ofNullable(policyId);
    }

    /**
     * Tells whether a live policy is this declaration's: the same issuer and subject.
     *
     * @param otherIssuer a policy's issuer
     * @param otherSubject a policy's subject
     * @return {@code true} when both match
     */
    public boolean matches(String otherIssuer, String otherSubject) {
        return issuer.equals(otherIssuer) && subject.equals(otherSubject);
    }

    @Override
    public ResourceId id() {
        return ResourceId.of("federation_policy", WorkspaceServicePrincipal.idOf(principal).key() + "|" + issuer
                + "|" + subject);
    }

    @Override
    public List<Setting> settings() {
        if (audiences.isEmpty()) {
            return List.of();
        }
        List<String> sorted = new ArrayList<>(audiences);
        sorted.sort(null);
        return List.of(Setting.immutable("audiences", String.join(", ", sorted)));
    }

    @Override
    public Set<ResourceId> requires() {
        return Set.of(WorkspaceServicePrincipal.idOf(principal));
    }

    /**
     * Returns the service principal the policy belongs to, which must exist.
     *
     * @return the principal
     */
    @Override
    public Set<Principal> principals() {
        return Set.of(principal);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FederationPolicy other && principal.equals(other.principal) && issuer.equals(other.issuer)
                && subject.equals(other.subject) && settings().equals(other.settings());
    }

    @Override
    public int hashCode() {
        return Objects.hash(principal, issuer, subject);
    }

    @Override
    public String toString() {
        return "federation policy for " + principal + " (issuer " + issuer + ", subject " + subject
                + (audiences.isEmpty() ? "" : ", audiences " + audiences) + ")";
    }
}
