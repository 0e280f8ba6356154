/**
 * Verify's rules as pure functions: the changes a diff of the live state finds, turned into drift items
 * ({@link dev.lakesetup.core.internal.verify.DriftItems}), and the permission each skipped check needs
 * ({@link dev.lakesetup.core.internal.verify.NeededPermissions}). Reads nothing and calls nothing.
 */
package dev.lakesetup.core.internal.verify;
