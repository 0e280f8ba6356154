package dev.lakesetup.core.drift;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.OAuthCredentials;
import java.time.Duration;
import java.util.Optional;

/**
 * What a verify checks beyond the declared state: how far ahead an expiring OAuth secret counts as drift, and, for
 * the recipes, whether to validate as the principal and with which credentials. Immutable; start from
 * {@link #defaults()}.
 *
 * <pre>{@code
 * VerifyOptions options = VerifyOptions.defaults()
 *     .expiringWithin(Duration.ofDays(14))
 *     .validateWith(credentialsFromTheVault);
 * }</pre>
 */
public final class VerifyOptions {
    /** The default window for expiring secrets: 30 days. */
    public static final Duration DEFAULT_EXPIRY_WINDOW = Duration.ofDays(30);

    private static final VerifyOptions DEFAULTS = new VerifyOptions(DEFAULT_EXPIRY_WINDOW, null, true);

    private final Duration expiryWindow;
    private final OAuthCredentials credentials;
    private final boolean validate;

    private VerifyOptions(Duration expiryWindow, OAuthCredentials credentials, boolean validate) {
        this.expiryWindow = expiryWindow;
        this.credentials = credentials;
        this.validate = validate;
    }

    /**
     * Returns the defaults: secrets expiring within {@link #DEFAULT_EXPIRY_WINDOW} are drift; a recipe validates as
     * its principal when it has credentials for it (its builder's {@code validateWith}).
     *
     * @return the defaults
     */
    public static VerifyOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy in which a secret expiring within this window (or already expired) is {@link DriftStatus#EXPIRING}.
     *
     * @param window zero or more; zero reports only expired secrets
     * @return the copy
     */
    public VerifyOptions expiringWithin(Duration window) {
        InvalidInputException.requireNonNull(window, "secret expiry window");
        if (window.isNegative()) {
            throw InvalidInputException.of("secret expiry window", window.toString(), "it is negative",
                    "zero or more, e.g. Duration.ofDays(30)");
        }
        return new VerifyOptions(window, credentials, validate);
    }

    /**
     * Returns a copy with which the recipes validate as their principal using these credentials (instead of those
     * given to the recipe's builder).
     *
     * @param value the principal's client id and secret; the secret is never shown
     * @return the copy
     */
    public VerifyOptions validateWith(OAuthCredentials value) {
        return new VerifyOptions(expiryWindow, InvalidInputException.requireNonNull(value, "credentials"), true);
    }

    /**
     * Returns a copy with which the recipes do not validate as their principal, even with credentials.
     *
     * @return the copy
     */
    public VerifyOptions withoutValidation() {
        return new VerifyOptions(expiryWindow, null, false);
    }

    /**
     * Returns the window within which an expiring secret is drift.
     *
     * @return the window
     */
    public Duration expiryWindow() {
        return expiryWindow;
    }

    /**
     * Returns the credentials to validate with, when given.
     *
     * @return the credentials, or empty
     */
    public Optional<OAuthCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /**
     * Tells whether the recipes validate as their principal (when they have credentials).
     *
     * @return {@code false} after {@link #withoutValidation()}
     */
    public boolean validates() {
        return validate;
    }

    @Override
    public String toString() {
        return "VerifyOptions[expiringWithin=" + expiryWindow + ", validate=" + (!validate ? "no"
                : credentials == null ? "with the recipe's credentials" : "as " + credentials.clientId()) + "]";
    }
}
