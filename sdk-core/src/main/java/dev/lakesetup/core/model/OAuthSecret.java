package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An OAuth secret a service principal should have, handed once to a {@link SecretSink}.
 *
 * <p>A principal that already has an active secret gets no new one, so re-applying a blueprint never issues a
 * second secret; {@link #rotate()} asks for a new one on every apply. The sink is not part of equality.
 */
public final class OAuthSecret implements Resource {
    /** The longest lifetime Databricks accepts: two years. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(730);

    private final ServicePrincipal principal;
    private final Duration lifetime;
    private final SecretSink sink;
    private final boolean rotate;
    private final Instant expireTime;

    private OAuthSecret(ServicePrincipal principal, Duration lifetime, SecretSink sink, boolean rotate) {
        this(principal, lifetime, sink, rotate, null);
    }

    private OAuthSecret(ServicePrincipal principal, Duration lifetime, SecretSink sink, boolean rotate,
            Instant expireTime) {
        this.principal = InvalidInputException.requireNonNull(principal, "service principal");
        this.sink = InvalidInputException.requireNonNull(sink, "secret sink");
        this.lifetime = lifetime == null ? null : requireLifetime(lifetime);
        this.rotate = rotate;
        this.expireTime = expireTime;
    }

    /**
     * Declares that a service principal should have an OAuth secret.
     *
     * @param principal the service principal
     * @param sink where the new secret is handed, once
     * @return the declaration, with the service's default lifetime
     */
    public static OAuthSecret forPrincipal(ServicePrincipal principal, SecretSink sink) {
        return new OAuthSecret(principal, null, sink, false);
    }

    /**
     * Checks an OAuth secret lifetime as Databricks accepts it: at least one second (the service takes whole
     * seconds) and at most {@link #MAX_LIFETIME}. Recipes call it while building, before anything is sent.
     *
     * @param lifetime the lifetime
     * @return the lifetime
     * @throws InvalidInputException naming the lifetime and the accepted range
     */
    public static Duration requireLifetime(Duration lifetime) {
        InvalidInputException.requireNonNull(lifetime, "secret lifetime");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw InvalidInputException.of("secret lifetime", lifetime.toString(), "it is out of range",
                    "1 second up to " + MAX_LIFETIME.toDays() + " days (" + MAX_LIFETIME.toSeconds() + " s)");
        }
        return lifetime;
    }

    /**
     * Returns a copy with a lifetime.
     *
     * @param lifetime how long the secret is valid, up to {@link #MAX_LIFETIME}
     * @return the copy
     */
    public OAuthSecret lifetime(Duration lifetime) {
        return new OAuthSecret(principal, InvalidInputException.requireNonNull(lifetime, "secret lifetime"), sink,
                rotate);
    }

    /**
     * Returns a copy that issues a new secret even when one exists (old ones stay valid until they expire or
     * are deleted by the caller).
     *
     * @return the copy
     */
    public OAuthSecret rotate() {
        return new OAuthSecret(principal, lifetime, sink, true);
    }

    /**
     * Returns a copy carrying the expiry the service reported, as a handler builds the live state: the expiry of the
     * principal's active secret that lasts longest. Not part of equality.
     *
     * @param expireTime when that secret expires
     * @return the copy
     */
    public OAuthSecret withExpireTime(Instant expireTime) {
        return new OAuthSecret(principal, lifetime, sink, rotate,
                InvalidInputException.requireNonNull(expireTime, "secret expire time"));
    }

    /**
     * Returns when the principal's longest-lasting active secret expires, on a live state read from the service.
     *
     * @return the expiry, or empty on a declaration or when the service did not say
     */
    public Optional<Instant> expireTime() {
        return Optional.ofNullable(expireTime);
    }

    /**
     * Returns the service principal.
     *
     * @return the principal
     */
    public ServicePrincipal principal() {
        return principal;
    }

    /**
     * Returns the lifetime, when declared.
     *
     * @return the lifetime, or empty when the service default applies
     */
    public Optional<Duration> lifetime() {
        return Optional.ofNullable(lifetime);
    }

    /**
     * Returns the sink the new secret goes to.
     *
     * @return the sink
     */
    public SecretSink sink() {
        return sink;
    }

    /**
     * Tells whether a new secret is issued even when one exists.
     *
     * @return {@code true} when rotating
     */
    public boolean isRotate() {
        return rotate;
    }

    @Override
    public ResourceId id() {
        return ResourceId.of("oauth_secret", WorkspaceServicePrincipal.idOf(principal).key());
    }

    @Override
    public List<Setting> settings() {
        return List.of();
    }

    @Override
    public Set<ResourceId> requires() {
        return Set.of(WorkspaceServicePrincipal.idOf(principal));
    }

    /**
     * Returns the service principal that owns the secret, which must exist.
     *
     * @return the principal
     */
    @Override
    public Set<Principal> principals() {
        return Set.of(principal);
    }

    /**
     * Returns the sink the issued secret is handed to.
     *
     * @return the sink
     */
    @Override
    public Optional<SecretSink> secretSink() {
        return Optional.of(sink);
    }

    /**
     * Tells whether a new secret is issued on every apply: when rotating.
     *
     * @return {@link #isRotate()}
     */
    @Override
    public boolean alwaysCreate() {
        return rotate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OAuthSecret other && principal.equals(other.principal)
                && Objects.equals(lifetime, other.lifetime) && rotate == other.rotate;
    }

    @Override
    public int hashCode() {
        return principal.hashCode();
    }

    @Override
    public String toString() {
        return "OAuth secret for " + principal + (rotate ? " (rotate)" : "");
    }
}
