/** Runnable examples. */
package dev.lakesetup.examples;
