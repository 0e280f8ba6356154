package dev.lakesetup.examples;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Progress;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.plan.Change;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints one line per change as an apply runs (its outcome, action and object, attempts and time; retries print a
 * line too) and draws a progress bar per phase: reading, applying, reading back, validating. Lines from parallel
 * changes never interleave.
 *
 * <p>On a terminal the bar is redrawn in place; anywhere else (a log file, a CI job, a test) it prints as plain
 * lines, one each time the bar grows by a step, so the output stays short and readable.
 */
public final class ConsoleProgress implements ApplyListener {
    /** The bar's width in characters. */
    static final int WIDTH = 20;

    private final PrintStream out;
    private final boolean inPlace;
    private String shownBar = "";
    private Progress.Phase phase;
    private int filled = -1;

    /**
     * Prints to a stream, redrawing the bar in place when the process writes to a terminal.
     *
     * @param out where the lines go
     */
    public ConsoleProgress(PrintStream out) {
        this(out, out == System.out && System.console() != null);
    }

    /**
     * Prints to a stream.
     *
     * @param out where the lines go
     * @param inPlace whether to redraw the bar in place with carriage returns (for a terminal)
     */
    public ConsoleProgress(PrintStream out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
    }

    /**
     * Draws a bar, e.g. {@code [##########          ] applying 5 of 10}.
     *
     * @param progress the progress
     * @return the bar and its counters
     */
    static String bar(Progress progress) {
        int done = filled(progress);
        return "[" + "#".repeat(done) + " ".repeat(WIDTH - done) + "] " + progress;
    }

    private static int filled(Progress progress) {
        return (int) Math.floor(progress.fraction() * WIDTH);
    }

    @Override
    public synchronized void progress(Progress progress) {
        boolean newPhase = progress.phase() != phase;
        int now = filled(progress);
        if (!newPhase && now == filled && progress.completed() != progress.total() && !inPlace) {
            return;
        }
        phase = progress.phase();
        filled = now;
        if (inPlace) {
            clearBar();
            shownBar = bar(progress);
            out.print(shownBar);
            if (progress.completed() == progress.total()) {
                out.println();
                shownBar = "";
            }
            out.flush();
        } else {
            out.println("  " + bar(progress));
        }
    }

    @Override
    public void retrying(Change change, int attempt, Duration delay, Throwable cause) {
        print("  retry    " + change.object() + " (attempt " + attempt + " failed, next in " + delay.toMillis()
                + " ms): " + ServiceText.escape(cause.getMessage()));
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

    /** Prints a line above the bar: clears the bar, prints the line, draws the bar again. */
    private synchronized void print(String line) {
        clearBar();
        out.println(line);
        if (inPlace && !shownBar.isEmpty()) {
            out.print(shownBar);
            out.flush();
        }
    }

    private void clearBar() {
        if (inPlace && !shownBar.isEmpty()) {
            out.print("\r" + " ".repeat(shownBar.length()) + "\r");
        }
    }
}
