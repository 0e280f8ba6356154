package dev.lakesetup.databricks;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.Progress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the checks of one validation and reports {@link Progress.Phase#VALIDATING} progress after each, so a
 * progress bar can follow; a listener that throws is logged and ignored.
 */
final class ProgressingChecks {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressingChecks.class);
    private final ApplyListener listener;
    private final int total;
    private final List<ValidationCheck> checks = new ArrayList<>();

    /**
     * Starts the list and reports 0 of {@code total}.
     *
     * @param listener receives the progress
     * @param total how many checks will run
     */
    ProgressingChecks(ApplyListener listener, int total) {
        this.listener = listener;
        this.total = total;
        report();
    }

    /**
     * Records a check and reports the progress.
     *
     * @param check the check
     */
    void add(ValidationCheck check) {
        checks.add(check);
        report();
    }

    /**
     * Returns the checks recorded, in order.
     *
     * @return the checks
     */
    List<ValidationCheck> checks() {
        return List.copyOf(checks);
    }

    private void report() {
        try {
            listener.progress(new Progress(Progress.Phase.VALIDATING, Math.min(checks.size(), total),
                    Math.max(total, checks.size())));
        } catch (RuntimeException e) {
            LOG.warn("progress listener {} failed: {}", listener.getClass().getName(), e.toString());
        }
    }
}
