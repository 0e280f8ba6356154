/**
 * Setup files: versioned YAML or JSON documents ({@code apiVersion: lakesetup/v1}) that declare, for one or more
 * workspaces, a blueprint or a recipe with its parameters; read with {@link dev.lakesetup.setup.SetupFile}.
 */
package dev.lakesetup.setup;
