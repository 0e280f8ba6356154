package dev.lakesetup.core.render;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Identifier;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.function.Function;

/**
 * The render context of {@link UnityCatalogSql}: the one place where identifiers are quoted and string literals
 * escaped. Identifiers go in backticks with an embedded backtick doubled; literals in single quotes with
 * backslash escapes, as Databricks SQL (Spark) reads them: a doubled quote is not an escape there. Inside a literal,
 * every character {@link ServiceText} shows as an escape (controls, line separators, bidirectional controls) is
 * written as a backslash, {@code u} and four hex digits, which the SQL parser reads back as the same character.
 */
final class SqlBuilder {
    private final StringBuilder out = new StringBuilder(96);
    private final Function<ServicePrincipal, String> unresolved;

    SqlBuilder(Function<ServicePrincipal, String> unresolved) {
        this.unresolved = unresolved;
    }

    SqlBuilder keyword(String keyword) {
        space();
        out.append(keyword);
        return this;
    }

    SqlBuilder identifier(String name) {
        space();
        quote(name);
        return this;
    }

    /** The only place identifiers are quoted: backticks around, an embedded backtick doubled. */
    private void quote(String name) {
        out.append('`').append(name.replace("`", "``")).append('`');
    }

    SqlBuilder identifier(Identifier name) {
        return identifier(name.value());
    }

    /** A securable's type keyword and its dotted, quoted name: {@code SCHEMA `sales`.`raw`}. */
    SqlBuilder securable(Securable securable) {
        return keyword(securable.type().sqlName()).name(securable);
    }

    /** A securable's dotted, quoted name: {@code `sales`.`raw`}. */
    SqlBuilder name(Securable securable) {
        if (securable.parts().isEmpty()) {
            return this;
        }
        space();
        String separator = "";
        for (Identifier part : securable.parts()) {
            out.append(separator);
            quote(part.value());
            separator = ".";
        }
        return this;
    }

    SqlBuilder principal(Principal principal) {
        if (principal instanceof DeletedPrincipal deleted) {
            throw InvalidInputException.of("principal", deleted.grantName(), "SQL cannot name a deleted principal",
                    "the grants REST API, which removes its privileges by principal_id");
        }
        if (principal instanceof ServicePrincipal sp && !sp.isResolved()) {
            return identifier(unresolved.apply(sp));
        }
        return identifier(principal.grantName());
    }

    SqlBuilder literal(String text) {
        space();
        out.append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ServiceText.isUnsafe(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('\'');
        return this;
    }

    SqlBuilder raw(String text) {
        out.append(text);
        return this;
    }

    private void space() {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '(') {
            out.append(' ');
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
