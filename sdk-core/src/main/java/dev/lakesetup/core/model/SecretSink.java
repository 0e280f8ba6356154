package dev.lakesetup.core.model;

/**
 * Receives a newly issued secret exactly once, so the caller can put it in a vault. lakesetup keeps no copy:
 * plans, reports, logs and exceptions only ever show it masked.
 */
@FunctionalInterface
public interface SecretSink {
    /**
     * Stores the secret. An exception thrown here fails the change that issued it.
     *
     * @param credentials the client id and the new secret
     */
    void accept(OAuthCredentials credentials);
}
