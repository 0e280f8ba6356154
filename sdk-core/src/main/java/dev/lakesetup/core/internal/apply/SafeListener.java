package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Progress;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.Plan;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forwards events to every registered listener; a listener that throws is logged and does not stop the apply. */
public final class SafeListener implements ApplyListener {
    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);
    private final List<ApplyListener> listeners;

    /**
     * Creates the forwarder.
     *
     * @param listeners the listeners
     */
    public SafeListener(List<ApplyListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(String event, Consumer<ApplyListener> call) {
        for (ApplyListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("apply listener {} failed on {}: {}", listener.getClass().getName(), event,
                        ServiceText.escape(e.toString()));
            }
        }
    }

    @Override
    public void planned(Plan plan) {
        each("planned", listener -> listener.planned(plan));
    }

    @Override
    public void started(Change change) {
        each("started", listener -> listener.started(change));
    }

    @Override
    public void retrying(Change change, int attempt, Duration delay, Throwable cause) {
        each("retrying", listener -> listener.retrying(change, attempt, delay, cause));
    }

    @Override
    public void done(ChangeOutcome outcome) {
        each("done", listener -> listener.done(outcome));
    }

    @Override
    public void failed(ChangeOutcome outcome) {
        each("failed", listener -> listener.failed(outcome));
    }

    @Override
    public void progress(Progress progress) {
        each("progress", listener -> listener.progress(progress));
    }

    @Override
    public void finished(ApplyReport report) {
        each("finished", listener -> listener.finished(report));
    }
}
