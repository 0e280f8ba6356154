/** lakesetup core. */
package dev.lakesetup.core;
