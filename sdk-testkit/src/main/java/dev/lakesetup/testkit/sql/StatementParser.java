package dev.lakesetup.testkit.sql;

import java.util.List;

/** Parses one statement: dispatches on the leading keywords; parses CREATE, COMMENT ON, SHOW, USE and SET itself. */
final class StatementParser {

    private final TokenCursor in;
    private final SecurableParser securables;
    private final SelectParser selects;

    StatementParser(TokenCursor in) {
        this.in = in;
        this.securables = new SecurableParser(in);
        this.selects = new SelectParser(in);
    }

    /** Parses the whole input: one statement, then optional semicolons, then nothing. */
    Statement parseSingle() {
        Statement statement = statement();
        while (in.acceptSymbol(";")) {
            // A trailing ';' (or several) ends the statement; anything after it is a second statement.
        }
        if (!in.atEnd()) {
            throw in.error(null);
        }
        return statement;
    }

    private Statement statement() {
        if (in.acceptWord("CREATE")) {
            return create();
        }
        if (in.acceptWord("GRANT")) {
            return securables.grant();
        }
        if (in.acceptWord("REVOKE")) {
            return securables.revoke();
        }
        if (in.acceptWord("SHOW")) {
            return show();
        }
        if (in.acceptWord("DESCRIBE") || in.acceptWord("DESC")) {
            return securables.describe();
        }
        if (in.acceptWord("SELECT")) {
            return selects.select();
        }
        if (in.acceptWord("USE")) {
            return use();
        }
        if (in.acceptWord("SET")) {
            return set();
        }
        if (in.acceptWord("COMMENT")) {
            return commentOn();
        }
        if (in.acceptWord("DROP")) {
            return drop();
        }
        throw in.error(null);
    }

    /** {@code DROP CATALOG|SCHEMA|DATABASE|EXTERNAL LOCATION [IF EXISTS] name [RESTRICT|CASCADE|FORCE]}. */
    private Statement drop() {
        String type;
        int parts;
        if (in.acceptWord("CATALOG")) {
            type = "CATALOG";
            parts = 1;
        } else if (in.acceptWord("SCHEMA") || in.acceptWord("DATABASE")) {
            type = "SCHEMA";
            parts = 2;
        } else if (in.acceptWord("EXTERNAL")) {
            in.expectWord("LOCATION");
            type = "EXTERNAL LOCATION";
            parts = 1;
        } else {
            throw in.error("DROP CATALOG, SCHEMA or EXTERNAL LOCATION");
        }
        boolean ifExists = false;
        if (in.acceptWord("IF")) {
            in.expectWord("EXISTS");
            ifExists = true;
        }
        List<String> name = in.name(parts);
        boolean cascade;
        if (type.equals("EXTERNAL LOCATION")) {
            cascade = in.acceptWord("FORCE");
        } else {
            cascade = in.acceptWord("CASCADE");
            if (!cascade) {
                in.acceptWord("RESTRICT");
            }
        }
        return new Drop(type, name, ifExists, cascade);
    }

    /**
     * {@code COMMENT ON CATALOG|SCHEMA|DATABASE name IS 'text'|NULL}, after {@code COMMENT}. The documented statement
     * covers no external location or storage credential, so those are a syntax error here.
     */
    private Statement commentOn() {
        in.expectWord("ON");
        String type;
        List<String> name;
        if (in.acceptWord("CATALOG")) {
            type = "CATALOG";
            name = in.name(1);
        } else if (in.acceptWord("SCHEMA") || in.acceptWord("DATABASE")) {
            type = "SCHEMA";
            name = in.name(2);
        } else {
            throw in.error("COMMENT ON CATALOG or SCHEMA");
        }
        in.expectWord("IS");
        String comment = in.acceptWord("NULL") ? null : in.string();
        return new CommentOn(type, name, comment);
    }

    private Statement create() {
        if (in.acceptWord("CATALOG")) {
            boolean ifNotExists = ifNotExists();
            String name = in.identifier();
            Options options = options();
            return new CreateCatalog(name, ifNotExists, options.managedLocation, options.comment);
        }
        if (in.acceptWord("SCHEMA") || in.acceptWord("DATABASE")) {
            boolean ifNotExists = ifNotExists();
            List<String> name = in.name(2);
            Options options = options();
            return new CreateSchema(name, ifNotExists, options.managedLocation, options.comment);
        }
        in.expectWord("EXTERNAL", "LOCATION");
        boolean ifNotExists = ifNotExists();
        String name = in.identifier();
        in.expectWord("URL");
        String url = in.string();
        in.expectWord("WITH");
        in.expectSymbol("(");
        in.expectWord("STORAGE", "CREDENTIAL");
        String credential = in.identifier();
        in.expectSymbol(")");
        String comment = in.acceptWord("COMMENT") ? in.string() : null;
        return new CreateExternalLocation(name, ifNotExists, url, credential, comment);
    }

    private boolean ifNotExists() {
        return in.acceptWords("IF", "NOT", "EXISTS");
    }

    /** The optional clauses of CREATE CATALOG and CREATE SCHEMA. */
    private static final class Options {
        private String managedLocation;
        private String comment;
    }

    /** {@code MANAGED LOCATION 'url'} and {@code COMMENT 'text'} in either order, each at most once. */
    private Options options() {
        Options options = new Options();
        while (true) {
            if (in.peekWord("MANAGED") && options.managedLocation == null) {
                in.expectWord("MANAGED", "LOCATION");
                options.managedLocation = in.string();
            } else if (in.peekWord("COMMENT") && options.comment == null) {
                in.next();
                options.comment = in.string();
            } else {
                return options;
            }
        }
    }

    private Statement show() {
        if (in.acceptWord("GRANTS")) {
            return securables.showGrants();
        }
        if (in.acceptWord("CATALOGS")) {
            return new ShowCatalogs(like());
        }
        if (!in.acceptWord("SCHEMAS")) {
            in.expectWord("DATABASES");
        }
        List<String> catalog = in.acceptWord("IN") || in.acceptWord("FROM") ? in.name(1) : null;
        return new ShowSchemas(catalog, like());
    }

    /** {@code [LIKE] 'pattern'}, or null when absent. */
    private String like() {
        if (in.acceptWord("LIKE")) {
            return in.string();
        }
        Token token = in.peek();
        return token != null && token.kind() == Token.Kind.STRING ? in.string() : null;
    }

    private Statement use() {
        if (in.acceptWord("CATALOG")) {
            return new Use("CATALOG", in.name(1));
        }
        if (!in.acceptWord("SCHEMA")) {
            in.acceptWord("DATABASE");
        }
        return new Use("SCHEMA", in.name(2));
    }

    /**
     * {@code SET key = value}: the key is the text between {@code SET} and the first {@code =}, the value the text
     * after it, both as written and trimmed, up to a {@code ;} or the end.
     */
    private Statement set() {
        if (in.atEnd() || in.peekSymbol(";") || in.peekSymbol("=")) {
            throw in.error(null);
        }
        int first = in.index();
        int equals = -1;
        int last = -1;
        while (!in.atEnd() && !in.peekSymbol(";")) {
            if (equals < 0 && in.peekSymbol("=")) {
                equals = in.index();
            }
            last = in.index();
            in.next();
        }
        String sql = in.sql();
        int keyEnd = equals < 0 ? last : equals - 1;
        String key = first == keyEnd && in.tokenAt(first).kind() == Token.Kind.QUOTED_IDENTIFIER
                ? in.tokenAt(first).text()
                : sql.substring(in.tokenAt(first).position(), in.endOf(keyEnd)).trim();
        String value = equals < 0 ? null
                : equals == last ? "" : sql.substring(in.endOf(equals), in.endOf(last)).trim();
        return new SetConfig(key, value);
    }
}
