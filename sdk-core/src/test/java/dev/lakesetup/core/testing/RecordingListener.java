package dev.lakesetup.core.testing;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.Plan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event as a line. */
public final class RecordingListener implements ApplyListener {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile ApplyReport report;

    public List<String> events() {
        return List.copyOf(events);
    }

    public ApplyReport report() {
        return report;
    }

    @Override
    public void planned(Plan plan) {
        events.add("planned " + plan.changes().size());
    }

    @Override
    public void started(Change change) {
        events.add("started " + change.id());
    }

    @Override
    public void retrying(Change change, int attempt, Duration delay, Throwable cause) {
        events.add("retrying " + change.id() + " after attempt " + attempt + " in " + delay.toMillis() + " ms");
    }

    @Override
    public void done(ChangeOutcome outcome) {
        events.add("done " + outcome.change().id() + " " + outcome.outcome());
    }

    @Override
    public void failed(ChangeOutcome outcome) {
        events.add("failed " + outcome.change().id() + " " + outcome.outcome());
    }

    @Override
    public void finished(ApplyReport report) {
        this.report = report;
        events.add("finished");
    }
}
