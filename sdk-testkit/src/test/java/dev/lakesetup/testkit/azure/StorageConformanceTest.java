package dev.lakesetup.testkit.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import com.azure.storage.file.datalake.DataLakeServiceClientBuilder;
import com.azure.storage.file.datalake.models.DataLakeStorageException;
import com.azure.storage.file.datalake.models.FileSystemItem;
import dev.lakesetup.testkit.FakeAzure;
import dev.lakesetup.testkit.FaultResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the fake storage container endpoints with the official Data Lake client (shared key over http). */
class StorageConformanceTest {

    private FakeAzure azure;
    private DataLakeServiceClient service;

    @BeforeEach
    void start() {
        azure = FakeAzure.builder().storageAccount("lake", "rg-data").build().start();
        service = AzureClients.dataLake(azure, "lake");
    }

    @AfterEach
    void stop() {
        azure.close();
    }

    @Test
    void createIfNotExists_whenAbsentThenPresent_returnsTrueThenFalse() {
        DataLakeFileSystemClient fs = service.getFileSystemClient("landing");

        boolean first = fs.createIfNotExists();
        boolean second = fs.createIfNotExists();

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(azure.snapshot().containersOf("lake")).containsExactly("landing");
        assertThat(azure.requests().count("PUT /{account}/{container}")).isEqualTo(2);
    }

    @Test
    void exists_whenSeeded_isTrueAndOtherwiseFalse() {
        azure.seedContainer("lake", "landing");

        assertThat(service.getFileSystemClient("landing").exists()).isTrue();
        assertThat(service.getFileSystemClient("other").exists()).isFalse();
    }

    @Test
    void create_whenExists_fails409ContainerAlreadyExists() {
        azure.seedContainer("lake", "landing");

        DataLakeStorageException e = catchThrowableOfType(DataLakeStorageException.class,
                () -> service.getFileSystemClient("landing").create());

        assertThat(e.getStatusCode()).isEqualTo(409);
        assertThat(e.getErrorCode()).isEqualTo("ContainerAlreadyExists");
    }

    @Test
    void create_whenBeingDeleted_fails409ContainerBeingDeleted() {
        azure.faults().containerBeingDeleted("lake", "landing", 1);

        DataLakeStorageException e = catchThrowableOfType(DataLakeStorageException.class,
                () -> service.getFileSystemClient("landing").create());
        service.getFileSystemClient("landing").create();

        assertThat(e.getStatusCode()).isEqualTo(409);
        assertThat(e.getErrorCode()).isEqualTo("ContainerBeingDeleted");
        assertThat(azure.snapshot().containersOf("lake")).containsExactly("landing");
    }

    @Test
    void createIfNotExists_whenBeingDeleted_returnsFalseLikeAnyConflict() {
        azure.faults().containerBeingDeleted("lake", "landing", 1);

        boolean created = service.getFileSystemClient("landing").createIfNotExists();

        assertThat(created).isFalse();
        assertThat(service.getFileSystemClient("landing").exists()).isFalse();
    }

    @Test
    void create_whenNameInvalid_fails400InvalidResourceName() {
        DataLakeStorageException e = catchThrowableOfType(DataLakeStorageException.class,
                () -> service.getFileSystemClient("Bad--Name").create());

        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getErrorCode()).isEqualTo("InvalidResourceName");
    }

    @Test
    void listFileSystems_whenTwoExist_returnsBoth() {
        azure.seedContainer("lake", "a-fs").seedContainer("lake", "b-fs");

        assertThat(service.listFileSystems().stream().map(FileSystemItem::getName)).containsExactly("a-fs", "b-fs");
    }

    @Test
    void delete_whenPresent_removesContainer() {
        azure.seedContainer("lake", "landing");

        service.getFileSystemClient("landing").delete();

        assertThat(azure.snapshot().containersOf("lake")).isEmpty();
    }

    @Test
    void create_whenFaultInjected_answersInStorageErrorShape() {
        azure.faults().on("PUT", "/lake/landing").times(1).respond(FaultResponse.status(503));

        DataLakeStorageException e = catchThrowableOfType(DataLakeStorageException.class,
                () -> service.getFileSystemClient("landing").create());

        assertThat(e.getStatusCode()).isEqualTo(503);
        assertThat(e.getErrorCode()).isEqualTo("ServerBusy");
    }

    @Test
    void request_whenSharedKeyOfOtherAccount_fails403AuthenticationFailed() {
        DataLakeServiceClient stranger = new DataLakeServiceClientBuilder().endpoint(azure.storageEndpoint("lake"))
                .credential(new StorageSharedKeyCredential("other", azure.storageAccountKey("lake"))).buildClient();

        DataLakeStorageException e = catchThrowableOfType(DataLakeStorageException.class,
                () -> stranger.getFileSystemClient("landing").create());

        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getErrorCode()).isEqualTo("AuthenticationFailed");
    }
}
