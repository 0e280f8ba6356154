package dev.lakesetup.testkit.sql;

import java.util.ArrayList;
import java.util.List;

/** Parses the statements about privileges and securables: GRANT, REVOKE, SHOW GRANTS and DESCRIBE. */
final class SecurableParser {

    /** A securable type: its keywords, the type name it normalises to and the most name parts it takes. */
    private record Type(String[] words, String type, int maxParts) {
    }

    private static final List<Type> GRANT_TYPES = List.of(
            new Type(new String[] {"METASTORE"}, "METASTORE", 0),
            new Type(new String[] {"CATALOG"}, "CATALOG", 1),
            new Type(new String[] {"SCHEMA"}, "SCHEMA", 2),
            new Type(new String[] {"DATABASE"}, "SCHEMA", 2),
            new Type(new String[] {"TABLE"}, "TABLE", 3),
            new Type(new String[] {"VOLUME"}, "VOLUME", 3),
            new Type(new String[] {"FUNCTION"}, "FUNCTION", 3),
            new Type(new String[] {"STORAGE", "CREDENTIAL"}, "STORAGE CREDENTIAL", 1),
            new Type(new String[] {"EXTERNAL", "LOCATION"}, "EXTERNAL LOCATION", 1));

    private static final List<Type> DESCRIBE_TYPES = GRANT_TYPES.stream()
            .filter(t -> !List.of("METASTORE", "VOLUME", "FUNCTION").contains(t.type()))
            .toList();

    private static final Type IMPLICIT_TABLE = new Type(new String[0], "TABLE", 3);

    private final TokenCursor in;

    SecurableParser(TokenCursor in) {
        this.in = in;
    }

    /** {@code GRANT p[, p...] ON securable TO principal}, after {@code GRANT}. */
    GrantStatement grant() {
        List<String> privileges = privileges();
        SecurableRef securable = securable();
        in.expectWord("TO");
        return new GrantStatement(privileges, securable, in.identifier());
    }

    /** {@code REVOKE p[, p...] ON securable FROM principal}, after {@code REVOKE}. */
    RevokeStatement revoke() {
        List<String> privileges = privileges();
        SecurableRef securable = securable();
        in.expectWord("FROM");
        return new RevokeStatement(privileges, securable, in.identifier());
    }

    /** {@code SHOW GRANTS [principal] ON securable}, after {@code SHOW GRANTS}. */
    ShowGrants showGrants() {
        String principal = in.peekWord("ON") ? null : in.identifier();
        in.expectWord("ON");
        return new ShowGrants(principal, typedOrTable(GRANT_TYPES));
    }

    /** {@code DESCRIBE [type] [EXTENDED] name}, after {@code DESCRIBE} or {@code DESC}. */
    Describe describe() {
        Type type = type(DESCRIBE_TYPES);
        boolean extended = in.acceptWord("EXTENDED");
        return new Describe(new SecurableRef(type.type(), in.name(type.maxParts())), extended);
    }

    /**
     * Privileges up to and including {@code ON}: comma-separated runs of unquoted words, each upper-cased and
     * joined by single spaces.
     */
    private List<String> privileges() {
        List<String> privileges = new ArrayList<>();
        List<String> words = new ArrayList<>();
        while (true) {
            if (in.peekWord("ON") || in.peekSymbol(",")) {
                if (words.isEmpty()) {
                    throw in.error(null);
                }
                privileges.add(String.join(" ", words));
                words.clear();
                if (in.acceptWord("ON")) {
                    return privileges;
                }
                in.next();
            } else {
                words.add(in.word());
            }
        }
    }

    /** The securable after {@code ON}. */
    private SecurableRef securable() {
        return typedOrTable(GRANT_TYPES);
    }

    private SecurableRef typedOrTable(List<Type> types) {
        Type type = type(types);
        List<String> name = type.maxParts() == 0 ? List.of() : in.name(type.maxParts());
        return new SecurableRef(type.type(), name);
    }

    /** Consumes the type keywords if present; a bare name means a table, as in the service. */
    private Type type(List<Type> types) {
        for (Type type : types) {
            if (in.acceptWords(type.words())) {
                return type;
            }
        }
        return IMPLICIT_TABLE;
    }
}
