package dev.lakesetup.cli;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Progress;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.plan.Change;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows an apply as it runs, on standard error: a bar per phase (reading, applying, reading back, validating),
 * redrawn in place, when standard error is a terminal; and, unless the output is JSON, one line per change as it
 * ends (its outcome, action, object, attempts and time) and one per retry. Lines from parallel changes never
 * interleave, and the bar is cleared before a line is printed and drawn again after it.
 */
final class ProgressBar implements ApplyListener {
    private static final int WIDTH = 20;

    private final PrintStream err;
    private final boolean drawBar;
    private final boolean printLines;
    private String shownBar = "";

    /**
     * Creates the listener.
     *
     * @param err where it draws
     * @param drawBar whether to draw the bar (a terminal)
     * @param printLines whether to print a line per change and per retry
     */
    ProgressBar(PrintStream err, boolean drawBar, boolean printLines) {
        this.err = err;
        this.drawBar = drawBar;
        this.printLines = printLines;
    }

    /** Draws a bar, e.g. {@code [##########          ] applying 5 of 10}. */
    static String bar(Progress progress) {
        int done = (int) Math.floor(progress.fraction() * WIDTH);
        return "[" + "#".repeat(done) + " ".repeat(WIDTH - done) + "] " + progress;
    }

    @Override
    public synchronized void progress(Progress progress) {
        if (!drawBar) {
            return;
        }
        clearBar();
        if (progress.completed() == progress.total()) {
            shownBar = "";
        } else {
            shownBar = bar(progress);
            err.print(shownBar);
        }
        err.flush();
    }

    @Override
    public void retrying(Change change, int attempt, Duration delay, Throwable cause) {
        print("  retry    " + change.object() + " (attempt " + attempt + " failed, next in " + delay.toMillis()
                + " ms): " + ServiceText.escape(String.valueOf(cause.getMessage())));
    }

    @Override
    public void done(ChangeOutcome outcome) {
        print(line(outcome));
    }

    @Override
    public void failed(ChangeOutcome outcome) {
        print(line(outcome) + ": " + outcome.reason());
    }

    private static String line(ChangeOutcome outcome) {
        Change change = outcome.change();
        return String.format("  %-12s %-6s %s (%d %s, %d ms)", outcome.outcome(), change.action(), change.object(),
                outcome.attempts(), outcome.attempts() == 1 ? "attempt" : "attempts", outcome.duration().toMillis());
    }

    private synchronized void print(String line) {
        if (!printLines) {
            return;
        }
        clearBar();
        err.println(line);
        if (!shownBar.isEmpty()) {
            err.print(shownBar);
        }
        err.flush();
    }

    private void clearBar() {
        if (drawBar && !shownBar.isEmpty()) {
            err.print("\r" + " ".repeat(shownBar.length()) + "\r");
        }
    }
}
