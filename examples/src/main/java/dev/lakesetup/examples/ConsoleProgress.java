package dev.lakesetup.examples;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.plan.Change;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints one line per change as an apply runs: its outcome, action and object, attempts and time. Retries print a
 * line too. Lines from parallel changes never interleave.
 */
public final class ConsoleProgress implements ApplyListener {
    private final PrintStream out;

    /**
     * Prints to a stream.
     *
     * @param out where the lines go
     */
    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void retrying(Change change, int attempt, Duration delay, Throwable cause) {
        print("  retry    " + change.object() + " (attempt " + attempt + " failed, next in " + delay.toMillis()
                + " ms): " + cause.getMessage());
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
        out.println(line);
    }
}
