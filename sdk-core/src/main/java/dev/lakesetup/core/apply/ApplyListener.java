package dev.lakesetup.core.apply;

import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.Plan;
import java.time.Duration;

/**
 * Receives progress events, for progress bars, logs and metrics. Every method has an empty default. Methods are
 * called from the engine's worker threads, possibly concurrently; an exception thrown here is logged and ignored.
 */
public interface ApplyListener {

    /**
     * Called when a plan has been made.
     *
     * @param plan the plan
     */
    default void planned(Plan plan) {
    }

    /**
     * Called when a change starts.
     *
     * @param change the change
     */
    default void started(Change change) {
    }

    /**
     * Called before a failed attempt is retried.
     *
     * @param change the change
     * @param attempt the attempt that failed, from 1
     * @param delay how long the engine waits before the next attempt
     * @param cause the failure; its message never holds a secret
     */
    default void retrying(Change change, int attempt, Duration delay, Throwable cause) {
    }

    /**
     * Called when a change was applied or needed nothing.
     *
     * @param outcome the outcome
     */
    default void done(ChangeOutcome outcome) {
    }

    /**
     * Called when a change failed or was skipped.
     *
     * @param outcome the outcome, whose reason says why
     */
    default void failed(ChangeOutcome outcome) {
    }

    /**
     * Called when a phase starts and after each of its steps, with how many steps are done of how many: for a
     * progress bar. Reading reports while planning (and while a saved plan is checked before its apply), applying and
     * reading back during an apply, validating while checks run as the principal.
     *
     * @param progress the phase and its counters
     */
    default void progress(Progress progress) {
    }

    /**
     * Called once when the apply ends, also after an interruption.
     *
     * @param report the report
     */
    default void finished(ApplyReport report) {
    }
}
