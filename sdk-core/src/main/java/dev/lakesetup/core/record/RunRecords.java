package dev.lakesetup.core.record;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Optional;

/**
 * Keeps {@link RunRecord}s in a {@link RecordStore}: saving merges with the record already under the key, so the
 * store holds what every run of a setup gave.
 */
public final class RunRecords {
    private RunRecords() {
    }

    /**
     * Saves the record of a run under a key, merged into the record already there ({@link RunRecord#merge}).
     *
     * @param store the store
     * @param key the key, e.g. {@code customers/acme}
     * @param record the record of the run
     * @return the record now stored (merged)
     * @throws InvalidInputException when the key is not accepted, or the stored record cannot be read
     */
    public static RunRecord save(RecordStore store, String key, RunRecord record) {
        InvalidInputException.requireNonNull(store, "record store");
        InvalidInputException.requireNonNull(record, "run record");
        MemoryRecordStore.requireKey(key);
        RunRecord merged = load(store, key).map(earlier -> earlier.merge(record)).orElse(record);
        store.write(key, merged.toJson());
        return merged;
    }

    /**
     * Loads the record under a key.
     *
     * @param store the store
     * @param key the key
     * @return the record, or empty when the store holds none under the key
     * @throws InvalidInputException when the key is not accepted, or the document is not a run record
     */
    public static Optional<RunRecord> load(RecordStore store, String key) {
        InvalidInputException.requireNonNull(store, "record store");
        return store.read(MemoryRecordStore.requireKey(key)).map(RunRecord::parse);
    }
}
