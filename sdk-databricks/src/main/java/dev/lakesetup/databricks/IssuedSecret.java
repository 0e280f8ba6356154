package dev.lakesetup.databricks;

import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.SecretSink;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Passes a new secret on to the caller's sink, then keeps it for validation and the connection details. */
final class IssuedSecret implements SecretSink {
    private final SecretSink next;
    private final AtomicReference<OAuthCredentials> received = new AtomicReference<>();

    IssuedSecret(SecretSink next) {
        this.next = next;
    }

    @Override
    public void accept(OAuthCredentials credentials) {
        if (next != null) {
            next.accept(credentials);
        }
        received.set(credentials);
    }

    Optional<OAuthCredentials> credentials() {
        return Optional.ofNullable(received.get());
    }

    Optional<Secret> secret() {
        return credentials().map(OAuthCredentials::secret);
    }

    @Override
    public String toString() {
        return "IssuedSecret[" + (received.get() == null ? "none" : Secret.MASK) + "]";
    }
}
