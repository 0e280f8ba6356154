package dev.lakesetup.core.record;

import java.util.List;
import java.util.Optional;

/**
 * Keeps small documents lakesetup writes about what it did (the record of a run, the journal of a secret rotation)
 * under keys the caller chooses, so a later run (verify, rotate, teardown), possibly on another machine, can read
 * them. A document never holds a secret.
 *
 * <p>Keys are relative paths of letters, digits, {@code . _ -} and {@code /} (no {@code ..}, no leading
 * {@code /}); implementations reject others with an {@link dev.lakesetup.core.exception.InvalidInputException}.
 * Implementations: {@link MemoryRecordStore} for tests, a file store in this package and a Databricks workspace-files
 * store in {@code lakesetup-databricks}.
 */
public interface RecordStore {

    /**
     * Reads a document.
     *
     * @param key the key
     * @return the document, or empty when there is none under the key
     */
    Optional<String> read(String key);

    /**
     * Writes a document, replacing any under the same key. A write is whole: a reader sees the old document or the
     * new one, never a part.
     *
     * @param key the key
     * @param document the document (JSON)
     */
    void write(String key, String document);

    /**
     * Deletes a document; deleting one that is not there does nothing.
     *
     * @param key the key
     */
    void delete(String key);

    /**
     * Lists the keys that start with a prefix, sorted.
     *
     * @param prefix the prefix ({@code ""} for all)
     * @return the keys
     */
    List<String> keys(String prefix);
}
