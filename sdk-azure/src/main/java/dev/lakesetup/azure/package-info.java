/** lakesetup azure. */
package dev.lakesetup.azure;
