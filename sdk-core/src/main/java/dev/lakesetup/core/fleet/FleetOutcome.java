package dev.lakesetup.core.fleet;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceText;

/**
 * What a {@link FleetTask} says it did for one member: a status and a one-line summary. The summary is escaped
 * ({@link ServiceText#escape(String)}) and cut to 500 characters (with {@code ...}) when made, so text that came from
 * a service can neither break a report's lines nor make one line of a large fleet's report huge. This is the only
 * place a task's summary is escaped: the report's {@link FleetLine} takes it as it is.
 *
 * @param status what happened; never {@link FleetStatus#CANCELLED}, which only the fleet assigns
 * @param summary one line for people, e.g. {@code 12 applied, 0 failed}; never a secret; kept escaped and at most
 *     500 characters plus an ellipsis
 */
public record FleetOutcome(FleetStatus status, String summary) {

    /**
     * Checks the status, escapes the summary and cuts it to 500 characters (plus {@code ...}).
     *
     * @param status what happened
     * @param summary one line for people
     */
    public FleetOutcome {
        InvalidInputException.requireNonNull(status, "fleet outcome status");
        if (status == FleetStatus.CANCELLED) {
            throw InvalidInputException.of("fleet outcome status", status.name(), "only the fleet cancels members",
                    "OK, CHANGED, DRIFT or FAILED");
        }
        summary = FleetText.summary(InvalidInputException.requireNonNull(summary, "fleet outcome summary"));
    }

    /**
     * Returns an outcome for a member that was already as declared.
     *
     * @param summary one line for people
     * @return the outcome
     */
    public static FleetOutcome ok(String summary) {
        return new FleetOutcome(FleetStatus.OK, summary);
    }

    /**
     * Returns an outcome for a member the task changed.
     *
     * @param summary one line for people
     * @return the outcome
     */
    public static FleetOutcome changed(String summary) {
        return new FleetOutcome(FleetStatus.CHANGED, summary);
    }

    /**
     * Returns an outcome for a member found to differ from what was declared.
     *
     * @param summary one line for people
     * @return the outcome
     */
    public static FleetOutcome drift(String summary) {
        return new FleetOutcome(FleetStatus.DRIFT, summary);
    }

    /**
     * Returns an outcome for a member whose task reported a failure without throwing.
     *
     * @param summary one line for people; never a secret
     * @return the outcome
     */
    public static FleetOutcome failed(String summary) {
        return new FleetOutcome(FleetStatus.FAILED, summary);
    }
}
