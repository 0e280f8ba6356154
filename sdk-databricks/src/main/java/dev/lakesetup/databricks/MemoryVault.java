package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.OAuthCredentials;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link SecretVault} that keeps the last credentials handed to it in memory. */
final class MemoryVault implements SecretVault {
    private final AtomicReference<OAuthCredentials> held = new AtomicReference<>();

    @Override
    public void accept(OAuthCredentials credentials) {
        held.set(InvalidInputException.requireNonNull(credentials, "credentials"));
    }

    @Override
    public Optional<OAuthCredentials> current() {
        return Optional.ofNullable(held.get());
    }

    @Override
    public String toString() {
        OAuthCredentials now = held.get();
        return "MemoryVault[" + (now == null ? "empty" : now.clientId() + ", ****") + "]";
    }
}
