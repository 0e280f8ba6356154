package dev.lakesetup.testkit.sql;

/**
 * One parsed SQL statement; the closed set of statement forms the testkit understands.
 *
 * <p>Handle it with an exhaustive {@code switch} (no {@code default}) so that a new form is a compile error where it
 * must be handled.
 */
public sealed interface Statement permits CreateCatalog, CreateSchema, CreateExternalLocation, GrantStatement,
        RevokeStatement, ShowGrants, ShowSchemas, ShowCatalogs, Describe, Select, Use, SetConfig, CommentOn,
        Drop {
}
