/** Plan renderers behind {@link dev.lakesetup.core.plan.Plan#render}; not exported. */
package dev.lakesetup.core.internal.render;
