package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.databricks.SecretRotationJournal.State;
import dev.lakesetup.databricks.SecretRotationJournal.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of a {@link SecretRotation}: the steps, each recorded in the journal once done. */
final class SecretRotationRun {
    private static final Logger LOG = LoggerFactory.getLogger(SecretRotationRun.class);

    private final SecretRotation rotation;
    private final OAuthSecrets secrets;
    private final ApplicationId appId;
    private final List<String> deleted = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> kept = new LinkedHashMap<>();

    SecretRotationRun(SecretRotation rotation) {
        this.rotation = rotation;
        this.secrets = OAuthSecrets.of(rotation.workspace);
        this.appId = rotation.principal.applicationId().orElseThrow();
    }

    RotationReport run() {
        Optional<State> journaled = rotation.journal.read(appId);
        if (journaled.isPresent()) {
            State state = journaled.get();
            notes.add("finished a rotation interrupted after step " + state.step() + " (started "
                    + state.startedAt() + ")");
            LOG.info("secret rotation for {}: resuming after step {}", appId, state.step());
            return switch (state.step()) {
                case STARTED -> issue(state);
                case ISSUED -> reissue(state);
                case HANDED -> validate(state, rotation.vault.current());
                case VALIDATED -> clean(state, null);
            };
        }
        List<SecretInfo> listed = list();
        if (rotation.expiringWithin != null && !isDue(listed)) {
            return report(RotationReport.Outcome.NOT_DUE, "", null);
        }
        Set<String> before = makeRoom(listed);
        State started = new State(appId, Step.STARTED, now(), before, "", List.of());
        rotation.journal.write(started);
        return issue(started);
    }

    private boolean isDue(List<SecretInfo> listed) {
        Instant now = now();
        Optional<SecretInfo> longest = listed.stream().filter(s -> s.isActiveAt(now))
                .max(Comparator.comparing(SecretInfo::expireTime));
        if (longest.isEmpty()) {
            notes.add("no active secret: rotating");
            return true;
        }
        boolean due = !longest.get().expireTime().isAfter(now.plus(rotation.expiringWithin));
        notes.add("the longest-lasting active secret " + longest.get().id() + " expires "
                + (longest.get().expires() ? longest.get().expireTime() : "never") + (due ? ", within "
                : ", not within ") + rotation.expiringWithin);
        return due;
    }

    /** At the service's limit, deletes expired secrets; refuses when that leaves no room. */
    private Set<String> makeRoom(List<SecretInfo> listed) {
        Set<String> ids = listed.stream().map(SecretInfo::id).collect(Collectors.toCollection(HashSet::new));
        if (listed.size() < OAuthSecrets.MAX_SECRETS) {
            return ids;
        }
        Instant now = now();
        for (SecretInfo info : listed) {
            if (!info.isActiveAt(now)) {
                delete(info.id(), "expired");
                ids.remove(info.id());
            }
        }
        if (ids.size() >= OAuthSecrets.MAX_SECRETS) {
            throw new LakesetupException("service principal " + appId + " has " + ids.size() + " OAuth secrets, "
                    + "the most the service keeps, and none has expired, so no new secret was issued: delete one "
                    + "that is no longer used (OAuthSecrets.delete) and run again; its secrets: " + listed.stream()
                    .map(s -> s.id() + " (created " + s.createTime() + ", expires " + s.expireTime() + ")")
                    .collect(Collectors.joining(", ")));
        }
        return ids;
    }

    private RotationReport reissue(State state) {
        delete(state.secretId(), "issued by the interrupted run, which may never have reached the vault");
        return issue(state.at(Step.STARTED, ""));
    }

    private RotationReport issue(State started) {
        State[] journaled = {started};
        NewSecret issued = call("issue OAuth secret for " + appId, () -> {
            deleteOrphans(journaled[0]);
            journaled[0] = journaled[0].withoutAttempts().withAttempt(now());
            rotation.journal.write(journaled[0]);
            return secrets.issue(rotation.principal, Optional.ofNullable(rotation.lifetime));
        });
        String id = issued.info().id();
        State issuedState = journaled[0].withoutAttempts().at(Step.ISSUED, id);
        rotation.journal.write(issuedState);
        rotation.vault.accept(issued.credentials());
        State handed = issuedState.at(Step.HANDED, id);
        rotation.journal.write(handed);
        LOG.info("secret rotation for {}: new secret {} issued and handed to the vault", appId, id);
        return validate(handed, Optional.of(issued.credentials()));
    }

    /**
     * Deletes the orphans of the journaled issue attempts: for each attempt, the first secret not listed before the
     * start that was created at or after the attempt's time (and before the next attempt), at most one per attempt.
     * Any other new secret (made by hand while the journal waited, or of unknown create time) is kept.
     */
    private void deleteOrphans(State state) {
        if (state.attempts().isEmpty()) {
            return;
        }
        List<SecretInfo> fresh = secrets.list(rotation.principal).stream()
                .filter(s -> !state.before().contains(s.id())).sorted(Comparator.comparing(SecretInfo::createTime))
                .toList();
        Set<String> orphans = new HashSet<>();
        List<Instant> attempts = state.attempts();
        for (int i = 0; i < attempts.size(); i++) {
            Instant from = attempts.get(i);
            Instant until = i + 1 < attempts.size() ? attempts.get(i + 1) : Instant.MAX;
            fresh.stream().filter(s -> s.createTimeKnown() && !orphans.contains(s.id())
                    && !s.createTime().isBefore(from) && s.createTime().isBefore(until))
                    .findFirst().ifPresent(s -> orphans.add(s.id()));
        }
        for (SecretInfo info : fresh) {
            if (orphans.contains(info.id())) {
                delete(info.id(), "issued by an earlier attempt whose answer never arrived");
            } else {
                keep(info, notMadeByThisRotation(info));
            }
        }
    }

    private static String notMadeByThisRotation(SecretInfo info) {
        return info.createTimeKnown() ? "created " + info.createTime() + " by others while the rotation ran"
                : "not listed before the rotation started and the service sent no create time";
    }

    private RotationReport validate(State handed, Optional<OAuthCredentials> credentials) {
        if (credentials.isEmpty() || !credentials.get().clientId().equals(appId)) {
            notes.add("the vault holds no credentials of " + appId + ": nothing was validated or deleted");
            return report(RotationReport.Outcome.VALIDATION_FAILED, handed.secretId(), null);
        }
        ValidationReport validation = rotation.validator.apply(validatorFor(credentials.get())).build().validate();
        if (!validation.passed()) {
            notes.add("no old secret was deleted: signing in with the new secret failed; fix the cause and run again"
                    + " to validate again");
            return report(RotationReport.Outcome.VALIDATION_FAILED, handed.secretId(), validation);
        }
        State validated = handed.at(Step.VALIDATED, handed.secretId());
        rotation.journal.write(validated);
        return clean(validated, validation);
    }

    private PrincipalValidator.Builder validatorFor(OAuthCredentials credentials) {
        PrincipalValidator.Builder builder = PrincipalValidator.builder().host(rotation.workspace.host())
                .credentials(credentials).callPolicy(rotation.workspace.callPolicy())
                .listener(rotation.lakesetup.listener());
        rotation.workspace.warehouseId().ifPresent(builder::warehouseId);
        rotation.workspace.proxy().ifPresent(builder::proxy);
        rotation.workspace.callGate().ifPresent(builder::callGate);
        return builder;
    }

    private RotationReport clean(State validated, ValidationReport validation) {
        List<SecretInfo> listed = list();
        Instant now = now();
        boolean newWorks = listed.stream().anyMatch(s -> s.id().equals(validated.secretId()) && s.isActiveAt(now));
        Instant cutoff = now.minus(rotation.keepWindow);
        for (SecretInfo info : listed) {
            if (info.id().equals(validated.secretId())) {
                continue;
            }
            if (!newWorks) {
                keep(info, "the new secret " + validated.secretId() + " is not listed as active");
            } else if (!validated.before().contains(info.id())) {
                keep(info, notMadeByThisRotation(info));
            } else if (!info.createTimeKnown()) {
                keep(info, "the service sent no create time, so its age against the keep window is unknown");
            } else if (!info.createTime().isAfter(cutoff)) {
                delete(info.id(), "older than the keep window");
            } else {
                keep(info, "created " + info.createTime() + ", within the keep window " + rotation.keepWindow);
            }
        }
        rotation.journal.finish();
        return report(RotationReport.Outcome.ROTATED, validated.secretId(), validation);
    }

    private void keep(SecretInfo info, String why) {
        kept.putIfAbsent(info.id(), why);
    }

    private List<SecretInfo> list() {
        return call("list OAuth secrets of " + appId, () -> secrets.list(rotation.principal));
    }

    private void delete(String secretId, String why) {
        if (call("delete OAuth secret " + secretId + " of " + appId, () -> secrets.delete(rotation.principal,
                secretId))) {
            LOG.info("secret rotation for {}: deleted secret {} ({})", appId, secretId, why);
        }
        if (!deleted.contains(secretId)) {
            deleted.add(secretId);
        }
    }

    private <T> T call(String what, Supplier<T> call) {
        return rotation.lakesetup.call(what, call);
    }

    private Instant now() {
        return rotation.lakesetup.callPolicy().clock().instant();
    }

    private RotationReport report(RotationReport.Outcome outcome, String newId, ValidationReport validation) {
        List<String> keptLines = kept.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        return new RotationReport(appId, outcome, newId, deleted, keptLines, validation, notes);
    }
}
