package dev.lakesetup.core.model;

import static dev.lakesetup.core.model.SecurableType.CATALOG;
import static dev.lakesetup.core.model.SecurableType.EXTERNAL_LOCATION;
import static dev.lakesetup.core.model.SecurableType.METASTORE;
import static dev.lakesetup.core.model.SecurableType.SCHEMA;
import static dev.lakesetup.core.model.SecurableType.STORAGE_CREDENTIAL;
import static dev.lakesetup.core.model.SecurableType.TABLE;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Unity Catalog privilege in its canonical spelling ({@code USE CATALOG}), knowing the securable types it
 * applies to.
 *
 * <p>The set is open, like the service's: {@link #parse(String, SecurableType, UnknownNames)} can admit a name
 * this release does not know. Strings become privileges only through {@code parse}, which maps the spellings of
 * SQL ({@code USE CATALOG}), of the REST API ({@code USE_CATALOG}), any case, and the legacy names setup guides
 * still use ({@code USAGE}, {@code CREATE}) to the canonical privilege for the securable type.
 */
public final class Privilege implements Comparable<Privilege> {
    private static final Map<String, Privilege> KNOWN = new LinkedHashMap<>();
    private static final Set<SecurableType> DATA = EnumSet.of(CATALOG, SCHEMA, TABLE);
    private static final Set<SecurableType> CONTAINERS = EnumSet.of(CATALOG, SCHEMA);
    private static final Set<SecurableType> STORAGE = EnumSet.of(STORAGE_CREDENTIAL, EXTERNAL_LOCATION);
    /** The longest privilege name accepted, well above the longest documented one. */
    private static final int MAX_LENGTH = 64;
    /** Letters and digits, words joined by spaces or underscores (runs of plain spaces are collapsed first). */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9]*([ _][A-Za-z][A-Za-z0-9]*)*");
    /** Words that would change a GRANT or REVOKE statement if a privilege name carried them. */
    private static final Set<String> STATEMENT_WORDS = Set.of("ON", "TO", "FROM");
    private static final String SHAPE_ACCEPTED = "a privilege name of letters and digits, words joined by single "
            + "spaces or underscores, at most " + MAX_LENGTH + " characters, without the words ON, TO or FROM";
    private static final int MAX_SHOWN = 100;

    /** Every privilege on the securable and on what it contains. */
    public static final Privilege ALL_PRIVILEGES =
            define("ALL PRIVILEGES", EnumSet.of(CATALOG, SCHEMA, TABLE, STORAGE_CREDENTIAL, EXTERNAL_LOCATION));
    /** See the object and its metadata without reading data. */
    public static final Privilege BROWSE = define("BROWSE", EnumSet.of(CATALOG, EXTERNAL_LOCATION));
    /** Use a catalog: required to reach anything inside it. */
    public static final Privilege USE_CATALOG = define("USE CATALOG", EnumSet.of(CATALOG));
    /** Use a schema: required to reach anything inside it. */
    public static final Privilege USE_SCHEMA = define("USE SCHEMA", CONTAINERS);
    /** Read tables and views. */
    public static final Privilege SELECT = define("SELECT", DATA);
    /** Write tables. */
    public static final Privilege MODIFY = define("MODIFY", DATA);
    /** Call functions and use models. */
    public static final Privilege EXECUTE = define("EXECUTE", CONTAINERS);
    /** Read volumes. */
    public static final Privilege READ_VOLUME = define("READ VOLUME", CONTAINERS);
    /** Write volumes. */
    public static final Privilege WRITE_VOLUME = define("WRITE VOLUME", CONTAINERS);
    /** Refresh materialized views and streaming tables. */
    public static final Privilege REFRESH = define("REFRESH", DATA);
    /** Create schemas in a catalog. */
    public static final Privilege CREATE_SCHEMA = define("CREATE SCHEMA", EnumSet.of(CATALOG));
    /** Create tables and views. */
    public static final Privilege CREATE_TABLE = define("CREATE TABLE", CONTAINERS);
    /** Create functions. */
    public static final Privilege CREATE_FUNCTION = define("CREATE FUNCTION", CONTAINERS);
    /** Create volumes. */
    public static final Privilege CREATE_VOLUME = define("CREATE VOLUME", CONTAINERS);
    /** Create models. */
    public static final Privilege CREATE_MODEL = define("CREATE MODEL", CONTAINERS);
    /** Create materialized views. */
    public static final Privilege CREATE_MATERIALIZED_VIEW = define("CREATE MATERIALIZED VIEW", CONTAINERS);
    /** Manage the object's privileges and ownership-like operations. */
    public static final Privilege MANAGE =
            define("MANAGE", EnumSet.of(CATALOG, SCHEMA, TABLE, STORAGE_CREDENTIAL, EXTERNAL_LOCATION));
    /** Add tags. */
    public static final Privilege APPLY_TAG = define("APPLY TAG", DATA);
    /** Create external tables on a location or with a credential. */
    public static final Privilege CREATE_EXTERNAL_TABLE = define("CREATE EXTERNAL TABLE", STORAGE);
    /** Create external volumes. */
    public static final Privilege CREATE_EXTERNAL_VOLUME = define("CREATE EXTERNAL VOLUME", STORAGE);
    /** Use an external location as managed storage of a catalog or schema. */
    public static final Privilege CREATE_MANAGED_STORAGE = define("CREATE MANAGED STORAGE", STORAGE);
    /** Read files directly from cloud storage. */
    public static final Privilege READ_FILES = define("READ FILES", STORAGE);
    /** Write files directly to cloud storage. */
    public static final Privilege WRITE_FILES = define("WRITE FILES", STORAGE);
    /** Create external locations (on a storage credential or the metastore). */
    public static final Privilege CREATE_EXTERNAL_LOCATION =
            define("CREATE EXTERNAL LOCATION", EnumSet.of(STORAGE_CREDENTIAL, METASTORE));
    /** Create catalogs in the metastore. */
    public static final Privilege CREATE_CATALOG = define("CREATE CATALOG", EnumSet.of(METASTORE));
    /** Create storage credentials in the metastore. */
    public static final Privilege CREATE_STORAGE_CREDENTIAL = define("CREATE STORAGE CREDENTIAL", EnumSet.of(METASTORE));
    /** Create connections (Lakehouse Federation). */
    public static final Privilege CREATE_CONNECTION = define("CREATE CONNECTION", EnumSet.of(METASTORE));
    /** Create Delta Sharing shares. */
    public static final Privilege CREATE_SHARE = define("CREATE SHARE", EnumSet.of(METASTORE));
    /** Create Delta Sharing recipients. */
    public static final Privilege CREATE_RECIPIENT = define("CREATE RECIPIENT", EnumSet.of(METASTORE));
    /** Create Delta Sharing providers. */
    public static final Privilege CREATE_PROVIDER = define("CREATE PROVIDER", EnumSet.of(METASTORE));

    private final String name;
    private final Set<SecurableType> appliesTo;
    private final int order;

    private Privilege(String name, Set<SecurableType> appliesTo, int order) {
        this.name = name;
        this.appliesTo = appliesTo;
        this.order = order;
    }

    private static Privilege define(String name, Set<SecurableType> appliesTo) {
        Privilege privilege = new Privilege(name, Collections.unmodifiableSet(EnumSet.copyOf(appliesTo)), KNOWN.size());
        KNOWN.put(name, privilege);
        return privilege;
    }

    /** What to do with a privilege name this release does not know. */
    public enum UnknownNames {
        /** Reject it with an {@link InvalidInputException} (the default). */
        REJECT,
        /**
         * Accept it as written (upper-cased), for privileges the service added after this release, if it has the
         * shape of a privilege name.
         */
        ALLOW
    }

    /**
     * Parses a privilege for a securable type, rejecting names this release does not know.
     *
     * @param text the privilege in any accepted spelling, e.g. {@code USAGE}, {@code use_catalog}
     * @param type the securable type it is granted on; decides what legacy names mean
     * @return the canonical privilege
     * @throws InvalidInputException if the name is unknown or does not apply to the type
     */
    public static Privilege parse(String text, SecurableType type) {
        return parse(text, type, UnknownNames.REJECT);
    }

    /**
     * Parses a privilege for a securable type.
     *
     * @param text the privilege in any accepted spelling
     * @param type the securable type it is granted on
     * @param unknownNames whether names this release does not know are admitted
     * @return the canonical privilege
     * @throws InvalidInputException if the name is malformed (not letters and digits in words joined by single
     *     spaces or underscores, longer than 64 characters, or holding the word {@code ON}, {@code TO} or
     *     {@code FROM}), unknown (unless allowed) or does not apply
     */
    public static Privilege parse(String text, SecurableType type, UnknownNames unknownNames) {
        InvalidInputException.requireNonNull(type, "securable type");
        InvalidInputException.requireNonNull(unknownNames, "unknown privilege policy");
        String spelled = normalize(text);
        Privilege legacy = legacy(spelled, type);
        if (legacy != null) {
            return legacy;
        }
        Privilege privilege = KNOWN.get(spelled);
        if (privilege == null) {
            if (unknownNames == UnknownNames.ALLOW) {
                return new Privilege(spelled, Collections.unmodifiableSet(EnumSet.allOf(SecurableType.class)),
                        Integer.MAX_VALUE);
            }
            if (spelled.equals("READ METADATA")) {
                throw InvalidInputException.of("privilege", text, "READ_METADATA is a Hive metastore privilege with "
                        + "no one-to-one Unity Catalog counterpart: USE SCHEMA and SELECT on a schema already let a "
                        + "principal see its tables' metadata, and BROWSE on a catalog shows metadata without data",
                        "USE SCHEMA and SELECT on the schema, or BROWSE on the catalog");
            }
            throw InvalidInputException.of("privilege", text, "it is not a Unity Catalog privilege",
                    acceptedFor(type));
        }
        privilege.requireApplicableTo(type);
        return privilege;
    }

    /**
     * Reads a privilege as a service reported it held on a securable of the given type, keeping every name: the
     * service, not this release, is the authority on what is held, and an exclusive securable must be able to revoke
     * all of it.
     *
     * <p>Spellings are mapped as by {@link #parse(String, SecurableType)}. A known privilege that this release thinks
     * does not apply to the type is kept (so it can be revoked), as is a name this release does not know. A name that
     * is not made of letters, digits and single spaces or underscores is kept as read, shown as {@link ServiceText}
     * escapes it, and {@link #hasPlainName()} says {@code false}: it must never be written into a statement.
     *
     * @param text the privilege as the service spelled it, not blank
     * @param type the type of the securable it is held on
     * @return the privilege
     * @throws InvalidInputException if the text is null or blank
     */
    public static Privilege observed(String text, SecurableType type) {
        InvalidInputException.requireNonNull(type, "securable type");
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("privilege", String.valueOf(text), "it is blank",
                    "the privilege name a service reported");
        }
        String spelled = text.strip().replace('_', ' ').replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (!wellShaped(spelled)) {
            return new Privilege(printable(text.strip()), Collections.unmodifiableSet(EnumSet.allOf(SecurableType.class)),
                    Integer.MAX_VALUE);
        }
        Privilege legacy = legacy(spelled, type);
        if (legacy != null) {
            return legacy;
        }
        Privilege known = KNOWN.get(spelled);
        Set<SecurableType> anyType = Collections.unmodifiableSet(EnumSet.allOf(SecurableType.class));
        if (known != null) {
            return known.appliesTo(type) ? known : new Privilege(known.name, anyType, known.order);
        }
        return new Privilege(spelled, anyType, Integer.MAX_VALUE);
    }

    /**
     * Tells whether the name is made of letters, digits and single spaces, so a statement may carry it; {@code false}
     * only for a name a service reported that has another shape ({@link #observed(String, SecurableType)}).
     *
     * @return {@code true} for every privilege but an oddly spelled observed one
     */
    public boolean hasPlainName() {
        return wellShaped(name);
    }

    /** Tells whether a canonical (upper-case, space-separated) name has the shape {@link #parse} accepts. */
    private static boolean wellShaped(String spelled) {
        if (spelled.length() > MAX_LENGTH || !SHAPE.matcher(spelled).matches()) {
            return false;
        }
        for (String word : spelled.split(" ")) {
            if (STATEMENT_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns every privilege this release knows, in canonical order.
     *
     * @return the known privileges
     */
    public static List<Privilege> known() {
        return List.copyOf(KNOWN.values());
    }

    /**
     * Returns the privileges that apply to a securable type, in canonical order.
     *
     * @param type the securable type
     * @return the applicable privileges
     */
    public static List<Privilege> applicableTo(SecurableType type) {
        List<Privilege> result = new ArrayList<>();
        for (Privilege privilege : KNOWN.values()) {
            if (privilege.appliesTo.contains(type)) {
                result.add(privilege);
            }
        }
        return result;
    }

    /**
     * Fails unless this privilege can be granted on the given type.
     *
     * @param type the securable type
     * @return this privilege
     * @throws InvalidInputException naming the privilege, the type and the privileges that would apply
     */
    public Privilege requireApplicableTo(SecurableType type) {
        if (!appliesTo.contains(type)) {
            throw InvalidInputException.of("privilege", name,
                    "it does not apply to a " + type.sqlName().toLowerCase(Locale.ROOT), acceptedFor(type));
        }
        return this;
    }

    /**
     * Tells whether this privilege can be granted on the type.
     *
     * @param type the securable type
     * @return {@code true} if it applies
     */
    public boolean appliesTo(SecurableType type) {
        return appliesTo.contains(type);
    }

    /**
     * Tells whether this release knows the privilege (it was not admitted as an unknown name).
     *
     * @return {@code true} for the constants of this class
     */
    public boolean isKnown() {
        return order != Integer.MAX_VALUE;
    }

    /**
     * Returns the canonical SQL spelling, e.g. {@code USE CATALOG}.
     *
     * @return the SQL name
     */
    public String sqlName() {
        return name;
    }

    /**
     * Returns the REST API spelling, e.g. {@code USE_CATALOG}.
     *
     * @return the API name
     */
    public String apiName() {
        return name.replace(' ', '_');
    }

    private static Privilege legacy(String spelled, SecurableType type) {
        if (spelled.equals("USAGE")) {
            if (type == CATALOG) {
                return USE_CATALOG;
            } else if (type == SCHEMA) {
                return USE_SCHEMA;
            }
        } else if (spelled.equals("CREATE")) {
            if (type == CATALOG) {
                return CREATE_SCHEMA;
            } else if (type == SCHEMA) {
                return CREATE_TABLE;
            }
        } else if (spelled.equals("ALL")) {
            return ALL_PRIVILEGES.appliesTo(type) ? ALL_PRIVILEGES : null;
        }
        return null;
    }

    /**
     * Checks the shape every privilege name must have, known or not, and returns the canonical spelling: the shape
     * keeps a name the service returned from changing the statement it is written into.
     */
    private static String normalize(String text) {
        InvalidInputException.requireNonNull(text, "privilege");
        String trimmed = text.strip().replaceAll(" {2,}", " ");
        if (trimmed.length() > MAX_LENGTH) {
            throw InvalidInputException.of("privilege", text,
                    "it is " + text.length() + " characters long", SHAPE_ACCEPTED);
        }
        if (!SHAPE.matcher(trimmed).matches()) {
            throw InvalidInputException.of("privilege", text,
                    "it holds a character other than letters, digits and single spaces or underscores", SHAPE_ACCEPTED);
        }
        String spelled = trimmed.replace('_', ' ').toUpperCase(Locale.ROOT);
        for (String word : spelled.split(" ")) {
            if (STATEMENT_WORDS.contains(word)) {
                throw InvalidInputException.of("privilege", text,
                        "it holds the word " + word + ", which would change the statement", SHAPE_ACCEPTED);
            }
        }
        return spelled;
    }

    /** Returns the text as {@link ServiceText} shows it, with at most 100 characters kept. */
    private static String printable(String text) {
        String shown = ServiceText.escape(text);
        return shown.length() > MAX_SHOWN ? shown.substring(0, MAX_SHOWN) + "..." : shown;
    }

    private static String acceptedFor(SecurableType type) {
        String legacy = switch (type) {
            case CATALOG -> " (legacy USAGE = USE CATALOG, CREATE = CREATE SCHEMA)";
            case SCHEMA -> " (legacy USAGE = USE SCHEMA, CREATE = CREATE TABLE)";
            case METASTORE, TABLE, STORAGE_CREDENTIAL, EXTERNAL_LOCATION -> "";
        };
        return "on a " + type.sqlName().toLowerCase(Locale.ROOT) + ": " + applicableTo(type).stream()
                .map(Privilege::sqlName).collect(Collectors.joining(", ")) + legacy;
    }

    /**
     * Returns the privileges as an unmodifiable set in canonical order, without repeats; a set this method returned
     * before is returned as it is, so passing canonical privileges along copies nothing.
     *
     * @param privileges the privileges, none of them null
     * @return the canonical set
     */
    public static Set<Privilege> canonicalSet(Collection<Privilege> privileges) {
        return PrivilegeSet.of(privileges);
    }

    @Override
    public int compareTo(Privilege other) {
        int byOrder = Integer.compare(order, other.order);
        return byOrder != 0 ? byOrder : name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Privilege other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
