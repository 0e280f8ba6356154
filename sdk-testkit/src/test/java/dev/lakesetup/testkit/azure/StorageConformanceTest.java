package dev.lakesetup.testkit.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import com.azure.storage.file.datalake.DataLakeServiceClientBuilder;
import com.azure.storage.file.datalake.models.DataLakeStorageException;
import com.azure.storage.file.datalake.models.FileSystemItem;
import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.util.Context;
import dev.lakesetup.testkit.FakeAzure;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import reactor.core.publisher.Mono;
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

    @Test
    void request_whenSharedKeyIsWrong_fails403AuthenticationFailed() {
        String otherKey = java.util.Base64.getEncoder().encodeToString(new byte[64]);
        DataLakeServiceClient wrongKey = new DataLakeServiceClientBuilder().endpoint(azure.storageEndpoint("lake"))
                .credential(new StorageSharedKeyCredential("lake", otherKey)).buildClient();

        DataLakeStorageException e = catchThrowableOfType(DataLakeStorageException.class,
                () -> wrongKey.getFileSystemClient("landing").create());

        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getErrorCode()).isEqualTo("AuthenticationFailed");
        assertThat(azure.snapshot().containersOf("lake")).isEmpty();
    }

    @Test
    void request_whenBearerTokenIsTheTenantsToken_isServed() {
        TokenCredential credential = request -> Mono.just(new AccessToken(azure.accessToken(),
                OffsetDateTime.now().plusHours(1)));
        DataLakeServiceClient bearer = AzureClients.dataLake(azure, "lake", credential);

        boolean created = bearer.getFileSystemClient("landing").createIfNotExists();

        assertThat(created).isTrue();
        assertThat(bearer.getFileSystemClient("landing").exists()).isTrue();
    }

    @Test
    void request_whenBearerTokenIsUnknown_fails401WithChallenge() {
        TokenCredential credential = request -> Mono.just(new AccessToken("not-a-token",
                OffsetDateTime.now().plusHours(1)));
        DataLakeServiceClient bearer = AzureClients.dataLake(azure, "lake", credential);

        DataLakeStorageException e = catchThrowableOfType(DataLakeStorageException.class,
                () -> bearer.getFileSystemClient("landing").create());

        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.getErrorCode()).isEqualTo("InvalidAuthenticationInfo");
        assertThat(e.getResponse().getHeaderValue("WWW-Authenticate"))
                .isEqualTo("Bearer authorization_uri=https://login.microsoftonline.com/" + azure.tenantId()
                        + "/oauth2/authorize resource_id=https://storage.azure.com");
    }

    @Test
    void properties_whenCreatedOnADayBelowTen_answerTwoDigitHttpDates() {
        Instant created = Instant.parse("2026-12-06T08:09:10Z");
        try (FakeAzure early = FakeAzure.builder().storageAccount("lake", "rg")
                .clock(Clock.fixed(created, ZoneOffset.UTC)).build().start()) {
            DataLakeFileSystemClient fs = AzureClients.dataLake(early, "lake").getFileSystemClient("landing");
            fs.create();

            var response = fs.getPropertiesWithResponse(null, null, Context.NONE);

            // RFC 7231 IMF-fixdate: the Azure SDK logs "Invalid date time" for "Sun, 6 Dec 2026 ..."
            assertThat(response.getHeaders().getValue(HttpHeaderName.LAST_MODIFIED))
                    .isEqualTo("Sun, 06 Dec 2026 08:09:10 GMT");
            assertThat(response.getHeaders().getValue(HttpHeaderName.DATE)).isEqualTo("Sun, 06 Dec 2026 08:09:10 GMT");
            assertThat(response.getValue().getLastModified()).isEqualTo(created.atOffset(ZoneOffset.UTC));
        }
    }
}
