package dev.lakesetup.cli;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.core.record.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/** A run record kept in one file the user names ({@code --record FILE}): read, and merged on save. */
final class RecordFile {
    /** The key a recipe keeps its record under in the file. */
    static final String KEY = "run";

    private RecordFile() {
    }

    /** Reads the record in a file; empty when the file does not exist. */
    static Optional<RunRecord> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunRecord.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new LakesetupException("reading the run record " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Merges a run's record into the file's (creating it), written whole: a temporary file moved over it. */
    static RunRecord save(Path file, RunRecord record) {
        RunRecord merged = read(file).map(earlier -> earlier.merge(record)).orElse(record);
        write(file, merged.toJson());
        return merged;
    }

    /**
     * Returns the file as a record store holding one record whatever the key, so a recipe keeps its record there
     * itself (before it applies).
     */
    static RecordStore store(Path file) {
        return new Store(file);
    }

    private static void write(Path file, String document) {
        Path absolute = file.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), ".record-", ".tmp");
            try {
                Files.writeString(temporary, document, StandardCharsets.UTF_8);
                move(temporary, absolute);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new LakesetupException("writing the run record " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The record file as a store: every key names the one file. */
    private record Store(Path file) implements RecordStore {
        @Override
        public Optional<String> read(String key) {
            try {
                return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                        : Optional.empty();
            } catch (IOException e) {
                throw new LakesetupException("reading the run record " + file + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void write(String key, String document) {
            RecordFile.write(file, document);
        }

        @Override
        public void delete(String key) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new LakesetupException("deleting the run record " + file + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public List<String> keys(String prefix) {
            return Files.exists(file) ? List.of(RecordFile.KEY) : List.of();
        }

        @Override
        public String toString() {
            return "the record file " + file;
        }
    }
}
