package dev.lakesetup.temporal;

/**
 * One actionable change of a workspace's plan, as the onboarding workflow keeps it in its history: its stable id
 * and what it does, never a value that could be secret. The activity that applies it re-plans and finds the change
 * again by its id.
 *
 * @param id the change's stable id ({@link dev.lakesetup.core.plan.ChangeId})
 * @param kind the kind of object changed, e.g. {@code service_principal}, {@code oauth_secret}, {@code grants}
 * @param action the action, e.g. {@code CREATE}, {@code GRANT}
 * @param object the object as people name it, e.g. {@code catalog sales}
 * @param accountLevel whether the change calls the account API (it then runs on the account task queue)
 */
public record PlannedChange(String id, String kind, String action, String object, boolean accountLevel) {
}
