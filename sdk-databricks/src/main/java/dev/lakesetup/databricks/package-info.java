/** lakesetup databricks. */
package dev.lakesetup.databricks;
