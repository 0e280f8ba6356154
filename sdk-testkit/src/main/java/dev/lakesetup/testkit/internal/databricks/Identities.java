package dev.lakesetup.testkit.internal.databricks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Service principals (account and workspace), their OAuth secrets, issued tokens and workspace assignments. */
public final class Identities {

    /** A service principal. */
    public static final class Principal {
        public long id;
        public String applicationId;
        public String displayName;
        public String externalId;
        public boolean active = true;
        public final Set<String> entitlements = new LinkedHashSet<>();
        public boolean inWorkspace;
        public final List<String> workspacePermissions = new ArrayList<>();
        public final List<Secret> secrets = new ArrayList<>();
    }

    /** An OAuth secret; only its hash is kept. */
    public static final class Secret {
        public String id;
        public String hash;
        public String createTime;
        public String expireTime;
    }

    private record Token(String applicationId, long expiresAtEpochSecond) { }

    /** The most OAuth secrets one service principal may have. */
    public static final int MAX_SECRETS = 5;

    private final SecureRandom random = new SecureRandom();
    private volatile Clock clock = Clock.systemUTC();
    private final Map<Long, Principal> principals = new TreeMap<>();
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final Set<String> users = new LinkedHashSet<>();
    private final Set<String> groups = new LinkedHashSet<>(List.of("account users", "users", "admins"));
    private final Map<String, Long> directoryIds = new LinkedHashMap<>();
    private long nextId = 1_000_000_000_001L;

    /** Registers a user or group name so grants to it are accepted. */
    public void addUser(String name) {
        users.add(name);
    }

    /** Registers a group name so grants to it are accepted. */
    public void addGroup(String name) {
        groups.add(name);
    }

    /**
     * Deletes a user, group or service principal by the name grants use for it (its application id for a service
     * principal).
     *
     * @return whether it existed
     */
    public boolean removeGrantee(String name) {
        boolean removed = users.remove(name) | groups.remove(name);
        Principal p = byApplicationId(name);
        if (p != null) {
            principals.remove(p.id);
            removed = true;
        }
        return removed;
    }

    /** Returns the users' names, in the order they were added. */
    public List<String> users() {
        return List.copyOf(users);
    }

    /** Returns the groups' names, in the order they were added. */
    public List<String> groups() {
        return List.copyOf(groups);
    }

    /** Returns the SCIM id of a user or group, the same for a name every time it is asked. */
    public String directoryId(String name) {
        return Long.toString(directoryIds.computeIfAbsent(name, n -> nextId++));
    }

    /** Returns whether a grantee name is known: a user, a group or a service principal's application id. */
    public boolean grantable(String name) {
        return users.contains(name) || groups.contains(name)
                || principals.values().stream().anyMatch(p -> p.applicationId.equals(name));
    }

    /**
     * Creates a service principal; 409 when the application id is taken.
     *
     * @param inWorkspace whether it is created through the workspace API (and is therefore in the workspace)
     */
    public Principal create(String displayName, String applicationId, String externalId, boolean active,
                            List<String> entitlements, boolean inWorkspace) {
        String appId = applicationId == null || applicationId.isBlank() ? UUID.randomUUID().toString() : applicationId;
        if (principals.values().stream().anyMatch(p -> p.applicationId.equalsIgnoreCase(appId))) {
            throw new ScimException(409, "Service principal with application ID " + appId + " already exists.");
        }
        Principal p = new Principal();
        p.id = nextId++;
        p.applicationId = appId;
        p.displayName = displayName == null ? appId : displayName;
        p.externalId = externalId;
        p.active = active;
        p.entitlements.addAll(entitlements);
        p.inWorkspace = inWorkspace;
        if (inWorkspace) {
            p.workspacePermissions.add("USER");
        }
        principals.put(p.id, p);
        return p;
    }

    /** Returns a principal by SCIM id (workspace view: only principals in the workspace); 404 otherwise. */
    public Principal byId(String id, boolean workspaceView) {
        Principal p = null;
        try {
            p = principals.get(Long.parseLong(id));
        } catch (NumberFormatException e) {
            // fall through to 404
        }
        if (p == null || (workspaceView && !p.inWorkspace)) {
            throw new ScimException(404, "Resource " + id + " not found.");
        }
        return p;
    }

    /** Returns a principal by SCIM id for the non-SCIM APIs (404 RESOURCE_DOES_NOT_EXIST otherwise). */
    public Principal byIdForApi(String id) {
        try {
            Principal p = principals.get(Long.parseLong(id));
            if (p != null) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through to 404
        }
        throw ApiException.notFound("RESOURCE_DOES_NOT_EXIST", "Service principal " + id + " does not exist.");
    }

    /** Returns a principal by application id, or null. */
    public Principal byApplicationId(String applicationId) {
        return principals.values().stream().filter(p -> p.applicationId.equals(applicationId)).findFirst()
                .orElse(null);
    }

    /** Returns every principal, in id order (the workspace view holds only those in the workspace). */
    public List<Principal> all(boolean workspaceView) {
        return principals.values().stream().filter(p -> !workspaceView || p.inWorkspace).toList();
    }

    /** Deletes a principal. */
    public void delete(Principal p) {
        principals.remove(p.id);
    }

    /** Sets the clock secret and token times are read from. */
    public void clock(Clock value) {
        this.clock = value;
    }

    /** Returns the time on this fake's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** Tells whether a secret has expired at the fake's current time. */
    public boolean isExpired(Secret s) {
        return !Instant.parse(s.expireTime).isAfter(now());
    }

    /**
     * Creates a secret for a principal and returns its id and value (shown once).
     *
     * @throws ApiException 400 when the principal has {@link #MAX_SECRETS} secrets already
     */
    public String[] createSecret(Principal p, long lifetimeSeconds) {
        if (p.secrets.size() >= MAX_SECRETS) {
            throw ApiException.invalid("Service principal " + p.id + " already has the maximum number of secrets ("
                    + MAX_SECRETS + "); delete one before creating another.");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String value = "dose" + HexFormat.of().formatHex(bytes);
        Secret s = new Secret();
        s.id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        s.hash = sha256(value);
        Instant now = now();
        s.createTime = now.toString();
        s.expireTime = now.plusSeconds(lifetimeSeconds).toString();
        p.secrets.add(s);
        return new String[] {s.id, value};
    }

    /** Creates a JWT-shaped access token when the client id and secret match an active secret, else null. */
    public String issueToken(String clientId, String clientSecret, String issuer, long lifetimeSeconds) {
        Principal p = byApplicationId(clientId);
        if (p == null || !p.active || clientSecret == null) {
            return null;
        }
        String hash = sha256(clientSecret);
        if (p.secrets.stream().noneMatch(s -> s.hash.equals(hash) && !isExpired(s))) {
            return null;
        }
        long exp = now().getEpochSecond() + lifetimeSeconds;
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"fake\"}"
                .getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + p.applicationId + "\",\"client_id\":\""
                + p.applicationId + "\",\"iss\":\"" + issuer + "\",\"aud\":\"" + issuer + "\",\"scope\":\"all-apis\","
                + "\"iat\":" + (exp - lifetimeSeconds) + ",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        byte[] sig = new byte[32];
        random.nextBytes(sig);
        String token = header + "." + payload + "." + b64.encodeToString(sig);
        tokens.put(token, new Token(p.applicationId, exp));
        return token;
    }

    /** Returns every access token issued so far, in order. */
    public List<String> issuedTokens() {
        return List.copyOf(tokens.keySet());
    }

    /** Returns the application id a valid, unexpired token was issued to, or null. */
    public String principalOfToken(String token) {
        Token t = tokens.get(token);
        if (t == null || t.expiresAtEpochSecond() < now().getEpochSecond()) {
            return null;
        }
        Principal p = byApplicationId(t.applicationId());
        return p == null || !p.active ? null : p.applicationId;
    }

    /** Returns the number of secrets per application id. */
    public Map<String, Integer> secretCounts() {
        Map<String, Integer> out = new TreeMap<>();
        principals.values().forEach(p -> out.put(p.applicationId, p.secrets.size()));
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
