package dev.lakesetup.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRecordStoreTest {
    @TempDir
    Path directory;

    @Test
    void write_thenRead_returnsTheDocumentAndLeavesNoTemporaryFile() throws IOException {
        FileRecordStore store = new FileRecordStore(directory.resolve("records"));

        store.write("customers/acme", "{\"a\":1}");
        store.write("customers/acme", "{\"a\":2}");

        assertThat(store.read("customers/acme")).contains("{\"a\":2}");
        assertThat(store.read("customers/other")).isEmpty();
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly("acme.json");
        }
    }

    @Test
    void write_onPosixFileSystem_isReadableByTheOwnerOnly() throws IOException {
        FileRecordStore store = new FileRecordStore(directory);
        store.write("acme", "{}");

        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(directory.resolve("acme.json")))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void keys_listsByPrefixSorted_andDeleteRemoves() {
        FileRecordStore store = new FileRecordStore(directory);
        store.write("customers/b", "{}");
        store.write("customers/a", "{}");
        store.write("rotation/x", "{}");

        assertThat(store.keys("customers/")).containsExactly("customers/a", "customers/b");
        assertThat(store.keys("")).hasSize(3);
        store.delete("customers/a");
        store.delete("customers/a");
        assertThat(store.keys("customers/")).containsExactly("customers/b");
    }

    @Test
    void write_whenKeyLeavesTheDirectory_isRefused() {
        FileRecordStore store = new FileRecordStore(directory.resolve("records"));

        for (String key : new String[] {"../escape", "/etc/passwd", "a/../../b", "", "a\\b"}) {
            assertThatThrownBy(() -> store.write(key, "{}")).as(key).isInstanceOf(InvalidInputException.class);
        }
        assertThat(directory.resolve("escape.json")).doesNotExist();
    }

    @Test
    void save_twice_mergesIntoTheStoredRecord() {
        FileRecordStore store = new FileRecordStore(directory);
        RunRecord empty = RunRecord.parse("{\"format\":\"lakesetup-run-record\",\"version\":1,"
                + "\"lakesetupVersion\":\"0.1.0\",\"recordedAt\":\"2026-12-06T05:00:00Z\",\"created\":"
                + "[{\"kind\":\"catalog\",\"key\":\"a\"}],\"adopted\":[],\"grantedNew\":[],\"heldBefore\":[]}");
        RunRecord other = RunRecord.parse(empty.toJson().replace("\"a\"", "\"b\""));

        RunRecords.save(store, "acme", empty);
        RunRecord merged = RunRecords.save(store, "acme", other);

        assertThat(RunRecords.load(store, "acme")).contains(merged);
        assertThat(merged.created()).hasSize(2);
        assertThat(RunRecords.load(store, "none")).isEmpty();
    }

    @Test
    void keys_whenTheDirectoryHoldsMoreEntriesThanTheBound_failsSayingSo() throws IOException {
        FileRecordStore store = new FileRecordStore(directory, FileRecordStore.MAX_DEPTH, 5);
        for (int i = 0; i < 6; i++) {
            store.write("runs/r" + i, "{}");
        }

        assertThatThrownBy(() -> store.keys("")).isInstanceOf(LakesetupException.class)
                .hasMessageContaining("stopped after 5 entries");
    }

    @Test
    void keys_whenAFileLiesDeeperThanAnyKey_failsSayingSo() throws IOException {
        FileRecordStore store = new FileRecordStore(directory, 3, FileRecordStore.MAX_ENTRIES);
        store.write("a/b/c", "{}");
        Files.createDirectories(directory.resolve("a/b/c/d"));
        Files.writeString(directory.resolve("a/b/c/d/e.json"), "{}");

        assertThatThrownBy(() -> store.keys("")).isInstanceOf(LakesetupException.class)
                .hasMessageContaining("deeper than 3 levels");
        assertThatThrownBy(() -> store.write("a/b/c/d", "{}")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void keys_withinTheBounds_listsEveryRecordSorted() {
        FileRecordStore store = new FileRecordStore(directory, 3, 10);
        store.write("b/x", "{}");
        store.write("a/b/c", "{}");
        store.write("a/y", "{}");

        assertThat(store.keys("")).containsExactly("a/b/c", "a/y", "b/x");
        assertThat(store.keys("a/")).containsExactly("a/b/c", "a/y");
    }
}
