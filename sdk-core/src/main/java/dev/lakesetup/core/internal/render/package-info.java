/** Report renderers behind {@link dev.lakesetup.core.apply.ApplyReport#render}; not exported. */
package dev.lakesetup.core.internal.render;
