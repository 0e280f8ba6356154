package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.testkit.FaultResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Records kept as workspace files: one JSON file per key under the folder, through the Workspace API. */
class WorkspaceFilesRecordStoreTest {
    private static final String FOLDER = "/Workspace/Shared/lakesetup/records";

    private final FakeFixture f = FakeFixture.start();
    private final RecordStore store = WorkspaceFilesRecordStore.in(f.restOnly, FOLDER);

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void write_thenRead_returnsTheDocumentAndKeepsOneFilePerKey() {
        store.write("runs/acme/2026-12-06.run", "{\"a\":1}");
        store.write("runs/acme/2026-12-06.run", "{\"a\":2}");

        assertThat(store.read("runs/acme/2026-12-06.run")).contains("{\"a\":2}");
        assertThat(f.fake.contents().workspaceFiles())
                .containsExactly(java.util.Map.entry("/Shared/lakesetup/records/runs/acme/2026-12-06.run.json",
                        "{\"a\":2}"));
    }

    @Test
    void read_whenMissing_isEmptyAndDelete_whenMissing_isDone() {
        assertThat(store.read("nothing")).isEmpty();

        store.delete("nothing");
        store.write("gone", "{}");
        store.delete("gone");
        store.delete("gone");

        assertThat(store.read("gone")).isEmpty();
        assertThat(f.fake.contents().workspaceFiles()).isEmpty();
    }

    @Test
    void keys_listsNestedKeysWithThePrefixSortedAndNothingElse() {
        store.write("runs/acme/b", "{}");
        store.write("runs/acme/a", "{}");
        store.write("runs/globex/a", "{}");
        store.write("rotation/acme", "{}");
        f.fake.contents().seedWorkspaceFile(FOLDER + "/notes.txt", "not a record")
                .seedWorkspaceFile("/Shared/lakesetup/other/x.json", "{}");

        assertThat(store.keys("")).containsExactly("rotation/acme", "runs/acme/a", "runs/acme/b", "runs/globex/a");
        assertThat(store.keys("runs/acme/")).containsExactly("runs/acme/a", "runs/acme/b");
        assertThat(store.keys("runs/g")).containsExactly("runs/globex/a");
        assertThat(store.keys("missing/")).isEmpty();
    }

    @Test
    void keys_whenTheFolderDoesNotExistYet_isEmpty() {
        assertThat(WorkspaceFilesRecordStore.in(f.restOnly, "/Users/nobody/.lakesetup").keys("")).isEmpty();
    }

    @Test
    void write_whenTheServiceFailsOnceTransiently_retriesUnderTheWorkspacePolicy() {
        DatabricksWorkspace patient = DatabricksWorkspace.builder().host(f.fake.host()).plainHttpForTesting()
                .pat(f.fake.adminToken()).httpTimeout(Duration.ofSeconds(20))
                .callPolicy(CallPolicy.builder().sleeper(d -> { }).build()).build();
        f.fake.faults().on("POST", "/api/2.0/workspace/import").times(1).respond(FaultResponse.status(503));

        WorkspaceFilesRecordStore.in(patient, FOLDER).write("k", "{}");

        assertThat(store.read("k")).contains("{}");
        assertThat(f.fake.requests().count("POST /api/2.0/workspace/import")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void write_whenTheDocumentIsTooLarge_failsBeforeSending() {
        String big = "x".repeat(WorkspaceFilesRecordStore.MAX_DOCUMENT_BYTES + 1);

        assertThatThrownBy(() -> store.write("big", big)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("record document");
        assertThat(f.fake.requests().count("POST /api/2.0/workspace/import")).isZero();
    }

    @Test
    void keysAndFolders_thatAreNotPlainPaths_areRejected() {
        assertThatThrownBy(() -> store.write("../escape", "{}")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.read("/absolute")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WorkspaceFilesRecordStore.in(f.restOnly, "relative/folder"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WorkspaceFilesRecordStore.in(f.restOnly, "/Shared/../Users"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void toString_namesTheHostAndFolder() {
        assertThat(store.toString()).contains(FOLDER).doesNotContain(f.fake.adminToken());
    }
}
