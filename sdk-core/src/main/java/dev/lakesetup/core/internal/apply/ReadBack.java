package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.internal.call.Retrier;
import dev.lakesetup.core.internal.call.RetriesExhaustedException;
import dev.lakesetup.core.internal.read.Context;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.GrantStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms written grants by reading them back, every securable of one store in one {@link GrantStore#read} call, polling the
 * ones that do not show yet (eventual consistency) until they do or the policy's read-backs are used up. The polls
 * after the first ask for every grant on what is still missing ({@link ExecutionContext#needsEveryGrant}): a bulk
 * listing such as {@code information_schema} shows a caller that is neither the owner nor an admin only its own
 * grants, so grants it gave others would never show there.
 */
final class ReadBack {
    private static final Logger LOG = LoggerFactory.getLogger(ReadBack.class);

    static final String INTERRUPTED = "interrupted: the apply was stopped";

    private final Retrier retrier;
    private final Context context;
    private final BooleanSupplier stopped;

    /**
     * A grant change whose write succeeded and whose grants are not confirmed yet.
     *
     * @param change the change
     * @param store the grant store that wrote it and reads it back
     * @param attempts the calls the write took
     * @param start when the change started
     */
    record Written(GrantChange change, GrantStore store, int attempts, Instant start) {
    }

    ReadBack(Retrier retrier, Context context, BooleanSupplier stopped) {
        this.retrier = retrier;
        this.context = context;
        this.stopped = stopped;
    }

    /**
     * Reads back the grants of changes written through one store until they all show: each round reads the
     * securables still missing something in one call, and waits the policy's read-back interval before the next.
     * Never throws.
     *
     * @param written the changes, all written through one store
     * @return an outcome per change: applied, or failed saying what never showed or why reading failed
     */
    List<ChangeOutcome> confirm(List<Written> written) {
        Rounds rounds = new Rounds(written);
        int readBacks = retrier.policy().readBackAttempts();
        try {
            for (int round = 1; round <= readBacks && !rounds.waiting.isEmpty(); round++) {
                if (round > 1) {
                    retrier.sleep(retrier.policy().readBackInterval(), round - 1);
                }
                rounds.check(read(written.get(0).store(), rounds.waiting, round));
            }
            for (Written grant : rounds.waiting) {
                rounds.outcomes.add(outcome(grant, Outcome.FAILED, "grants on " + grant.change().securable()
                        .fullName() + " were applied but not visible after " + readBacks + " read-backs; missing "
                        + rounds.missing.get(grant)));
            }
        } catch (RetriesExhaustedException e) {
            rounds.failRest("applied, but reading the grants back failed: " + ChangeRunner.describe(e.failure(),
                    e.getCause()));
        } catch (Retrier.InterruptedCallException e) {
            rounds.undecided().forEach(grant -> rounds.outcomes.add(interrupted(grant)));
        } catch (RuntimeException e) {
            rounds.failRest("applied, but reading the grants back failed: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return rounds.outcomes;
    }

    /**
     * Reads the grants on the securables still waiting; after the first round in full, as a bulk listing may show
     * the caller only its own grants.
     */
    private Map<Securable, List<PrincipalPrivileges>> read(GrantStore store, List<Written> waiting, int round) {
        Set<Securable> securables = new LinkedHashSet<>();
        waiting.forEach(grant -> securables.add(grant.change().securable()));
        ExecutionContext reading = round == 1 ? context : context.completeFor(securables::contains);
        List<Securable> toRead = List.copyOf(securables);
        return retrier.run("read back grants on " + describe(securables), () -> store.read(toRead, reading),
                Retrier.RetryObserver.NONE, stopped).value();
    }

    /** The state of one confirmation: what is decided, what still waits, and what it lacked at the last read. */
    private final class Rounds {
        private final List<ChangeOutcome> outcomes = new ArrayList<>();
        /** The changes decided so far: a failure later in a round must not decide them a second time. */
        private final Set<Written> decided = new HashSet<>();
        private final Map<Written, List<PrincipalPrivileges>> missing = new HashMap<>();
        private List<Written> waiting;

        Rounds(List<Written> written) {
            this.waiting = written;
        }

        void check(Map<Securable, List<PrincipalPrivileges>> live) {
            List<Written> still = new ArrayList<>();
            for (Written grant : waiting) {
                List<PrincipalPrivileges> lacking = GrantCheck.missing(grant.change().privileges(),
                        live.getOrDefault(grant.change().securable(), List.of()), context);
                if (lacking.isEmpty()) {
                    LOG.info("{} {}: applied", grant.change().action(), grant.change().object());
                    outcomes.add(outcome(grant, Outcome.APPLIED, ""));
                    decided.add(grant);
                } else {
                    missing.put(grant, lacking);
                    still.add(grant);
                }
            }
            waiting = still;
        }

        List<Written> undecided() {
            return ReadBack.undecided(waiting, decided);
        }

        void failRest(String reason) {
            undecided().forEach(grant -> outcomes.add(outcome(grant, Outcome.FAILED, reason)));
        }
    }

    private static List<Written> undecided(List<Written> waiting, Set<Written> decided) {
        List<Written> out = new ArrayList<>(waiting.size());
        for (Written grant : waiting) {
            if (!decided.contains(grant)) {
                out.add(grant);
            }
        }
        return out;
    }

    /**
     * Returns the outcome of a written change whose confirmation the apply's stop cut short.
     *
     * @param grant the change
     * @return a failed outcome saying it was written but not confirmed
     */
    ChangeOutcome interrupted(Written grant) {
        return outcome(grant, Outcome.FAILED, INTERRUPTED + " after the grants were written, before they were "
                + "read back");
    }

    private ChangeOutcome outcome(Written grant, Outcome outcome, String reason) {
        return new ChangeOutcome(grant.change(), outcome, grant.attempts(),
                Duration.between(grant.start(), retrier.clock().instant()), reason);
    }

    private static String describe(Set<Securable> securables) {
        return securables.size() == 1 ? securables.iterator().next().fullName() : securables.size() + " securables";
    }
}
