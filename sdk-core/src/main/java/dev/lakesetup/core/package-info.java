/**
 * lakesetup's entry point, {@link dev.lakesetup.core.Lakesetup}: it plans a blueprint against live state and
 * applies plans. Its exceptions are in {@code dev.lakesetup.core.exception} and the packages of the steps that throw
 * them ({@code plan}, {@code apply}); this package holds nothing else, so every other package stays below it.
 */
package dev.lakesetup.core;
