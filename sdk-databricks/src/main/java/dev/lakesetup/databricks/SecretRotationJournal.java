package dev.lakesetup.databricks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.record.RecordStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The journal of one secret rotation in a {@link RecordStore}: the step reached, the ids of the secrets that existed
 * before, the time of each issue attempt, the new secret's id and the start time, as a small JSON document ({@code lakesetup.secret-rotation/v1}). It never
 * holds a secret value. A journal under the key means a rotation that has not finished; a finished one deletes it.
 */
final class SecretRotationJournal {
    static final String SCHEMA = "lakesetup.secret-rotation/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The steps, in order; each is written once the step is done. */
    enum Step {
        /** The secrets that existed are recorded; nothing is issued yet (or an issue's answer was not recorded). */
        STARTED,
        /** A new secret was issued; it may not have reached the vault. */
        ISSUED,
        /** The new secret was handed to the vault. */
        HANDED,
        /** Signing in with the vault's secret worked; old secrets are to be cleaned. */
        VALIDATED
    }

    /**
     * One state of the journal.
     *
     * @param principal the principal's application id
     * @param step the step reached
     * @param startedAt when the rotation started
     * @param before the ids of the secrets that existed before issuing
     * @param secretId the new secret's id, or empty before it is issued
     * @param attempts when each issue attempt of this step started, oldest first (written before the attempt)
     */
    record State(ApplicationId principal, Step step, Instant startedAt, Set<String> before, String secretId,
            List<Instant> attempts) {
        State {
            before = Set.copyOf(before);
            attempts = List.copyOf(attempts);
        }

        State at(Step next, String id) {
            return new State(principal, next, startedAt, before, id, attempts);
        }

        State withAttempt(Instant at) {
            List<Instant> more = new ArrayList<>(attempts);
            more.add(at);
            return new State(principal, step, startedAt, before, secretId, more);
        }

        State withoutAttempts() {
            return new State(principal, step, startedAt, before, secretId, List.of());
        }
    }

    private final RecordStore store;
    private final String key;

    SecretRotationJournal(RecordStore store, String key) {
        this.store = InvalidInputException.requireNonNull(store, "journal store");
        this.key = InvalidInputException.requireNonNull(key, "journal key");
    }

    Optional<State> read(ApplicationId principal) {
        Optional<String> document = store.read(key);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        State state = parse(document.get());
        if (!state.principal().equals(principal)) {
            throw InvalidInputException.of("journal key", key, "it holds the rotation of " + state.principal(),
                    "a key of its own for each principal's rotation");
        }
        return Optional.of(state);
    }

    void write(State state) {
        ObjectNode root = MAPPER.createObjectNode().put("schema", SCHEMA)
                .put("principal", state.principal().toString()).put("step", state.step().name())
                .put("startedAt", state.startedAt().toString()).put("secretId", state.secretId());
        state.before().stream().sorted().forEach(root.putArray("before")::add);
        state.attempts().forEach(at -> root.withArray("attempts").add(at.toString()));
        store.write(key, root.toString());
    }

    void finish() {
        store.delete(key);
    }

    private State parse(String document) {
        try {
            JsonNode root = MAPPER.readTree(document);
            if (!SCHEMA.equals(root.path("schema").asText())) {
                throw unreadable("its schema is not " + SCHEMA);
            }
            Set<String> before = new TreeSet<>();
            root.path("before").forEach(id -> before.add(id.asText()));
            List<Instant> attempts = new ArrayList<>();
            root.path("attempts").forEach(at -> attempts.add(Instant.parse(at.asText())));
            return new State(ApplicationId.of(root.path("principal").asText()),
                    Step.valueOf(root.path("step").asText()), Instant.parse(root.path("startedAt").asText()),
                    before, root.path("secretId").asText(""), attempts);
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof LakesetupException lakesetup) {
                throw lakesetup;
            }
            throw unreadable(e.getClass().getSimpleName());
        }
    }

    private LakesetupException unreadable(String why) {
        return new LakesetupException("the secret rotation journal under '" + key + "' cannot be read (" + why
                + "); check the secrets of the principal with OAuthSecrets.list and delete the journal to start over");
    }
}
