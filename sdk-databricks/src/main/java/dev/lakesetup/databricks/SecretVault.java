package dev.lakesetup.databricks;

import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.SecretSink;
import java.util.Optional;

/**
 * Where a rotated secret is kept (a secret manager, a vendor's connection settings): a {@link SecretSink} that can
 * also read back what it holds, so that a {@link SecretRotation} interrupted after the hand-over validates the
 * secret the vault really holds. {@link #accept} replaces what the vault held.
 */
public interface SecretVault extends SecretSink {

    /**
     * Returns the credentials the vault holds now.
     *
     * @return the credentials, or empty when it holds none
     */
    Optional<OAuthCredentials> current();

    /**
     * Returns a vault that keeps the credentials in memory, for tests and examples.
     *
     * @return a new, empty vault
     */
    static SecretVault inMemory() {
        return new MemoryVault();
    }
}
