package dev.lakesetup.testkit.internal.azure;

import dev.lakesetup.testkit.internal.http.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates a request to the blob and DFS endpoints as the storage service does: a Shared Key signature (HMAC-SHA256
 * of the string-to-sign of the Blob service, version 2015-02-21 and later, with the account key) or an Entra bearer
 * token (which needs {@code x-ms-version} 2017-11-09 or later).
 */
final class StorageAuth {

    private static final String AUTH_FAILED = "Server failed to authenticate the request. Make sure the value of "
            + "Authorization header is formed correctly including the signature.";
    private static final String[] SIGNED_HEADERS = {"Content-Encoding", "Content-Language", "Content-Length",
        "Content-MD5", "Content-Type", "Date", "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since",
        "Range"};

    private final AzureState state;

    StorageAuth(AzureState state) {
        this.state = state;
    }

    /** Checks the request's Authorization header against the account; throws the service's error otherwise. */
    void authenticate(HttpExchange ex, AzureState.StorageAccount account) {
        String auth = ex.header("Authorization");
        if (ex.bearerToken() != null) {
            bearer(ex);
            return;
        }
        String prefix = "SharedKey " + account.name() + ":";
        if (auth == null || !auth.startsWith(prefix)) {
            throw new AzureError(403, "AuthenticationFailed", AUTH_FAILED);
        }
        String expected = sign(account.key(), stringToSign(ex, account.name()));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.substring(prefix.length()).getBytes(StandardCharsets.US_ASCII))) {
            // the real service names the string it signed; the key never appears
            throw new AzureError(403, "AuthenticationFailed", AUTH_FAILED + " The MAC signature found in the HTTP "
                    + "request is not the same as any computed signature.");
        }
    }

    private void bearer(HttpExchange ex) {
        String version = ex.header("x-ms-version");
        if (version == null || version.compareTo("2017-11-09") < 0) {
            throw AzureError.badRequest("InvalidAuthenticationInfo", "Authentication information is not given in "
                    + "the correct format. Bearer tokens need x-ms-version 2017-11-09 or later.");
        }
        if (!state.settings().accessToken().equals(ex.bearerToken())) {
            throw new AzureError(401, "InvalidAuthenticationInfo", "Server failed to authenticate the request. "
                    + "Please refer to the information in the www-authenticate header.");
        }
    }

    /** Returns the {@code WWW-Authenticate} challenge the service sends with a 401 to a bearer request. */
    String challenge() {
        return "Bearer authorization_uri=https://login.microsoftonline.com/" + state.settings().tenantId()
                + "/oauth2/authorize resource_id=https://storage.azure.com";
    }

    /** Builds the Shared Key string-to-sign of the Blob service for a request. */
    static String stringToSign(HttpExchange ex, String account) {
        StringBuilder b = new StringBuilder(ex.method()).append('\n');
        for (String h : SIGNED_HEADERS) {
            String v = ex.header(h);
            if (h.equals("Content-Length") && "0".equals(v)) {
                v = null;
            }
            if (h.equals("Date") && ex.header("x-ms-date") != null) {
                v = null;
            }
            b.append(v == null ? "" : v).append('\n');
        }
        Map<String, String> msHeaders = new TreeMap<>();
        for (String name : ex.headerNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-ms-")) {
                msHeaders.put(lower, ex.header(name).trim().replaceAll("\\s+", " "));
            }
        }
        msHeaders.forEach((k, v) -> b.append(k).append(':').append(v).append('\n'));
        // path-style endpoints put the account in the path too: the resource is /{account}/{account}/{container}
        b.append('/').append(account).append(ex.path().isEmpty() ? "/" : ex.path());
        Map<String, List<String>> params = new TreeMap<>();
        ex.query().forEach((k, v) -> params.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                .addAll(v));
        params.forEach((k, v) -> b.append('\n').append(k).append(':')
                .append(String.join(",", v.stream().sorted().toList())));
        return b.toString();
    }

    private static String sign(String base64Key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
