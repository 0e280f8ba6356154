/**
 * Renderers that turn the model, plans and reports into text for services and people; none renders itself.
 * {@link dev.lakesetup.core.render.PlanFormat} renders a plan ({@code PlanFormat.TEXT.render(plan)}, also JSON and
 * SQL), {@link dev.lakesetup.core.render.ReportFormat} renders an apply report
 * ({@code ReportFormat.JSON.render(report)}, also text), and {@link dev.lakesetup.core.render.UnityCatalogSql} writes
 * Databricks SQL for Unity Catalog. Text a service returned is escaped with
 * {@link dev.lakesetup.core.exception.ServiceText}.
 */
package dev.lakesetup.core.render;
