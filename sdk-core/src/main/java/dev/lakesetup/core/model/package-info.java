/**
 * The model of the access lakesetup sets up: validated names, securables, principals, privileges, grants,
 * resources and the {@link dev.lakesetup.core.model.Blueprint} that collects them.
 *
 * <p>Every type here is an immutable value that validates its input when built; strings enter through parsing
 * factories such as {@link dev.lakesetup.core.model.Privilege#parse(String, SecurableType)} and
 * {@link dev.lakesetup.core.model.CatalogName#of(String)}.
 */
package dev.lakesetup.core.model;
