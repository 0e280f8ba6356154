package dev.lakesetup.testkit.internal.databricks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The storage credentials and external locations of the fake metastore: creating, looking up and listing them, with
 * the checks the service makes (unique names, a cloud storage url used by one location only).
 */
public final class UcStorage {

    /** A storage credential. */
    public static final class Credential {
        public String name;
        public String id = UUID.randomUUID().toString();
        public String accessConnectorId;
        /** The user-assigned managed identity of the access connector, or null for its system-assigned one. */
        public String managedIdentityId;
        public String directoryId;
        public String applicationId;
        public String clientSecret;
        public String comment;
        public boolean readOnly;
        public String owner;
        public long createdAt;
    }

    /** An external location. */
    public static final class Location {
        public String name;
        public String url;
        public String credentialName;
        public String credentialId;
        public boolean readOnly;
        public String comment;
        public String owner;
        public long createdAt;
    }

    private final Map<String, Credential> credentials = new TreeMap<>();
    private final Map<String, Location> locations = new TreeMap<>();
    private final UcAccess access;

    UcStorage(UcAccess access) {
        this.access = access;
    }

    /** Checks that a url names cloud storage (400 otherwise). */
    static void requireStorageUrl(String url) {
        if (url == null || !url.matches("(abfss|s3|gs|r2)://.+")) {
            throw ApiException.invalid("Invalid url '" + url + "': expected a cloud storage URL such as "
                    + "abfss://container@account.dfs.core.windows.net/path");
        }
    }

    /** Creates a storage credential; 409 STORAGE_CREDENTIAL_ALREADY_EXISTS. */
    public Credential createCredential(Caller caller, Credential draft) {
        draft.name = UnityCatalog.name(draft.name, "name");
        access.requireMetastorePrivilege(caller, "CREATE_STORAGE_CREDENTIAL");
        if (credentials.containsKey(draft.name)) {
            throw ApiException.conflict("STORAGE_CREDENTIAL_ALREADY_EXISTS",
                    "Storage Credential '" + draft.name + "' already exists");
        }
        draft.owner = caller.name();
        draft.createdAt = System.currentTimeMillis();
        credentials.put(draft.name, draft);
        return draft;
    }

    /** Returns a storage credential; 404 STORAGE_CREDENTIAL_DOES_NOT_EXIST. */
    public Credential credential(Caller caller, String rawName) {
        return lookup(caller, credentials, rawName, "storage_credential", c -> c.owner);
    }

    /** Returns the storage credentials the caller may see. */
    public List<Credential> credentials(Caller caller) {
        return visible(caller, credentials, "storage_credential", c -> c.owner);
    }

    /** Creates an external location; 409 EXTERNAL_LOCATION_ALREADY_EXISTS, 404 when the credential is missing. */
    public Location createLocation(Caller caller, Location draft, boolean ifNotExists) {
        draft.name = UnityCatalog.name(draft.name, "name");
        requireStorageUrl(draft.url);
        Location existing = locations.get(draft.name);
        if (existing != null) {
            if (ifNotExists) {
                return existing;
            }
            throw ApiException.conflict("EXTERNAL_LOCATION_ALREADY_EXISTS",
                    "External Location '" + draft.name + "' already exists");
        }
        Credential cred = credential(caller, draft.credentialName);
        access.requireMetastorePrivilege(caller, "CREATE_EXTERNAL_LOCATION");
        for (Location l : locations.values()) {
            if (l.url.equals(draft.url)) {
                throw ApiException.invalid("Cannot create external location '" + draft.name + "': url '"
                        + draft.url + "' is already used by external location '" + l.name + "'.");
            }
        }
        draft.credentialName = cred.name;
        draft.credentialId = cred.id;
        draft.owner = caller.name();
        draft.createdAt = System.currentTimeMillis();
        locations.put(draft.name, draft);
        return draft;
    }

    /** Returns whether a storage credential of this name exists. */
    public boolean credentialExists(String rawName) {
        return rawName != null && credentials.containsKey(rawName.toLowerCase(Locale.ROOT));
    }

    /** Returns whether an external location of this name exists. */
    public boolean locationExists(String rawName) {
        return rawName != null && locations.containsKey(rawName.toLowerCase(Locale.ROOT));
    }

    /** Returns an external location; 404 EXTERNAL_LOCATION_DOES_NOT_EXIST. */
    public Location location(Caller caller, String rawName) {
        return lookup(caller, locations, rawName, "external_location", l -> l.owner);
    }

    /** Returns the external locations the caller may see. */
    public List<Location> locations(Caller caller) {
        return visible(caller, locations, "external_location", l -> l.owner);
    }

    /** Returns the owner of an existing credential or location, or null for another type. */
    String ownerOf(Securable s) {
        return switch (s.type()) {
            case "storage_credential" -> credentials.get(s.fullName()).owner;
            case "external_location" -> locations.get(s.fullName()).owner;
            default -> null;
        };
    }

    private <T> T lookup(Caller caller, Map<String, T> byName, String rawName, String type,
                         Function<T, String> owner) {
        String n = rawName == null ? "" : rawName.toLowerCase(Locale.ROOT);
        Securable s = new Securable(type, n);
        String label = UcAccess.label(s);
        T item = byName.get(n);
        if (item == null) {
            throw ApiException.notFound(s.upperType() + "_DOES_NOT_EXIST", label + " '" + n + "' does not exist.");
        }
        access.requireVisible(caller, s, owner.apply(item), label);
        return item;
    }

    private <T> List<T> visible(Caller caller, Map<String, T> byName, String type, Function<T, String> owner) {
        return byName.entrySet().stream()
                .filter(e -> access.canSee(caller, new Securable(type, e.getKey()), owner.apply(e.getValue())))
                .map(Map.Entry::getValue).toList();
    }

    /** Removes a storage credential (no checks: {@link UcDeletes} makes them). */
    void removeCredential(Credential c) {
        credentials.remove(c.name);
    }

    /** Removes an external location (no checks: {@link UcDeletes} makes them). */
    void removeLocation(Location l) {
        locations.remove(l.name);
    }

    /** Returns the names of the external locations that use a credential. */
    List<String> locationsUsing(Credential c) {
        return locations.values().stream().filter(l -> c.name.equals(l.credentialName)).map(l -> l.name).toList();
    }
}
