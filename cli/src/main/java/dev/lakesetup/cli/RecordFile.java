package dev.lakesetup.cli;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.record.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** A run record kept in one file the user names ({@code --record FILE}): read, and merged on save. */
final class RecordFile {
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
        Path absolute = file.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), ".record-", ".tmp");
            try {
                Files.writeString(temporary, merged.toJson(), StandardCharsets.UTF_8);
                move(temporary, absolute);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new LakesetupException("writing the run record " + file + " failed: " + e.getMessage(), e);
        }
        return merged;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
