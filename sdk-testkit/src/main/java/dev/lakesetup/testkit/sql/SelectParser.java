package dev.lakesetup.testkit.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the simple {@code SELECT} the testkit answers: columns, one table, AND-ed conditions, a limit. */
final class SelectParser {

    private final TokenCursor in;

    SelectParser(TokenCursor in) {
        this.in = in;
    }

    /** {@code SELECT cols FROM name [WHERE cond [AND cond...]] [LIMIT n]}, after {@code SELECT}. */
    Select select() {
        List<String> columns = columns();
        in.expectWord("FROM");
        List<String> from = in.name(3);
        List<Condition> where = new ArrayList<>();
        if (in.acceptWord("WHERE")) {
            do {
                where.add(condition());
            } while (in.acceptWord("AND"));
        }
        Integer limit = in.acceptWord("LIMIT") ? limit() : null;
        return new Select(columns, from, where, limit);
    }

    private List<String> columns() {
        if (in.acceptSymbol("*")) {
            return List.of("*");
        }
        List<String> columns = new ArrayList<>();
        do {
            columns.add(column());
        } while (in.acceptSymbol(","));
        return columns;
    }

    private Condition condition() {
        String column = column();
        if (in.acceptSymbol("=") || in.acceptSymbol("==")) {
            return new Condition(column, Condition.Op.EQ, List.of(in.string()));
        }
        if (in.acceptWord("IN")) {
            in.expectSymbol("(");
            List<String> values = new ArrayList<>();
            do {
                values.add(in.string());
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
            return new Condition(column, Condition.Op.IN, values);
        }
        in.expectWord("IS");
        boolean not = in.acceptWord("NOT");
        in.expectWord("NULL");
        return new Condition(column, not ? Condition.Op.IS_NOT_NULL : Condition.Op.IS_NULL, List.of());
    }

    private String column() {
        return in.identifier().toLowerCase(Locale.ROOT);
    }

    private Integer limit() {
        Token token = in.peek();
        if (token == null || token.kind() != Token.Kind.NUMBER || !token.text().chars().allMatch(SqlLexer::isDigit)) {
            throw in.error(null);
        }
        try {
            int limit = Integer.parseInt(token.text());
            in.next();
            return limit;
        } catch (NumberFormatException e) {
            throw in.error("limit out of range");
        }
    }
}
