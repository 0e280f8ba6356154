package dev.lakesetup.temporal;

import dev.lakesetup.core.exception.InvalidInputException;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Activity options shared by the workflows: timeouts, and Temporal's retry with backoff on durable timers. */
final class ActivityStubs {
    private ActivityStubs() {
    }

    /** A stub of the activities on a task queue, tried {@code settings.maxAttempts()} times with backoff. */
    static <T> T on(Class<T> activities, String taskQueue, DurableSettings settings) {
        RetryOptions retry = RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(2))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(2))
                .setMaximumAttempts(settings.maxAttempts())
                .setDoNotRetry(InvalidInputException.class.getName(), UnsupportedOperationException.class.getName())
                .build();
        return Workflow.newActivityStub(activities, ActivityOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setStartToCloseTimeout(settings.attemptTimeout())
                .setRetryOptions(retry)
                .build());
    }
}
