/**
 * A parser for the subset of Databricks SQL that lakesetup renders, used by the fake workspace to execute statements
 * and by tests to check how rendered text splits into tokens.
 *
 * <p>Entry points: {@link dev.lakesetup.testkit.sql.SqlParser#parse(String)} and
 * {@link dev.lakesetup.testkit.sql.SqlParser#tokenize(String)}. The parser is syntax only: it keeps names as written,
 * upper-cases keywords and privileges, and validates nothing against a catalog.
 */
package dev.lakesetup.testkit.sql;
