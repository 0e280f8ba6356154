package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.spi.ExecutionContext;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An execution context that asks a grants read to report every grant on some securables
 * ({@link ExecutionContext#needsEveryGrant}): the exclusive ones while planning, and those a read-back could not
 * confirm from a bulk listing that shows the caller only part of the grants.
 *
 * @param resolutions the principals resolved so far
 * @param complete which securables must be read in full
 */
public record CompleteReads(Resolutions resolutions, Predicate<Securable> complete) implements ExecutionContext {

    @Override
    public Optional<ApplicationId> applicationIdOf(ServicePrincipal principal) {
        return resolutions.applicationIdOf(principal);
    }

    @Override
    public boolean needsEveryGrant(Securable securable) {
        return complete.test(securable);
    }
}
