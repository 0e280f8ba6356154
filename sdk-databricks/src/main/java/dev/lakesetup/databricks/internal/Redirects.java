package dev.lakesetup.databricks.internal;

import com.databricks.sdk.core.http.Request;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import java.net.URI;
import java.util.Locale;

/**
 * Decides whether {@link JdkHttpClient} follows a redirect: only to the same origin (scheme, host and port), because
 * the request carries the caller's credentials ({@code Authorization}), which must never reach another origin. The
 * JDK client's own {@code Redirect.NORMAL} policy would follow to any host over https and send every header the
 * request was built with, the bearer token included. A refused redirect is a fatal failure naming both origins.
 */
final class Redirects {
    private Redirects() {
    }

    /**
     * Resolves the target of a redirect and checks that it may be followed.
     *
     * @param in the original request
     * @param from the URL that answered with the redirect
     * @param location the {@code Location} header
     * @param hop how many redirects were followed already
     * @param max the most redirects to follow
     * @return the URL to send the request to next
     * @throws ServiceException of kind {@code FATAL} for another origin, a malformed location or too many hops
     */
    static URI target(Request in, URI from, String location, int hop, int max) {
        if (hop >= max) {
            throw refused(in, "it was redirected more than " + max + " times");
        }
        URI to;
        try {
            to = from.resolve(URI.create(location.trim()));
        } catch (IllegalArgumentException e) {
            throw refused(in, "the redirect's Location is not a URL");
        }
        if (!origin(to).equals(origin(from))) {
            throw refused(in, "it was redirected from " + origin(from) + " to another origin, " + origin(to)
                    + ", and lakesetup never sends credentials across origins");
        }
        return to;
    }

    /**
     * Makes the failure for a redirect that is not followed.
     *
     * @param in the request
     * @param why why it is not followed
     * @return the exception, to be thrown
     */
    static ServiceException refused(Request in, String why) {
        return ServiceException.builder(Failure.FATAL, in.getMethod() + " " + in.getUri().getPath()
                + " was not sent on: " + why).build();
    }

    /**
     * Returns the origin of a URL: scheme, host and port (the scheme's default port when none is given).
     *
     * @param uri the URL
     * @return e.g. {@code https://adb-1.2.azuredatabricks.net:443}
     */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return scheme + "://" + host + ":" + port;
    }
}
