/**
 * What a verify found, as data: a {@link dev.lakesetup.core.drift.DriftReport} of
 * {@link dev.lakesetup.core.drift.DriftItem}s, each declared object or check with its
 * {@link dev.lakesetup.core.drift.DriftStatus}, and the {@link dev.lakesetup.core.drift.VerifyOptions} a verify takes.
 * Rendered by {@link dev.lakesetup.core.render.DriftFormat}; made by {@code Lakesetup.verify(..)} and the recipes'
 * {@code verify(..)}.
 */
package dev.lakesetup.core.drift;
