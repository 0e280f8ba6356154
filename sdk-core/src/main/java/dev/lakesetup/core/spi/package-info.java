/**
 * The executor SPI: how lakesetup reads live state and applies changes through a service. Implement
 * {@link dev.lakesetup.core.spi.Executor} and register it on {@code Lakesetup.builder().executor(..)}.
 */
package dev.lakesetup.core.spi;
