package dev.lakesetup.testkit.internal.databricks;

/**
 * Who sends a request: the workspace admin (PAT) or a service principal (OAuth token), named as grants name it.
 *
 * @param name the admin's user name or the service principal's application id
 * @param admin whether the caller is a workspace and metastore admin
 */
public record Caller(String name, boolean admin) { }
