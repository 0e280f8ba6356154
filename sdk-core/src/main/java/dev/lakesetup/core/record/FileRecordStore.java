package dev.lakesetup.core.record;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
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

    /** The most levels of directories a key may have ({@code a/b/c} has three). */
    public static final int MAX_DEPTH = 16;
    /** The most files and directories {@link #keys} visits. */
    public static final int MAX_ENTRIES = 100_000;

    private final Path directory;
    private final int maxDepth;
    private final int maxEntries;

    /**
     * Creates a store in a directory, created on the first write when it does not exist.
     *
     * @param directory the directory
     */
    public FileRecordStore(Path directory) {
        this(directory, MAX_DEPTH, MAX_ENTRIES);
    }

    /** Creates a store with other bounds on its key depth and listing (for tests). */
    FileRecordStore(Path directory, int maxDepth, int maxEntries) {
        this.directory = InvalidInputException.requireNonNull(directory, "record directory").toAbsolutePath()
                .normalize();
        this.maxDepth = maxDepth;
        this.maxEntries = maxEntries;
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

    /**
     * Lists the keys that start with a prefix, sorted. The walk is bounded: it visits at most
     * {@link #MAX_ENTRIES} files and directories and goes at most {@link #MAX_DEPTH} levels down; a directory past
     * either bound fails with a message that says which, rather than walking on.
     *
     * @param prefix the key prefix ({@code ""} for every key)
     * @return the keys, sorted
     */
    @Override
    public List<String> keys(String prefix) {
        InvalidInputException.requireNonNull(prefix, "record key prefix");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory, maxDepth + 1)) {
            Iterator<Path> paths = walk.iterator();
            int seen = 0;
            while (paths.hasNext()) {
                Path path = paths.next();
                if (++seen > maxEntries) {
                    throw new LakesetupException("listing the records in " + directory + " stopped after "
                            + maxEntries + " entries: the directory holds more than a record store may; keep "
                            + "the records in a directory of their own and delete old ones");
                }
                Path relative = directory.relativize(path);
                if (relative.getNameCount() > maxDepth) {
                    throw new LakesetupException("listing the records in " + directory + " stopped: "
                            + relative + " is deeper than " + maxDepth + " levels, which no record key is");
                }
                keyOf(path, relative).filter(key -> key.startsWith(prefix)).ifPresent(out::add);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new LakesetupException("listing the records in " + directory + " failed: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /** The key a file holds, when it is a record (not a directory, nor a temporary file of a write). */
    private static Optional<String> keyOf(Path path, Path relative) {
        String name = relative.toString().replace(path.getFileSystem().getSeparator(), "/");
        if (!Files.isRegularFile(path) || path.getFileName().toString().startsWith(".record-")
                || !name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** Returns the file of a key, checked to stay inside the directory. */
    private Path fileOf(String key) {
        Path file = directory.resolve(MemoryRecordStore.requireKey(key) + SUFFIX).normalize();
        if (key.split("/", -1).length > maxDepth) {
            throw InvalidInputException.of("record key", key, "it has more than " + maxDepth + " levels",
                    "at most " + maxDepth + " segments separated by '/'");
        }
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
