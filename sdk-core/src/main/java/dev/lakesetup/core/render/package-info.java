/**
 * Renderers that turn the model and plans into text for services and people; neither renders itself.
 * {@link dev.lakesetup.core.render.PlanFormat} renders a plan ({@code PlanFormat.TEXT.render(plan)}, also JSON and
 * SQL), {@link dev.lakesetup.core.render.UnityCatalogSql} writes Databricks SQL for Unity Catalog, and
 * {@link dev.lakesetup.core.exception.ServiceText} makes text a service returned printable.
 */
package dev.lakesetup.core.render;
