package dev.lakesetup.temporal;

import io.temporal.failure.TemporalFailure;

/** Reads why a child workflow or an activity failed, for reports. */
final class Failures {
    private Failures() {
    }

    /** The message of the innermost Temporal failure (the activity's own), without Temporal's wrapping text. */
    static String reason(Throwable failure) {
        String reason = failure.getMessage();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TemporalFailure temporal && temporal.getOriginalMessage() != null
                    && !temporal.getOriginalMessage().isEmpty()) {
                reason = temporal.getOriginalMessage();
            }
        }
        return reason == null ? failure.getClass().getSimpleName() : reason;
    }
}
