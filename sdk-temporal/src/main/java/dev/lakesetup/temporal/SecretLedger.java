package dev.lakesetup.temporal;

import dev.lakesetup.core.record.RecordStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Records, in a {@link RecordStore} every worker shares, that an activity is about to issue an OAuth secret
 * ({@code intent}) and that the sink received it ({@code delivered}). The key is the onboarding's stable id for
 * the change: workflow id, run id and change id. The documents hold a state and a time, never a secret.
 */
final class SecretLedger {
    /** Where an issue stands. */
    enum State { INTENT, DELIVERED }

    private static final String PREFIX = "temporal/secret-issues/";
    private final RecordStore store;

    SecretLedger(RecordStore store) {
        this.store = store;
    }

    /** The record key of one change of one run: allowed characters only (others become {@code _}). */
    static String key(String workflowId, String runId, String changeId) {
        return PREFIX + RecordKeys.safe(workflowId) + "/" + RecordKeys.safe(runId) + "/" + RecordKeys.safe(changeId);
    }

    Optional<State> state(String key) {
        return store.read(key).map(document -> document.contains("\"delivered\"") ? State.DELIVERED : State.INTENT);
    }

    Optional<String> recordedAt(String key) {
        return store.read(key).map(document -> document.replaceAll(".*\"at\":\"([^\"]*)\".*", "$1"));
    }

    void intent(String key, Instant at) {
        store.write(key, "{\"state\":\"intent\",\"at\":\"" + at + "\"}");
    }

    void delivered(String key, Instant at) {
        store.write(key, "{\"state\":\"delivered\",\"at\":\"" + at + "\"}");
    }
}
