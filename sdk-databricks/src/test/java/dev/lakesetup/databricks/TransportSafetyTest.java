package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.testkit.FakeProxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials never travel in clear text to a host that is not this machine, TLS is never turned off for an https
 * URL, the driver's own logging (which prints credentials) cannot be turned on through lakesetup, every secret-named
 * driver property is masked, and the transport's bounds are validated with clear errors.
 */
class TransportSafetyTest {
    private static final String APP = "9f0c0000-0000-4000-8000-000000000001";

    @Test
    void workspace_whenHostIsPlainHttpOnARemoteHost_isRefused() {
        assertThatThrownBy(() -> DatabricksWorkspace.builder().host("http://adb-1.2.azuredatabricks.net")
                .pat("dapi-admin").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("workspace host")
                .hasMessageContaining("http://adb-1.2.azuredatabricks.net").hasMessageContaining("unencrypted")
                .hasMessageNotContaining("dapi-admin");
    }

    @Test
    void fromConfig_whenTheConfigurationNamesAPlainHttpRemoteHost_sendsNothingAndIsRefused() {
        // the proxy on 127.0.0.1 sees every request the client would send to the remote host; it wants credentials
        // this client does not have, so it forwards nothing
        try (FakeProxy proxy = FakeProxy.start("proxy-user", "proxy-password")) {
            assertThatThrownBy(() -> DatabricksWorkspace.fromConfig(new DatabricksConfig()
                    .setHost("http://adb-1.2.azuredatabricks.net").setToken("dapi-admin"))
                    .proxy(HttpProxy.of("127.0.0.1", proxy.port())).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("unencrypted")
                    .hasMessageNotContaining("dapi-admin");

            assertThat(proxy.seen()).isEmpty();
        }
    }

    @Test
    void fromConfig_whenTheBuilderNamesAPlainHttpRemoteHost_isRefusedBeforeResolving() {
        try (FakeProxy proxy = FakeProxy.start("proxy-user", "proxy-password")) {
            assertThatThrownBy(() -> DatabricksWorkspace.fromConfig(new DatabricksConfig().setToken("dapi-admin"))
                    .host("http://adb-1.2.azuredatabricks.net").proxy(HttpProxy.of("127.0.0.1", proxy.port()))
                    .build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("workspace host")
                    .hasMessageContaining("unencrypted");

            assertThat(proxy.seen()).isEmpty();
        }
    }

    @Test
    void workspace_whenLoopbackHttpWithoutTestMode_isRefused() {
        assertThatThrownBy(() -> DatabricksWorkspace.builder().host("http://127.0.0.1:8080").pat("t").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("plainHttpForTesting()");
    }

    @Test
    void workspace_whenAccountHostIsPlainHttp_isRefused() {
        assertThatThrownBy(() -> DatabricksWorkspace.builder().host("https://adb-1.2.azuredatabricks.net").pat("t")
                .account("http://accounts.azuredatabricks.net", "acc-1").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("account host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://adb-1.2.azuredatabricks.net", "https://adb-1.2.azuredatabricks.net",
            "http://127.0.0.1.evil.example", "http://10.0.0.1:8080"})
    void workspace_whenTestModeOnAHostThatIsNotLoopback_isRefused(String host) {
        assertThatThrownBy(() -> DatabricksWorkspace.builder().host(host).pat("t").plainHttpForTesting().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("loopback hosts only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080"})
    void workspace_whenTestModeOnLoopback_acceptsPlainHttpAndCarriesTestModeToJdbc(String host) {
        DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(host).pat("t").warehouseId("wh1")
                .plainHttpForTesting().build();

        assertThat(workspace.jdbc().build().url()).contains(";ssl=0;").contains(";UseThriftClient=0");
    }

    @Test
    void workspace_whenHttps_givesJdbcWithTls() {
        DatabricksWorkspace workspace = DatabricksWorkspace.builder().host("https://adb-1.2.azuredatabricks.net")
                .pat("t").warehouseId("wh1").build();

        assertThat(workspace.jdbc().build().url()).contains(";ssl=1;").contains(";LogLevel=OFF;");
    }

    @Test
    void workspace_whenBoundsAreOutOfRange_namesTheFieldAndWhatIsAccepted() {
        DatabricksWorkspace.Builder builder = DatabricksWorkspace.builder();

        assertThatThrownBy(() -> builder.maxResponseSize(100)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("max response size").hasMessageContaining("1024");
        assertThatThrownBy(() -> builder.requestDeadline(Duration.ofMillis(500)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("request deadline");
        assertThatThrownBy(() -> builder.statementTimeout(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("statement timeout");
        assertThatThrownBy(() -> DatabricksWorkspace.builder().host("https://adb-1.2.azuredatabricks.net").pat("t")
                .httpTimeout(Duration.ofMinutes(2)).requestDeadline(Duration.ofMinutes(1)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("shorter than the HTTP timeout");
    }

    @Test
    void sqlExecutor_whenStatementTimeoutIsUnderASecond_namesTheField() {
        assertThatThrownBy(() -> SqlExecutor.builder().statementTimeout(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("statement timeout")
                .hasMessageContaining("at least one second");
    }

    @Test
    void jdbc_whenHostIsPlainHttpWithoutTestMode_isRefused() {
        assertThatThrownBy(() -> DatabricksJdbc.builder().host("http://adb-1.2.azuredatabricks.net")
                .warehouseId("wh1").pat("dapi-admin").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unencrypted")
                .hasMessageNotContaining("dapi-admin");
    }

    @Test
    void jdbc_whenTestModeOnARemoteHost_isRefused() {
        assertThatThrownBy(() -> DatabricksJdbc.builder().host("adb-1.2.azuredatabricks.net").warehouseId("wh1")
                .pat("t").plainHttpForTesting().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("loopback hosts only");
    }

    @Test
    void jdbc_whenTestModeOnAnHttpsUrl_keepsTls() {
        DatabricksJdbc jdbc = DatabricksJdbc.builder().host("https://127.0.0.1:8443").warehouseId("wh1").pat("t")
                .plainHttpForTesting().build();

        assertThat(jdbc.url()).contains(";ssl=1;").doesNotContain("ssl=0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssl", "SSL", "LogLevel", "loglevel", "LogPath"})
    void jdbc_property_refusesTlsAndDriverLoggingOverrides(String name) {
        assertThatThrownBy(() -> DatabricksJdbc.builder().property(name, "0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(name)
                .hasMessageContaining("pins");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProxyPwd", "SSLTrustStorePwd", "SSLKeyStorePwd", "Auth_RefreshToken",
            "Auth_JWT_Key_Passphrase", "CFProxyPwd", "TokenCachePassPhrase", "OAuth2Secret", "Auth_AccessToken"})
    void jdbc_whenAPropertyNameSaysSecret_masksItsValue(String name) {
        DatabricksJdbc jdbc = DatabricksJdbc.builder().host("adb-1.2.azuredatabricks.net").warehouseId("wh1")
                .pat("t").property(name, "hunter2-value").build();

        assertThat(jdbc.toString()).doesNotContain("hunter2-value").contains(name + "=****");
        assertThat(jdbc.property(name)).isEqualTo("****");
        assertThat(jdbc.unpooledDataSource().toString()).doesNotContain("hunter2-value");
    }

    @Test
    void validator_whenTestModeOnARemoteHost_isRefused() {
        assertThatThrownBy(() -> PrincipalValidator.builder().host("http://adb-1.2.azuredatabricks.net")
                .warehouseId("wh1").credentials(new OAuthCredentials(ApplicationId.of(APP), Secret.of("s")))
                .plainHttpForTesting().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("loopback hosts only");
    }
}
