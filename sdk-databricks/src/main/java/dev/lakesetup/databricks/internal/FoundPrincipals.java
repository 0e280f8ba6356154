package dev.lakesetup.databricks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The principals a directory found, remembered for a while so that re-plans do not ask again, and bounded: an entry
 * expires after a time measured on the call policy's clock (a principal deleted since is then looked up again), and
 * at most a fixed number are kept (past it, expired entries are dropped, and a new one is not remembered while the
 * rest are still fresh). Thread-safe.
 */
final class FoundPrincipals {
    /** How long a principal found is trusted without asking again. */
    static final Duration TRUSTED_FOR = Duration.ofMinutes(10);
    /** The most principals remembered at once. */
    static final int MAX_REMEMBERED = 10_000;

    private final Clock clock;
    private final Duration trustedFor;
    private final int maxRemembered;
    private final Map<String, Instant> foundAt = new ConcurrentHashMap<>();

    /**
     * Creates the memory with the default expiry and size.
     *
     * @param clock the call policy's clock
     */
    FoundPrincipals(Clock clock) {
        this(clock, TRUSTED_FOR, MAX_REMEMBERED);
    }

    /** Creates the memory with this expiry and size, for tests. */
    FoundPrincipals(Clock clock, Duration trustedFor, int maxRemembered) {
        this.clock = clock;
        this.trustedFor = trustedFor;
        this.maxRemembered = maxRemembered;
    }

    /** Tells whether the principal was found less than the expiry ago; an expired entry is dropped. */
    boolean contains(String key) {
        Instant at = foundAt.get(key);
        if (at == null) {
            return false;
        }
        if (isExpired(at, clock.instant())) {
            foundAt.remove(key, at);
            return false;
        }
        return true;
    }

    /** Remembers the principal as found now, unless the memory is full of entries that have not expired. */
    void add(String key) {
        Instant now = clock.instant();
        if (foundAt.size() >= maxRemembered && !foundAt.containsKey(key)) {
            foundAt.values().removeIf(at -> isExpired(at, now));
            if (foundAt.size() >= maxRemembered) {
                return;
            }
        }
        foundAt.put(key, now);
    }

    /** Returns how many principals are remembered. */
    int size() {
        return foundAt.size();
    }

    private boolean isExpired(Instant at, Instant now) {
        return !now.isBefore(at.plus(trustedFor));
    }
}
