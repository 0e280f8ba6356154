package dev.lakesetup.testkit.internal.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches an issuer's signing keys the way a token endpoint discovers them: {@code /.well-known/openid-configuration},
 * then its {@code jwks_uri}. Only loopback issuers are fetched (the fake never reaches out), each answer is bounded in
 * size and time, and redirects are not followed.
 */
public final class IssuerKeys {
    /** The largest discovery or key set answer read. */
    static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY).build();

    /** A key with its id (null when the key set gives none). */
    public record Key(String kid, PublicKey key) { }

    /**
     * Returns the keys of a key set's JSON; keys that are not RSA are left out.
     *
     * @param jwks the key set
     * @return the keys
     * @throws IllegalArgumentException when the text is not a key set
     */
    public static List<Key> parse(String jwks) {
        try {
            return keysOf(MAPPER.readTree(jwks));
        } catch (IOException e) {
            throw new IllegalArgumentException("the key set is not JSON");
        }
    }

    /**
     * Fetches an issuer's keys through its discovery document.
     *
     * @param issuer the issuer URL
     * @return the keys
     * @throws IllegalArgumentException saying why the keys could not be had (not loopback, unreachable, malformed)
     */
    public List<Key> fetch(String issuer) {
        URI discovery = loopback(URI.create(trimSlash(issuer) + "/.well-known/openid-configuration"));
        JsonNode config = get(discovery);
        String jwksUri = config.path("jwks_uri").asText(null);
        if (jwksUri == null) {
            throw new IllegalArgumentException("the issuer's discovery document names no jwks_uri");
        }
        return keysOf(get(loopback(URI.create(jwksUri))));
    }

    private static List<Key> keysOf(JsonNode jwks) {
        if (jwks == null || !jwks.path("keys").isArray()) {
            throw new IllegalArgumentException("the key set has no keys array");
        }
        List<Key> keys = new ArrayList<>();
        for (JsonNode jwk : jwks.get("keys")) {
            PublicKey key = Jwts.publicKey(jwk);
            if (key != null) {
                keys.add(new Key(jwk.path("kid").asText(null), key));
            }
        }
        return keys;
    }

    private static URI loopback(URI uri) {
        String host = uri.getHost();
        if (host == null || !(host.startsWith("127.") || host.equals("localhost") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("the fake fetches keys only from loopback issuers, not " + uri);
        }
        return uri;
    }

    private JsonNode get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IllegalArgumentException(uri + " answered more than " + MAX_BYTES + " bytes");
                }
                if (response.statusCode() != 200) {
                    throw new IllegalArgumentException(uri + " answered HTTP " + response.statusCode());
                }
                return MAPPER.readTree(bytes);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("could not fetch " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while fetching " + uri);
        }
    }

    private static String trimSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
