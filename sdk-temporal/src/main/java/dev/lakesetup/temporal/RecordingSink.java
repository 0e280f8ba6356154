package dev.lakesetup.temporal;

import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.SecretSink;
import java.time.Instant;

/** Hands a new secret to the resolved sink, then records in the ledger that it was delivered. */
final class RecordingSink implements SecretSink {
    private final SecretSink target;
    private final SecretLedger ledger;
    private final String key;

    RecordingSink(SecretSink target, SecretLedger ledger, String key) {
        this.target = target;
        this.ledger = ledger;
        this.key = key;
    }

    @Override
    public void accept(OAuthCredentials credentials) {
        target.accept(credentials);
        ledger.delivered(key, Instant.now());
    }

    @Override
    public String toString() {
        return "RecordingSink[" + key + "]";
    }
}
