package dev.lakesetup.core.internal.read;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.Progress;
import java.util.function.Supplier;

/** Counts the objects read so far, from parallel read calls, and reports each step in order. */
public final class ReadProgress {
    private final ApplyListener listener;
    private final int total;
    private int completed;

    /**
     * Starts counting and reports 0 of {@code total}.
     *
     * @param listener receives {@link Progress.Phase#READING} progress
     * @param total the objects to read
     */
    public ReadProgress(ApplyListener listener, int total) {
        this.listener = listener;
        this.total = total;
        listener.progress(new Progress(Progress.Phase.READING, 0, total));
    }

    /**
     * Runs one read call and then counts the objects it read.
     *
     * @param objects how many objects the call reads
     * @param read the call
     * @param <T> its result
     * @return its result
     */
    public <T> T counted(int objects, Supplier<T> read) {
        T result = read.get();
        synchronized (this) {
            completed = Math.min(total, completed + objects);
            listener.progress(new Progress(Progress.Phase.READING, completed, total));
        }
        return result;
    }
}
