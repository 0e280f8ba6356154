/**
 * How {@code PrincipalValidator} connects as a service principal and runs its checks: the JDBC and statement
 * execution sessions, the SQL it sends and the effective-permissions check. Not part of the public API.
 */
package dev.lakesetup.databricks.internal.validation;
