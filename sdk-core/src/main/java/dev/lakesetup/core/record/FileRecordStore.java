package dev.lakesetup.core.record;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link RecordStore} in a directory: each document is the file {@code <key>.json} under it. A write goes to a
 * temporary file in the same directory, readable by its owner only where the file system has POSIX permissions,
 * and is then moved over the old one, so a reader never sees half a document. Keys cannot leave the directory.
 */
public final class FileRecordStore implements RecordStore {
    private static final String SUFFIX = ".json";

    private final Path directory;

    /**
     * Creates a store in a directory, created on the first write when it does not exist.
     *
     * @param directory the directory
     */
    public FileRecordStore(Path directory) {
        this.directory = InvalidInputException.requireNonNull(directory, "record directory").toAbsolutePath()
                .normalize();
    }

    @Override
    public Optional<String> read(String key) {
        Path file = fileOf(key);
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LakesetupException("reading the record " + key + " from " + file + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void write(String key, String document) {
        InvalidInputException.requireNonNull(document, "record document");
        Path file = fileOf(key);
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), ".record-", ".tmp");
            ownerOnly(temporary);
            Files.writeString(temporary, document, StandardCharsets.UTF_8);
            move(temporary, file);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new LakesetupException("writing the record " + key + " to " + file + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the write already failed; that failure is what the caller hears about
            }
        }
    }

    @Override
    public void delete(String key) {
        Path file = fileOf(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LakesetupException("deleting the record " + key + " at " + file + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<String> keys(String prefix) {
        InvalidInputException.requireNonNull(prefix, "record key prefix");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> Files.isRegularFile(file)
                            && !file.getFileName().toString().startsWith(".record-"))
                    .map(file -> directory.relativize(file).toString().replace(file.getFileSystem()
                            .getSeparator(), "/"))
                    .filter(name -> name.endsWith(SUFFIX))
                    .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                    .filter(key -> key.startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new LakesetupException("listing the records in " + directory + " failed: " + e.getMessage(), e);
        }
    }

    /** Returns the file of a key, checked to stay inside the directory. */
    private Path fileOf(String key) {
        Path file = directory.resolve(MemoryRecordStore.requireKey(key) + SUFFIX).normalize();
        if (!file.startsWith(directory) || file.equals(directory)) {
            throw InvalidInputException.of("record key", key, "it leads outside the record directory",
                    "a relative path inside the directory");
        }
        return file;
    }

    @Override
    public String toString() {
        return "FileRecordStore[" + directory + "]";
    }
}
