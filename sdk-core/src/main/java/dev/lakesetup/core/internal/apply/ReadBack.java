package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms written grants by reading them back, many securables per {@link Executor#readGrants} call, polling the
 * ones that do not show yet (eventual consistency) until they do or the policy's read-backs are used up. The polls
 * after the first ask for every grant on what is still missing ({@link ExecutionContext#needsEveryGrant}): a bulk
 * listing such as {@code information_schema} shows a caller that is neither the owner nor an admin only its own
 * grants, so grants it gave others would never show there.
 */
final class ReadBack {
    private static final Logger LOG = LoggerFactory.getLogger(ReadBack.class);

    static final String INTERRUPTED = "interrupted: the apply was stopped";

    private final CallGuard guard;
    private final Resolutions context;
    private final BooleanSupplier stopped;

    /**
     * A grant change whose write succeeded and whose grants are not confirmed yet.
     *
     * @param change the change
     * @param executor the executor that wrote it and reads it back
     * @param attempts the calls the write took
     * @param start when the change started
     */
    record Written(GrantChange change, Executor executor, int attempts, Instant start) {
    }

    ReadBack(CallGuard guard, Resolutions context, BooleanSupplier stopped) {
        this.guard = guard;
        this.context = context;
        this.stopped = stopped;
    }

    /**
     * Splits written grants into the read calls that confirm them, like the planner's reads: per executor and
     * securable type, in the order given, at most {@link Executor#grantReadBatchSize()} per call.
     *
     * @param written grant changes to confirm
     * @return the batches; each holds changes of one executor on securables of one type
     */
    static List<List<Written>> batches(List<Written> written) {
        Map<Executor, Map<SecurableType, List<Written>>> byExecutor = new LinkedHashMap<>();
        for (Written grant : written) {
            byExecutor.computeIfAbsent(grant.executor(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(grant.change().securable().type(), k -> new ArrayList<>()).add(grant);
        }
        List<List<Written>> batches = new ArrayList<>();
        byExecutor.forEach((executor, byType) -> {
            int size = Math.max(1, executor.grantReadBatchSize());
            byType.values().forEach(list -> {
                for (int from = 0; from < list.size(); from += size) {
                    batches.add(List.copyOf(list.subList(from, Math.min(list.size(), from + size))));
                }
            });
        });
        return batches;
    }

    /**
     * Reads back the grants of changes written through one executor until they all show: each round reads the
     * securables still missing something in one call, and waits the policy's read-back interval before the next.
     * Never throws.
     *
     * @param executor the executor of every change in {@code written}
     * @param written the changes, at most {@link Executor#grantReadBatchSize()} securables' worth
     * @return an outcome per change: applied, or failed saying what never showed or why reading failed
     */
    List<ChangeOutcome> confirm(Executor executor, List<Written> written) {
        List<ChangeOutcome> outcomes = new ArrayList<>(written.size());
        // the changes decided so far: a failure later in a round must not decide them a second time
        Set<Written> decided = new HashSet<>();
        List<Written> waiting = written;
        Map<Written, List<PrincipalPrivileges>> missing = new HashMap<>();
        int readBacks = guard.policy().readBackAttempts();
        try {
            for (int round = 1; round <= readBacks && !waiting.isEmpty(); round++) {
                if (round > 1) {
                    guard.sleep(guard.policy().readBackInterval(), round - 1);
                }
                Set<Securable> securables = new LinkedHashSet<>();
                waiting.forEach(grant -> securables.add(grant.change().securable()));
                // a bulk listing may show the caller only its own grants: what it did not confirm is read in full
                ExecutionContext reading = round == 1 ? context : new CompleteReads(context, securables::contains);
                Map<Securable, List<PrincipalPrivileges>> live = guard.call("read back grants on "
                        + describe(securables), () -> executor.readGrants(securables, reading),
                        (attempt, delay, cause) -> { }, stopped).value();
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
            for (Written grant : waiting) {
                outcomes.add(outcome(grant, Outcome.FAILED, "grants on " + grant.change().securable().fullName()
                        + " were applied but not visible after " + readBacks + " read-backs; missing "
                        + missing.get(grant)));
            }
        } catch (CallGuard.CallFailedException e) {
            String reason = "applied, but reading the grants back failed: " + ChangeRunner.describe(e.failure(),
                    e.getCause());
            undecided(waiting, decided).forEach(grant -> outcomes.add(outcome(grant, Outcome.FAILED, reason)));
        } catch (CallGuard.InterruptedCallException e) {
            undecided(waiting, decided).forEach(grant -> outcomes.add(interrupted(grant)));
        } catch (RuntimeException e) {
            String reason = "applied, but reading the grants back failed: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage());
            undecided(waiting, decided).forEach(grant -> outcomes.add(outcome(grant, Outcome.FAILED, reason)));
        }
        return outcomes;
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
                Duration.between(grant.start(), guard.clock().instant()), reason);
    }

    private static String describe(Set<Securable> securables) {
        return securables.size() == 1 ? securables.iterator().next().fullName() : securables.size() + " securables";
    }
}
