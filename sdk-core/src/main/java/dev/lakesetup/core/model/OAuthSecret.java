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
 * second secret; {@link #rotate()} asks for a new one on every apply, {@link #rotateWhenExpiringWithin(Duration)}
 * only when the active secret is about to lapse. A live state read from the service carries the expiry of the
 * principal's longest-lasting active secret ({@link #expireTime()}). The sink is not part of equality.
 */
public final class OAuthSecret implements Resource {
    /** The longest lifetime Databricks accepts: two years. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(730);
    /** The setting a live secret reports its expiry under (never declared, so never compared). */
    public static final String EXPIRE_TIME = "expire_time";

    private final ServicePrincipal principal;
    private final Duration lifetime;
    private final SecretSink sink;
    private final boolean rotate;
    private final Duration rotateWithin;
    private final Instant expireTime;
    private final Instant readAt;

    private OAuthSecret(ServicePrincipal principal, Duration lifetime, SecretSink sink, boolean rotate) {
        this(principal, lifetime, sink, rotate, null, null, null);
    }

    private OAuthSecret(ServicePrincipal principal, Duration lifetime, SecretSink sink, boolean rotate,
            Duration rotateWithin, Instant expireTime, Instant readAt) {
        this.principal = InvalidInputException.requireNonNull(principal, "service principal");
        this.sink = InvalidInputException.requireNonNull(sink, "secret sink");
        this.lifetime = lifetime == null ? null : requireLifetime(lifetime);
        this.rotate = rotate;
        this.rotateWithin = rotateWithin;
        this.expireTime = expireTime;
        this.readAt = readAt;
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
                rotate, rotateWithin, expireTime, readAt);
    }

    /**
     * Returns a copy that issues a new secret even when one exists (old ones stay valid until they expire or
     * are deleted by the caller).
     *
     * @return the copy
     */
    public OAuthSecret rotate() {
        return new OAuthSecret(principal, lifetime, sink, true, rotateWithin, expireTime, readAt);
    }

    /**
     * Returns a copy that issues a new secret only when the principal has no active secret or its longest-lasting
     * active secret expires within a window, so that a scheduled apply rotates only when needed. The window is
     * measured from the moment the live state is read, on the engine's clock. Old secrets stay valid until they
     * expire or are deleted (see {@code SecretRotation} in {@code lakesetup-databricks} for a rotation that
     * deletes them).
     *
     * @param window how long before expiry a new secret is issued: more than zero, at most {@link #MAX_LIFETIME}
     * @return the copy
     * @throws InvalidInputException naming the window and the accepted range
     */
    public OAuthSecret rotateWhenExpiringWithin(Duration window) {
        return new OAuthSecret(principal, lifetime, sink, rotate, requireWindow(window), expireTime, readAt);
    }

    /**
     * Checks a rotation window: more than zero and at most {@link #MAX_LIFETIME}.
     *
     * @param window the window
     * @return the window
     * @throws InvalidInputException naming the window and the accepted range
     */
    public static Duration requireWindow(Duration window) {
        InvalidInputException.requireNonNull(window, "rotation window");
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_LIFETIME) > 0) {
            throw InvalidInputException.of("rotation window", window.toString(), "it is out of range",
                    "more than zero, up to " + MAX_LIFETIME.toDays() + " days");
        }
        return window;
    }

    /**
     * Returns the rotation window, when declared with {@link #rotateWhenExpiringWithin(Duration)}.
     *
     * @return the window, or empty
     */
    public Optional<Duration> rotateWithin() {
        return Optional.ofNullable(rotateWithin);
    }

    /**
     * Returns a copy carrying the moment a handler read the live state, on the engine's clock, against which a
     * rotation window is measured. Not part of equality.
     *
     * @param time when the live state was read
     * @return the copy
     */
    public OAuthSecret readAt(Instant time) {
        return new OAuthSecret(principal, lifetime, sink, rotate, rotateWithin, expireTime,
                InvalidInputException.requireNonNull(time, "read time"));
    }

    /**
     * Tells whether a new secret is due given the live state: when rotating on every apply, or when a rotation
     * window is declared and the live secret's expiry falls within it (measured from when the live state was read).
     * A live secret with no known expiry never falls due.
     *
     * @param live the live state, as the handler read it
     * @return {@code true} when a new secret is due
     */
    public boolean isDueGiven(OAuthSecret live) {
        InvalidInputException.requireNonNull(live, "live secret");
        if (rotate) {
            return true;
        }
        if (rotateWithin == null || live.expireTime == null || live.readAt == null) {
            return false;
        }
        return !live.expireTime.isAfter(live.readAt.plus(rotateWithin));
    }

    /**
     * Tells whether a new secret is due given the live state (see {@link #isDueGiven(OAuthSecret)}).
     *
     * @param live the live state read for this resource
     * @return {@code true} when a new secret is due
     */
    @Override
    public boolean createsAgainGiven(Resource live) {
        return live instanceof OAuthSecret secret ? isDueGiven(secret) : rotate;
    }

    /**
     * Returns a copy carrying the expiry the service reported, as a handler builds the live state: the expiry of the
     * principal's active secret that lasts longest. Not part of equality.
     *
     * @param expireTime when that secret expires
     * @return the copy
     */
    public OAuthSecret withExpireTime(Instant expireTime) {
        return new OAuthSecret(principal, lifetime, sink, rotate, rotateWithin,
                InvalidInputException.requireNonNull(expireTime, "secret expire time"), readAt);
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

    /**
     * Returns no setting on a declaration; on a live state read from the service, the expiry of the principal's
     * longest-lasting active secret ({@link #EXPIRE_TIME}), which plans show and a saved plan's staleness check
     * compares.
     *
     * @return the settings
     */
    @Override
    public List<Setting> settings() {
        return expireTime == null ? List.of() : List.of(Setting.mutable(EXPIRE_TIME, expireTime.toString()));
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
                && Objects.equals(lifetime, other.lifetime) && rotate == other.rotate
                && Objects.equals(rotateWithin, other.rotateWithin);
    }

    @Override
    public int hashCode() {
        return principal.hashCode();
    }

    @Override
    public String toString() {
        return "OAuth secret for " + principal + (rotate ? " (rotate)" : "")
                + (rotateWithin == null ? "" : " (rotate when expiring within " + rotateWithin + ")");
    }
}
