package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Secrets never reach a log line of lakesetup or of the Databricks SDK, nor a {@code toString()}, even with debug
 * logging on. The REST path no longer goes through Apache HttpClient; the stricter check with every library at
 * DEBUG and OAuth admin credentials is {@code reliability.SecretsAtDebugTest}.
 */
class SecretsTest {
    private static final String CLIENT_SECRET = "storage-client-secret-0123456789";

    @Test
    void apply_withDebugLogging_logsNoSecret() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.DEBUG);
        List<OAuthCredentials> sink = new ArrayList<>();
        try (FakeFixture f = FakeFixture.start()) {
            ServicePrincipal sp = Principal.servicePrincipal(ApplicationId.of(
                    f.fake.seedServicePrincipal("loader").applicationId()));
            Blueprint blueprint = Blueprint.builder()
                    .resource(OAuthSecret.forPrincipal(sp, sink::add).rotate())
                    .resource(StorageCredential.named("sp_cred", new StorageIdentity.AzureServicePrincipal(
                            "11111111-1111-4111-8111-111111111111",
                            ApplicationId.of("22222222-2222-4222-8222-222222222222"), Secret.of(CLIENT_SECRET))))
                    .build();
            Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());

            assertThat(lakesetup.apply(lakesetup.plan(blueprint)).isSuccess()).isTrue();

            assertThat(sink).hasSize(1);
            String issued = sink.get(0).secret().reveal();
            assertThat(logs.list).isNotEmpty();
            for (ILoggingEvent event : logs.list) {
                if (event.getLoggerName().startsWith("org.apache.http")) {
                    continue; // Apache HttpClient's own header log; see the module documentation
                }
                String text = event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
                assertThat(text).doesNotContain(issued).doesNotContain(CLIENT_SECRET)
                        .doesNotContain(f.fake.adminToken());
            }
            assertThat(f.workspace.toString()).doesNotContain(f.fake.adminToken()).contains("****");
            assertThat(f.jdbcDataSource().toString()).doesNotContain(f.fake.adminToken()).contains("PWD=****");
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
    }

    @Test
    void jdbcUrl_withPat_hasDriverShapeAndMasksToken() {
        DatabricksJdbc jdbc = DatabricksJdbc.builder().host("adb-1.2.azuredatabricks.net").warehouseId("abc123")
                .pat("dapi-secret").build();

        assertThat(jdbc.url()).isEqualTo("jdbc:databricks://adb-1.2.azuredatabricks.net:443/default;"
                + "transportMode=http;ssl=1;TemporarilyUnavailableRetry=0;RateLimitRetry=0;LogLevel=OFF;"
                + "httpPath=/sql/1.0/warehouses/abc123;AuthMech=3;UID=token;PWD=dapi-secret");
        assertThat(jdbc.toString()).doesNotContain("dapi-secret").endsWith("PWD=****");
        assertThat(jdbc.property("PWD")).isEqualTo("****");
    }

    @Test
    void jdbcUrl_withOAuthM2mOnLocalHttp_keepsPortAndMasksSecret() {
        DatabricksJdbc jdbc = DatabricksJdbc.builder().host("http://127.0.0.1:8123").warehouseId("wh1")
                .oauthM2m("9f0c0000-0000-4000-8000-000000000001", "m2m-secret").statementExecutionApi()
                .plainHttpForTesting().build();

        assertThat(jdbc.url()).startsWith("jdbc:databricks://127.0.0.1:8123/default;transportMode=http;ssl=0;")
                .contains(";AuthMech=11;Auth_Flow=1;OAuth2ClientId=9f0c0000-0000-4000-8000-000000000001;"
                        + "OAuth2Secret=m2m-secret").contains(";UseThriftClient=0");
        assertThat(jdbc.toString()).doesNotContain("m2m-secret").contains("OAuth2Secret=****");
        assertThat(jdbc.dataSource().toString()).doesNotContain("m2m-secret");
    }

    @Test
    void jdbcUrl_withCredentialsInProperties_keepsThemOutOfTheUrlAndMasksThem() {
        DatabricksJdbc jdbc = DatabricksJdbc.builder().host("adb-1.2.azuredatabricks.net").warehouseId("abc123")
                .pat("dapi-secret").credentialsInProperties().build();

        assertThat(jdbc.url()).isEqualTo("jdbc:databricks://adb-1.2.azuredatabricks.net:443/default;"
                + "transportMode=http;ssl=1;TemporarilyUnavailableRetry=0;RateLimitRetry=0;LogLevel=OFF;"
                + "httpPath=/sql/1.0/warehouses/abc123");
        assertThat(jdbc.properties()).hasSize(3).containsEntry("AuthMech", "3").containsEntry("UID", "token")
                .containsEntry("PWD", "dapi-secret");
        assertThat(jdbc.toString()).doesNotContain("dapi-secret").contains("PWD=****");
        assertThat(jdbc.dataSource().toString()).doesNotContain("dapi-secret").contains("PWD=****");
    }

    @Test
    void jdbcUrl_withDriverRetriesAndPlainHttpForTesting_dropsRetryOffAndAddsTestSwitches() {
        DatabricksJdbc jdbc = DatabricksJdbc.builder().host("http://127.0.0.1:8123").warehouseId("wh1")
                .pat("dapi-secret").driverRetries().plainHttpForTesting().build();

        assertThat(jdbc.url()).doesNotContain("TemporarilyUnavailableRetry").doesNotContain("RateLimitRetry")
                .contains(";ssl=0;").contains(";UseThriftClient=0;").contains(";EnableTokenFederation=0;")
                .contains(";EnableQueryResultDownload=0;").contains(";EnableTelemetry=0");
        assertThat(jdbc.properties()).isEmpty();
    }

    @Test
    void jdbcUrl_whenSecretContainsSeparator_isRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> DatabricksJdbc.builder().pat("abc;def"))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("abc;def").hasMessageContaining("';'");
    }

    @Test
    void builder_whenTwoAuthMethods_isRefused() {
        assertThatThrownBy(() -> DatabricksWorkspace.builder().host("adb-1.azuredatabricks.net").pat("t")
                .oauthM2m("id", "s")).isInstanceOf(IllegalStateException.class).hasMessageNotContaining("t)");
    }
}
