package dev.lakesetup.core.spi;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the engine gives a handler during a read or a change: the application ids of service principals known by
 * display name (resolved when planning or created earlier in the same apply), which securables a grants read must
 * report in full ({@link #needsEveryGrant(Securable)}), and a way to fan requests out ({@link #runAll}).
 */
public interface ExecutionContext {

    /**
     * Makes one call per item, in parallel under the engine's concurrency bound, each retried on its own by the
     * engine's retry policy; returns the answers in the order of the items. A call that fails for good fails the
     * whole fan-out (the engine does not retry it again); the other calls are not started or are let finish.
     *
     * <p>Let the exception it throws through, or wrap it as the cause of your own: the engine finds it anywhere in
     * the cause chain and then makes no call of the fan-out again. Catching it and throwing the underlying service
     * failure instead would make the engine retry the whole fan-out.
     *
     * @param what what each call does, for logs, e.g. {@code read catalog}
     * @param items the items, one call each
     * @param call makes one attempt for one item
     * @param <T> the item type
     * @param <V> the answer type
     * @return the answers, in item order
     * @throws LakesetupException when a call failed for good (its retries used up or its failure fatal; the last
     *     failure is the cause), or when the thread was interrupted or the work stopped
     */
    <T, V> List<V> runAll(String what, List<T> items, Function<? super T, ? extends V> call);

    /**
     * Returns the application id of a service principal.
     *
     * @param principal a reference by application id (returned as is) or by display name
     * @return the application id, or empty while a principal known by name is not resolved
     */
    Optional<ApplicationId> applicationIdOf(ServicePrincipal principal);

    /**
     * Tells whether a {@link GrantStore#read} call must report every principal's grants on a securable, not
     * only the ones a bulk listing shows the caller: {@code true} while planning for a securable the blueprint
     * declares exclusive, where a grant left out would never be revoked. By default {@code false}.
     *
     * @param securable a securable being read
     * @return {@code true} when the read must be complete
     */
    default boolean needsEveryGrant(Securable securable) {
        return false;
    }

    /**
     * Returns a service principal as a reference by application id.
     *
     * @param principal any reference
     * @return the reference by application id
     * @throws ServiceException of kind {@code NOT_YET_VISIBLE} when a principal known by name is not resolved yet
     */
    default ServicePrincipal resolved(ServicePrincipal principal) {
        return applicationIdOf(principal).map(ServicePrincipal::of).orElseThrow(() -> ServiceException
                .builder(ServiceException.Failure.NOT_YET_VISIBLE, principal + " has no known application id yet")
                .build());
    }

    /**
     * Returns a principal with service principals resolved; users and groups are returned as they are.
     *
     * @param principal any principal
     * @return the principal as the service names it
     * @throws LakesetupException when a service principal known by name is not resolved yet
     */
    default Principal resolved(Principal principal) {
        return principal instanceof ServicePrincipal sp ? resolved(sp) : principal;
    }

    /**
     * Returns a grant whose principal is resolved.
     *
     * @param grant a grant
     * @return the same grant naming the principal as the service does
     */
    default Grant resolved(Grant grant) {
        Principal principal = resolved(grant.principal());
        return principal.equals(grant.principal()) ? grant
                : Grant.on(grant.securable()).to(principal).privileges(grant.privileges());
    }

    /**
     * Returns the engine's clock (its call policy's), for handlers that compare live times with now, such as the
     * expiry of an OAuth secret. By default the system clock.
     *
     * @return the clock
     */
    default java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }
}
