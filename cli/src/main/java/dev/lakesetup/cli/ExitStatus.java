package dev.lakesetup.cli;

/** The command's exit statuses, as {@code --help} lists them. */
final class ExitStatus {
    /** Nothing left to do: an empty plan, a clean apply, a valid file. */
    static final int CLEAN = 0;
    /** An error: bad input, a failed sign-in, a change that failed. */
    static final int ERROR = 1;
    /**
     * Changes are pending (plan), or the workspace differs from the file: still after an apply, or as verify found
     * it (drift).
     */
    static final int CHANGES = 2;

    private ExitStatus() {
    }
}
