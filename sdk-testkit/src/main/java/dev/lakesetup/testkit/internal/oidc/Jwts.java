package dev.lakesetup.testkit.internal.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * RS256 JSON Web Tokens and RSA JSON Web Keys with the JDK's crypto: signing for the fake issuer, parsing and
 * verifying for the fake token exchange. Nothing here trusts a token: {@link #parse} only splits and decodes it.
 */
public final class Jwts {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    /**
     * A token split into its parts, decoded but not verified.
     *
     * @param header the header
     * @param claims the payload
     * @param signedPart the header and payload as sent, the bytes the signature covers
     * @param signature the signature bytes
     */
    public record Parsed(JsonNode header, JsonNode claims, String signedPart, byte[] signature) { }

    private Jwts() {
    }

    /** Makes a new 2048-bit RSA key pair. */
    public static KeyPair newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** Signs claims with RS256 under a key id ({@code null} for a header without {@code kid}). */
    public static String sign(ObjectNode claims, String kid, PrivateKey key) {
        ObjectNode header = MAPPER.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        String signed = encode(header) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** Returns the public JSON Web Key of an RSA key. */
    public static ObjectNode jwk(RSAPublicKey key, String kid) {
        return MAPPER.createObjectNode().put("kty", "RSA").put("kid", kid).put("use", "sig").put("alg", "RS256")
                .put("n", B64.encodeToString(unsigned(key.getModulus())))
                .put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
    }

    /** Reads an RSA public key from a JSON Web Key; null when it is not an RSA key with n and e. */
    public static PublicKey publicKey(JsonNode jwk) {
        if (!"RSA".equals(jwk.path("kty").asText()) || !jwk.hasNonNull("n") || !jwk.hasNonNull("e")) {
            return null;
        }
        try {
            BigInteger n = new BigInteger(1, D64.decode(jwk.get("n").asText()));
            BigInteger e = new BigInteger(1, D64.decode(jwk.get("e").asText()));
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            return null;
        }
    }

    /** Splits and decodes a compact token; null when it is not three base64url parts with JSON header and payload. */
    public static Parsed parse(String token) {
        if (token == null) {
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode header = MAPPER.readTree(D64.decode(parts[0]));
            JsonNode claims = MAPPER.readTree(D64.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                return null;
            }
            return new Parsed(header, claims, parts[0] + "." + parts[1], D64.decode(parts[2]));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Tells whether an RS256 signature over the token's signed part is valid under a key. */
    public static boolean verifies(Parsed token, PublicKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(token.signedPart().getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(token.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String encode(JsonNode node) {
        try {
            return B64.encodeToString(MAPPER.writeValueAsBytes(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The big-endian magnitude without the sign byte Java adds, as JWK wants it. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] out = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, out, 0, out.length);
            return out;
        }
        return bytes;
    }
}
