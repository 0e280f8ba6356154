package dev.lakesetup.core.record;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/** A {@link RecordStore} in memory, for tests and for runs that keep their records elsewhere. Thread-safe. */
public final class MemoryRecordStore implements RecordStore {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private final ConcurrentSkipListMap<String, String> documents = new ConcurrentSkipListMap<>();

    /** Creates an empty store. */
    public MemoryRecordStore() {
    }

    /**
     * Checks a record key as every store accepts it.
     *
     * @param key the key
     * @return the key
     * @throws InvalidInputException naming the key and what is accepted
     */
    public static String requireKey(String key) {
        InvalidInputException.requireNonNull(key, "record key");
        if (!KEY.matcher(key).matches() || key.contains("..")) {
            throw InvalidInputException.of("record key", key, "it is not a relative path",
                    "letters, digits, '.', '_', '-' in segments separated by '/', without '..'");
        }
        return key;
    }

    @Override
    public Optional<String> read(String key) {
        return Optional.ofNullable(documents.get(requireKey(key)));
    }

    @Override
    public void write(String key, String document) {
        documents.put(requireKey(key), InvalidInputException.requireNonNull(document, "record document"));
    }

    @Override
    public void delete(String key) {
        documents.remove(requireKey(key));
    }

    @Override
    public List<String> keys(String prefix) {
        InvalidInputException.requireNonNull(prefix, "record key prefix");
        return documents.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public String toString() {
        return "MemoryRecordStore[" + documents.size() + " records]";
    }
}
