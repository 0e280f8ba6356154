/** lakesetup on Temporal (work in progress). */
package dev.lakesetup.temporal;
