package dev.lakesetup.core.render;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Renders the model as Databricks SQL for Unity Catalog: create statements, {@code GRANT} and {@code REVOKE} on
 * every securable type, and the read statements a SQL state reader needs.
 *
 * <p>Statements are built from the model, never from caller strings: names are quoted and literals escaped in one
 * place, so a name such as {@code a`b} or a comment such as {@code it's} addresses exactly the intended object.
 * Privileges are written in their canonical spelling (legacy {@code USAGE} was already mapped when parsed); one
 * whose name is not {@linkplain Privilege#hasPlainName() plain} (a service spelled it oddly) is refused.
 * Instances are immutable and thread-safe.
 */
public final class UnityCatalogSql {
    private static final UnityCatalogSql STANDARD = new UnityCatalogSql(sp -> {
        throw new IllegalStateException(sp + " has no application id yet; a grant can name it only once it exists");
    });

    private final Function<ServicePrincipal, String> unresolved;

    private UnityCatalogSql(Function<ServicePrincipal, String> unresolved) {
        this.unresolved = unresolved;
    }

    /**
     * Returns the renderer that refuses grants to service principals whose application id is unknown.
     *
     * @return the standard renderer
     */
    public static UnityCatalogSql standard() {
        return STANDARD;
    }

    /**
     * Returns a renderer that writes a placeholder name for service principals whose application id is not known
     * yet, for scripts meant to be read (a dry run) rather than executed.
     *
     * @param placeholder makes the name to write for an unresolved principal; it is quoted as an identifier
     * @return the renderer
     */
    public UnityCatalogSql withUnresolvedPrincipalsAs(Function<ServicePrincipal, String> placeholder) {
        return new UnityCatalogSql(Objects.requireNonNull(placeholder, "placeholder"));
    }

    /**
     * Renders {@code CREATE CATALOG IF NOT EXISTS name [MANAGED LOCATION 'url'] [COMMENT 'text']}.
     *
     * @param catalog the catalog
     * @return the statement
     */
    public String createCatalog(Catalog catalog) {
        SqlBuilder sql = sql().keyword("CREATE CATALOG IF NOT EXISTS").identifier(catalog.name().name());
        catalog.managedLocation().ifPresent(url -> sql.keyword("MANAGED LOCATION").literal(url.value()));
        catalog.comment().ifPresent(comment -> sql.keyword("COMMENT").literal(comment));
        return sql.toString();
    }

    /**
     * Renders {@code CREATE SCHEMA IF NOT EXISTS catalog.schema [MANAGED LOCATION 'url'] [COMMENT 'text']}.
     *
     * @param schema the schema
     * @return the statement
     */
    public String createSchema(Schema schema) {
        SqlBuilder sql = sql().keyword("CREATE SCHEMA IF NOT EXISTS").name(schema.name());
        schema.managedLocation().ifPresent(url -> sql.keyword("MANAGED LOCATION").literal(url.value()));
        schema.comment().ifPresent(comment -> sql.keyword("COMMENT").literal(comment));
        return sql.toString();
    }

    /**
     * Renders {@code CREATE EXTERNAL LOCATION IF NOT EXISTS name URL 'url' WITH (STORAGE CREDENTIAL credential)
     * [COMMENT 'text']}.
     *
     * @param location the external location
     * @return the statement
     * @throws InvalidInputException if the location is declared read-only, which has no SQL form
     */
    public String createExternalLocation(ExternalLocation location) {
        if (location.readOnly().orElse(false)) {
            throw InvalidInputException.of("external location read only", "true",
                    "SQL cannot create a read-only external location", "false here; the REST executor creates it");
        }
        SqlBuilder sql = sql().keyword("CREATE EXTERNAL LOCATION IF NOT EXISTS").identifier(location.name().name())
                .keyword("URL").literal(location.url().value())
                .keyword("WITH (").keyword("STORAGE CREDENTIAL").identifier(location.credential().name()).raw(")");
        location.comment().ifPresent(comment -> sql.keyword("COMMENT").literal(comment));
        return sql.toString();
    }

    /**
     * Renders {@code COMMENT ON <securable> IS 'text'}, which changes a comment in place. The documented statement
     * covers catalogs, schemas and tables, not storage credentials or external locations, whose comments change
     * through the REST API.
     *
     * @param securable the catalog, schema or table to comment
     * @param comment the new comment
     * @return the statement
     * @throws InvalidInputException for the metastore, a storage credential or an external location
     */
    public String commentOn(Securable securable, String comment) {
        requireNamed(securable, "COMMENT ON");
        SecurableType type = securable.type();
        if (type == SecurableType.STORAGE_CREDENTIAL || type == SecurableType.EXTERNAL_LOCATION) {
            throw InvalidInputException.of("securable", type.sqlName() + " " + securable.fullName(),
                    "COMMENT ON does not document this securable type",
                    "a catalog, schema or table (change the comment through the REST API)");
        }
        return sql().keyword("COMMENT ON").securable(securable).keyword("IS")
                .literal(InvalidInputException.requireNonNull(comment, "comment")).toString();
    }

    /**
     * Renders {@code DROP <type> IF EXISTS name} for a catalog, schema, storage credential or external location,
     * never with {@code CASCADE} or {@code FORCE}: the service refuses to drop one that still holds objects.
     *
     * @param securable the securable to drop
     * @return the statement
     * @throws InvalidInputException for the metastore or a table
     */
    public String drop(Securable securable) {
        requireNamed(securable, "DROP");
        if (securable.type() == SecurableType.TABLE) {
            throw InvalidInputException.of("securable", "TABLE " + securable.fullName(),
                    "lakesetup never drops tables", "a catalog, schema, storage credential or external location");
        }
        return sql().keyword("DROP " + securable.type().sqlName() + " IF EXISTS").name(securable).toString();
    }

    /**
     * Renders {@code GRANT privileges ON <securable> TO principal}.
     *
     * @param grant the grant
     * @return the statement
     * @throws InvalidInputException for a privilege whose name is not {@linkplain Privilege#hasPlainName() plain}
     */
    public String grant(Grant grant) {
        return privileges(sql().keyword("GRANT"), grant).keyword("TO").principal(grant.principal()).toString();
    }

    /**
     * Renders {@code REVOKE privileges ON <securable> FROM principal}.
     *
     * @param grant the privileges to take away
     * @return the statement
     * @throws InvalidInputException for a privilege whose name is not {@linkplain Privilege#hasPlainName() plain}
     */
    public String revoke(Grant grant) {
        return privileges(sql().keyword("REVOKE"), grant).keyword("FROM").principal(grant.principal()).toString();
    }

    /**
     * Renders {@code SHOW GRANTS ON <securable>}: every principal's privileges on it.
     *
     * @param securable the securable
     * @return the statement
     */
    public String showGrants(Securable securable) {
        return sql().keyword("SHOW GRANTS ON").securable(securable).toString();
    }

    /**
     * Renders {@code SHOW GRANTS principal ON <securable>}.
     *
     * @param securable the securable
     * @param principal the principal
     * @return the statement
     */
    public String showGrants(Securable securable, Principal principal) {
        return sql().keyword("SHOW GRANTS").principal(principal).keyword("ON").securable(securable).toString();
    }

    /**
     * Renders a {@code DESCRIBE} of a named securable: {@code DESCRIBE CATALOG EXTENDED}, {@code DESCRIBE SCHEMA
     * EXTENDED}, {@code DESCRIBE TABLE EXTENDED}, {@code DESCRIBE EXTERNAL LOCATION},
     * {@code DESCRIBE STORAGE CREDENTIAL}.
     *
     * @param securable the securable, not the metastore
     * @return the statement
     */
    public String describe(Securable securable) {
        requireNamed(securable, "DESCRIBE");
        SqlBuilder sql = sql().keyword("DESCRIBE").keyword(securable.type().sqlName());
        switch (securable.type()) {
            case CATALOG, SCHEMA, TABLE -> sql.keyword("EXTENDED");
            case EXTERNAL_LOCATION, STORAGE_CREDENTIAL, METASTORE -> {
            }
        }
        return sql.name(securable).toString();
    }

    /**
     * Renders one query of the {@code system.information_schema} privileges view for a securable type, reading
     * every principal's privileges on many securables at once: {@code SELECT grantee, <name columns>,
     * privilege_type, inherited_from FROM system.information_schema.catalog_privileges WHERE catalog_name IN
     * ('a', 'b')}. The result columns are, in order: the grantee, one column per part of the securable's name
     * (e.g. {@code catalog_name, schema_name}), the privilege and where it is inherited from ({@code NULL} for a
     * direct grant). For types with several name parts each part is filtered with its own {@code IN} list, so the
     * reader keeps only the rows of the securables it asked for. Names are compared in lower case, as stored.
     *
     * @param type the securable type: catalog, schema, table, storage credential or external location
     * @param securables the securables of that type, at least one
     * @return the query
     * @throws InvalidInputException for the metastore, an empty list or a securable of another type
     */
    public String selectPrivileges(SecurableType type, Collection<? extends Securable> securables) {
        InvalidInputException.requireNonNull(type, "securable type");
        InvalidInputException.requireNonNull(securables, "securables");
        List<String> columns = privilegeViewColumns(type);
        if (securables.isEmpty()) {
            throw InvalidInputException.of("securables", "[]", "the list is empty", "at least one securable");
        }
        List<Set<String>> values = new ArrayList<>();
        columns.forEach(c -> values.add(new TreeSet<>()));
        for (Securable securable : securables) {
            if (securable.type() != type) {
                throw InvalidInputException.of("securable", securable.fullName(), "it is a "
                        + securable.type().apiName() + ", not a " + type.apiName(), "securables of one type");
            }
            for (int i = 0; i < columns.size(); i++) {
                values.get(i).add(securable.parts().get(i).normalized());
            }
        }
        SqlBuilder sql = sql().keyword("SELECT grantee,").keyword(String.join(", ", columns) + ",")
                .keyword("privilege_type, inherited_from FROM system.information_schema")
                .raw("." + type.apiName() + "_privileges").keyword("WHERE");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql.keyword("AND");
            }
            sql.keyword(columns.get(i)).keyword("IN (");
            String separator = "";
            for (String value : values.get(i)) {
                sql.raw(separator).literal(value);
                separator = ",";
            }
            sql.raw(")");
        }
        return sql.toString();
    }

    /**
     * Returns the name columns of a securable type's {@code information_schema} privileges view, in the order of
     * the name's parts.
     *
     * @param type the securable type
     * @return the column names, e.g. {@code [catalog_name, schema_name]} for a schema
     * @throws InvalidInputException for the metastore, which has no such view here
     */
    public static List<String> privilegeViewColumns(SecurableType type) {
        return switch (type) {
            case CATALOG -> List.of("catalog_name");
            case SCHEMA -> List.of("catalog_name", "schema_name");
            case TABLE -> List.of("table_catalog", "table_schema", "table_name");
            case STORAGE_CREDENTIAL -> List.of("storage_credential_name");
            case EXTERNAL_LOCATION -> List.of("external_location_name");
            case METASTORE -> throw InvalidInputException.of("securable type", type.apiName(),
                    "its privileges are read with SHOW GRANTS ON METASTORE",
                    "catalog, schema, table, storage_credential or external_location");
        };
    }

    /**
     * Renders the read of an external location's read-only flag, which {@code DESCRIBE EXTERNAL LOCATION} does not
     * document: {@code SELECT read_only FROM system.information_schema.external_locations WHERE
     * external_location_name = '<name>'} (the name in lower case, as stored).
     *
     * @param location an external location
     * @return the query
     * @throws InvalidInputException for a securable of another type
     */
    public String selectReadOnly(Securable location) {
        InvalidInputException.requireNonNull(location, "external location");
        if (location.type() != SecurableType.EXTERNAL_LOCATION) {
            throw InvalidInputException.of("securable", location.fullName(), "it is a " + location.type().apiName(),
                    "an external location");
        }
        return sql().keyword("SELECT read_only FROM system.information_schema.external_locations WHERE")
                .keyword("external_location_name =").literal(location.parts().get(0).normalized()).toString();
    }

    private SqlBuilder sql() {
        return new SqlBuilder(unresolved);
    }

    private static SqlBuilder privileges(SqlBuilder sql, Grant grant) {
        Iterator<Privilege> it = grant.privileges().iterator();
        sql.keyword(plainName(it.next()));
        while (it.hasNext()) {
            sql.raw(",").keyword(plainName(it.next()));
        }
        return sql.keyword("ON").securable(grant.securable());
    }

    /** Returns a privilege's name for a statement; one a service spelled oddly is refused, never written. */
    private static String plainName(Privilege privilege) {
        if (!privilege.hasPlainName()) {
            throw InvalidInputException.of("privilege", privilege.sqlName(), "no statement may carry it",
                    "a privilege name of letters and digits in words joined by single spaces");
        }
        return privilege.sqlName();
    }

    private static void requireNamed(Securable securable, String statement) {
        if (securable.type() == SecurableType.METASTORE) {
            throw InvalidInputException.of("securable", "metastore", statement + " does not apply to the metastore",
                    "a catalog, schema, table, storage credential or external location");
        }
    }
}
