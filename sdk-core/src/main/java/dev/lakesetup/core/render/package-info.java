/**
 * Renderers that turn the model into text for services and people; the model never renders itself.
 * {@link dev.lakesetup.core.render.UnityCatalogSql} writes Databricks SQL for Unity Catalog.
 */
package dev.lakesetup.core.render;
