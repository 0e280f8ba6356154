package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.databricks.internal.validation.ValidationTarget;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How validation over JDBC reaches the driver (moved here from the internal {@code JdbcSessionUrlTest}). */
class PrincipalStatementsJdbcTest {
    private static final String SECRET = "dose-very-secret-value";
    private static final OAuthCredentials CREDENTIALS = new OAuthCredentials(
            ApplicationId.of("fffa5b05-1da5-4599-8360-cc2684bcdefb"), Secret.of(SECRET));

    private static ValidationTarget target(String host, boolean plainHttp) {
        return new ValidationTarget(URI.create(host), "abc123", CREDENTIALS, Duration.ofMinutes(1), plainHttp);
    }

    @Test
    void jdbc_forAWorkspace_usesTlsOnPort443AndKeepsCredentialsInProperties() {
        DatabricksJdbc url = PrincipalStatements.jdbc(target("https://adb-1.2.azuredatabricks.net", false), null);

        assertThat(url.url()).isEqualTo("jdbc:databricks://adb-1.2.azuredatabricks.net:443/default;"
                + "transportMode=http;ssl=1;LogLevel=OFF;httpPath=/sql/1.0/warehouses/abc123");
        assertThat(url.properties()).containsOnlyKeys("AuthMech", "Auth_Flow", "OAuth2ClientId", "OAuth2Secret")
                .containsEntry("AuthMech", "11").containsEntry("Auth_Flow", "1")
                .containsEntry("OAuth2ClientId", "fffa5b05-1da5-4599-8360-cc2684bcdefb")
                .containsEntry("OAuth2Secret", SECRET);
    }

    @Test
    void jdbc_withPlainHttpForTesting_addsTheTestSwitches() {
        DatabricksJdbc url = PrincipalStatements.jdbc(target("http://127.0.0.1:8123", true), null);

        assertThat(url.url()).startsWith("jdbc:databricks://127.0.0.1:8123/default;")
                .contains(";ssl=0;").contains(";UseThriftClient=0;").contains(";EnableTokenFederation=0;")
                .contains(";EnableQueryResultDownload=0;").contains(";EnableTelemetry=0").doesNotContain("ssl=1");
    }

    @Test
    void toString_masksTheSecret() {
        DatabricksJdbc url = PrincipalStatements.jdbc(target("https://adb-1.2.azuredatabricks.net", false), null);

        assertThat(url.toString()).doesNotContain(SECRET).contains("OAuth2Secret=****");
        assertThat(url.dataSource().toString()).doesNotContain(SECRET).contains("OAuth2Secret=****");
        assertThat(url.url()).doesNotContain(SECRET);
    }

    @Test
    void jdbc_withAProxy_configuresTheDriverWithIt() {
        HttpProxy proxy = HttpProxy.of("proxy.corp.example", 3128).withCredentials("svc", "proxy-secret-value");

        DatabricksJdbc url = PrincipalStatements.jdbc(target("https://adb-1.2.azuredatabricks.net", false), proxy);

        assertThat(url.property("ProxyHost")).isEqualTo("proxy.corp.example");
        assertThat(url.property("ProxyPort")).isEqualTo("3128");
        assertThat(url.toString()).doesNotContain("proxy-secret-value");
    }
}
