/**
 * lakesetup's entry points and its exception hierarchy, rooted at {@link dev.lakesetup.core.exception.LakesetupException}.
 */
package dev.lakesetup.core;
