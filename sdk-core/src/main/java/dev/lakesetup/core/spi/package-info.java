/**
 * The executor SPI: how lakesetup reads live state and applies changes through a service. An
 * {@link dev.lakesetup.core.spi.Executor} is a bundle of a {@link dev.lakesetup.core.spi.ResourceHandler} per
 * resource kind, a {@link dev.lakesetup.core.spi.GrantStore} per family of securables and a
 * {@link dev.lakesetup.core.spi.PrincipalDirectory}; register it on {@code Lakesetup.builder().executor(..)}. The
 * engine looks handlers up by resource class and securable type, makes every call under its retry policy, and lets
 * handlers fan requests out with {@link dev.lakesetup.core.spi.ExecutionContext#runAll}.
 */
package dev.lakesetup.core.spi;
