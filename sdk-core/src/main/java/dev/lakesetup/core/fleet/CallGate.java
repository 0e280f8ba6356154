package dev.lakesetup.core.fleet;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bound on the calls in flight at once across many connections: a transport enters the gate before it sends a
 * request and exits when the answer is read, so all the connections given one gate together never have more than
 * {@link #limit()} requests on the wire. A {@link Fleet} owns one ({@link Fleet#callGate()}), which its members'
 * connections take ({@code DatabricksWorkspace.Builder.callGate(..)}); each member keeps its own rate limit and retry
 * policy beside it.
 *
 * <p>Callers are admitted in arrival order. Thread-safe; share one per fleet.
 */
public final class CallGate {
    private final int limit;
    private final Semaphore slots;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    private CallGate(int limit) {
        this.limit = limit;
        this.slots = new Semaphore(limit, true);
    }

    /**
     * Returns a gate that admits at most this many calls at once.
     *
     * @param limit the most calls in flight, at least 1
     * @return a new gate
     */
    public static CallGate of(int limit) {
        if (limit < 1) {
            throw InvalidInputException.of("call gate limit", Integer.toString(limit), "it is below 1",
                    "the most calls in flight at once, at least 1");
        }
        return new CallGate(limit);
    }

    /**
     * Waits for a slot; every {@code enter()} must be followed by one {@link #exit()}.
     *
     * @throws LakesetupException when the thread is interrupted while waiting; its interrupt flag is set again
     */
    public void enter() {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakesetupException("interrupted while waiting for a slot of the fleet's call gate");
        }
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    /** Gives back the slot of a call that ended. */
    public void exit() {
        inFlight.decrementAndGet();
        slots.release();
    }

    /**
     * Returns the most calls in flight at once.
     *
     * @return the limit
     */
    public int limit() {
        return limit;
    }

    /**
     * Returns the calls in flight now.
     *
     * @return the number of slots taken
     */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Returns the most calls that were in flight at once since the gate was made.
     *
     * @return the peak, at most {@link #limit()}
     */
    public int peakInFlight() {
        return peak.get();
    }

    @Override
    public String toString() {
        return "CallGate[" + inFlight.get() + "/" + limit + " in flight]";
    }
}
