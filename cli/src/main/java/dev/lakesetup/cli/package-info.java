/**
 * The {@code lakesetup} command ({@link dev.lakesetup.cli.Main}): {@code plan}, {@code apply} and {@code validate}
 * a setup file against a Databricks workspace, Azure, or an in-process sandbox.
 */
package dev.lakesetup.cli;
