package dev.lakesetup.core.apply;

/** How a change ended in an apply. */
public enum Outcome {
    /** The change was applied. */
    APPLIED,
    /** Nothing had to be done: the plan said no-op, or the object already existed with the declared settings. */
    ALREADY_DONE,
    /** The change was not attempted: a dependency failed, it was refused, or the apply was interrupted. */
    SKIPPED,
    /** The change was attempted and failed; the reason says why. */
    FAILED
}
