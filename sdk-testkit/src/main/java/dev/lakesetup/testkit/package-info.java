/** lakesetup testkit. */
package dev.lakesetup.testkit;
