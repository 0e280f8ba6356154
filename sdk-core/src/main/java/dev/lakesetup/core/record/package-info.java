/**
 * Records of what lakesetup did, kept for later runs: the {@link dev.lakesetup.core.record.RecordStore} interface
 * and its implementations.
 */
package dev.lakesetup.core.record;
