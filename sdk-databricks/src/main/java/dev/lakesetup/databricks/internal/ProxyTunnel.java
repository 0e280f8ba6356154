package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.exception.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * Checks, before anything is sent, that the JDK will pass proxy credentials on when it tunnels HTTPS through a
 * proxy. The JDK's HTTP client drops a {@code Proxy-Authorization: Basic} header from the {@code CONNECT} request
 * while Basic is listed in the networking property {@code jdk.http.auth.tunneling.disabledSchemes}, which the JDK's
 * {@code conf/net.properties} sets by default. lakesetup does not change that JVM-wide setting for the embedding
 * application; the application may, by starting the JVM with {@code -Djdk.http.auth.tunneling.disabledSchemes=}.
 */
public final class ProxyTunnel {
    static final String PROPERTY = "jdk.http.auth.tunneling.disabledSchemes";

    private ProxyTunnel() {
    }

    /**
     * Fails when HTTPS requests to the target would reach an authenticating proxy without their credentials.
     *
     * @param proxy the proxy, or {@code null}
     * @param target the URL requests go to
     * @throws InvalidInputException when the proxy has credentials, the target is https and the JDK disables Basic
     *     authentication for tunnels
     */
    public static void requireBasicAllowed(ProxySettings proxy, String target) {
        if (proxy == null || !proxy.hasCredentials() || target == null
                || !target.toLowerCase(Locale.ROOT).startsWith("https:")) {
            return;
        }
        if (basicDisabled(effectiveDisabledSchemes())) {
            throw InvalidInputException.of("proxy credentials", proxy.toString(), "the JDK does not send Basic "
                    + "proxy credentials through an HTTPS tunnel while " + PROPERTY + " lists Basic (its default)",
                    "starting the JVM with -D" + PROPERTY + "= (empty), or a proxy that needs no credentials");
        }
    }

    static boolean basicDisabled(String schemes) {
        return schemes != null && Arrays.stream(schemes.split(",")).map(String::trim)
                .anyMatch("basic"::equalsIgnoreCase);
    }

    /** The system property when set, else the JDK's {@code conf/net.properties}, else the JDK's documented default. */
    private static String effectiveDisabledSchemes() {
        String value = System.getProperty(PROPERTY);
        if (value != null) {
            return value;
        }
        Path file = Path.of(System.getProperty("java.home"), "conf", "net.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | RuntimeException e) {
            return "Basic";
        }
        return properties.getProperty(PROPERTY, "");
    }
}
