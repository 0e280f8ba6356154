package dev.lakesetup.core.apply;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.plan.ChangeId;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of applying a plan: every change of the plan with its outcome, attempts and time, in plan order.
 * Render it with a {@code ReportFormat}, e.g. {@code ReportFormat.TEXT.render(report)}.
 *
 * @param outcomes one per change of the plan
 * @param duration the time the whole apply took
 * @param interrupted whether the calling thread was interrupted, so some changes were not attempted
 */
public record ApplyReport(List<ChangeOutcome> outcomes, Duration duration, boolean interrupted) {
    /**
     * Checks and copies the components.
     *
     * @param outcomes one per change of the plan
     * @param duration the time the whole apply took
     * @param interrupted whether the calling thread was interrupted, so some changes were not attempted
     */
    public ApplyReport {
        InvalidInputException.requireNonNull(outcomes, "outcomes");
        InvalidInputException.requireNonNull(duration, "duration");
        outcomes = List.copyOf(outcomes);
    }

    /**
     * Finds the outcome of a change.
     *
     * @param id the change id
     * @return the outcome, or empty if the plan had no such change
     */
    public Optional<ChangeOutcome> outcome(ChangeId id) {
        return outcomes.stream().filter(outcome -> outcome.change().id().equals(id)).findFirst();
    }

    /**
     * Counts the changes per outcome.
     *
     * @return every outcome with its count, possibly zero
     */
    public Map<Outcome, Integer> summary() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        for (ChangeOutcome outcome : outcomes) {
            counts.merge(outcome.outcome(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Tells whether every change was applied or needed nothing.
     *
     * @return {@code true} when nothing failed or was skipped
     */
    public boolean isSuccess() {
        return !interrupted && outcomes.stream().allMatch(ChangeOutcome::succeeded);
    }

    /**
     * Returns the outcomes that failed.
     *
     * @return the failed changes' outcomes
     */
    public List<ChangeOutcome> failures() {
        return outcomes.stream().filter(outcome -> outcome.outcome() == Outcome.FAILED).toList();
    }

    @Override
    public String toString() {
        Map<Outcome, Integer> summary = summary();
        return "Apply " + (isSuccess() ? "succeeded" : interrupted ? "interrupted" : "failed") + ": "
                + summary.get(Outcome.APPLIED) + " applied, " + summary.get(Outcome.ALREADY_DONE) + " already done, "
                + summary.get(Outcome.FAILED) + " failed, " + summary.get(Outcome.SKIPPED) + " skipped in "
                + duration.toMillis() + " ms";
    }
}
