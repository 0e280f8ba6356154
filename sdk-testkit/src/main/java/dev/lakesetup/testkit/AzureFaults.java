package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.azure.AzureState;
import dev.lakesetup.testkit.internal.http.FaultRules;
import java.time.Duration;
import java.util.Objects;

/**
 * Faults of a {@link FakeAzure}: the generic HTTP faults of {@link Faults} plus the misbehaviours Azure shows in the
 * wild (a new service principal that role assignments cannot see yet, an application that Graph does not accept
 * right after it was registered, a caller without the right to assign roles, a container still being deleted).
 */
public final class AzureFaults extends Faults {

    private final AzureState state;

    AzureFaults(FaultRules rules, AzureState state) {
        super(rules);
        this.state = state;
    }

    /**
     * Makes every service principal created through Graph from now on invisible to role assignment writes for its
     * first {@code calls} writes (answered 400 {@code PrincipalNotFound}), as during directory replication.
     *
     * @param calls how many calls it lasts
     * @return this fault setup
     */
    public AzureFaults newPrincipalsInvisibleFor(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative, was " + calls);
        }
        synchronized (state) {
            state.propagationCalls(calls);
        }
        return this;
    }

    /**
     * Makes every service principal invisible to role assignment writes until {@code delay} of fake time has passed
     * since its creation (see {@link FakeAzure#advanceClock(Duration)}).
     *
     * @param delay how long it lasts
     * @return this fault setup
     */
    public AzureFaults newPrincipalsInvisibleFor(Duration delay) {
        requireNonNegative(delay);
        synchronized (state) {
            state.propagationDelay(delay);
        }
        return this;
    }

    /**
     * Makes the next {@code calls} role assignment writes naming this principal fail with 400 PrincipalNotFound.
     *
     * @param principalId the service principal object id
     * @param calls how many calls it lasts
     * @return this fault setup
     */
    public AzureFaults principalNotFound(String principalId, int calls) {
        requirePositive(calls);
        synchronized (state) {
            state.principalInvisible(Objects.requireNonNull(principalId, "principalId"), calls);
        }
        return this;
    }

    /**
     * Makes the next {@code calls} service principal creations for this application fail with 400
     * {@code Request_BadRequest} ("does not reference a valid application object"), as right after the application
     * was registered.
     *
     * @param appId the application (client) id
     * @param calls how many calls it lasts
     * @return this fault setup
     */
    public AzureFaults applicationNotYetValid(String appId, int calls) {
        requirePositive(calls);
        synchronized (state) {
            state.applicationNotYetValid(Objects.requireNonNull(appId, "appId"), calls);
        }
        return this;
    }

    /**
     * Makes the next {@code calls} role assignment writes at a scope matching {@code scopeRegex} (whole scope,
     * case-insensitive) fail with 403 {@code AuthorizationFailed}; {@code Integer.MAX_VALUE} for every write.
     *
     * @param scopeRegex a regular expression the role assignment scope must match
     * @param calls how many calls it lasts
     * @return this fault setup
     */
    public AzureFaults authorizationFailed(String scopeRegex, int calls) {
        requirePositive(calls);
        synchronized (state) {
            state.deny(Objects.requireNonNull(scopeRegex, "scopeRegex"), calls);
        }
        return this;
    }

    /**
     * Makes every role assignment give data access (as a storage credential's validation sees it) only once
     * {@code delay} of fake time has passed since its creation (see {@link FakeAzure#advanceClock(Duration)}), as
     * while a new assignment propagates.
     *
     * @param delay how long a new assignment takes to take effect
     * @return this fault setup
     */
    public AzureFaults roleAssignmentsTakeEffectAfter(Duration delay) {
        requireNonNegative(delay);
        synchronized (state) {
            state.roleEffectDelay(delay);
        }
        return this;
    }

    /**
     * Makes the next {@code calls} creations of this container fail with 409 {@code ContainerBeingDeleted}.
     *
     * @param container the container name
     * @param account the storage account name
     * @param calls how many calls it lasts
     * @return this fault setup
     */
    public AzureFaults containerBeingDeleted(String account, String container, int calls) {
        requirePositive(calls);
        synchronized (state) {
            state.containerBeingDeleted(Objects.requireNonNull(account, "account"),
                    Objects.requireNonNull(container, "container"), calls);
        }
        return this;
    }

    private static void requireNonNegative(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("calls must be at least 1, was " + n);
        }
    }
}
