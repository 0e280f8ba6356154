package dev.lakesetup.core.spi;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.LakesetupException;
import java.util.function.Supplier;

/**
 * Permits of the engine's rate limit for single requests, bound to the thread that runs an executor call: the way
 * an executor that {@linkplain Executor#metersRequests() meters its own requests} keeps the limit per request on
 * the wire.
 *
 * <p>While the engine runs one attempt of a call to an executor, it binds the permits of its rate limiter to the
 * calling thread. The executor's HTTP layer calls {@code RequestPermits.current().acquire()} right before it sends
 * each request, start-up and token requests included; the call waits until the limit allows one more request.
 * Outside any call of the engine (validation, a direct use of the executor), {@link #current()} returns
 * {@linkplain #unlimited() permits that never wait}. The binding follows the thread, not the executor object, so one
 * HTTP client shared by several engines with different limits takes each request's permit from the engine whose
 * call sends it. An executor that hands work to threads of its own binds the permits there with
 * {@link #callWith(Supplier)}. Immutable and thread-safe.
 * <pre>{@code
 * Response send(Request request) throws IOException {
 *     RequestPermits.current().acquire();
 *     return http.send(request);
 * }
 * }</pre>
 */
public final class RequestPermits {
    private static final ThreadLocal<RequestPermits> BOUND = new ThreadLocal<>();
    private static final RequestPermits UNLIMITED = new RequestPermits(() -> { });

    private final Runnable acquire;

    private RequestPermits(Runnable acquire) {
        this.acquire = acquire;
    }

    /**
     * Creates permits that take one by running {@code acquire}, which waits until the limit allows a request.
     *
     * @param acquire takes one permit; throws a {@link LakesetupException} when the thread is interrupted
     * @return the permits
     */
    public static RequestPermits of(Runnable acquire) {
        return new RequestPermits(InvalidInputException.requireNonNull(acquire, "permit source"));
    }

    /**
     * Returns permits that never wait.
     *
     * @return the unlimited permits
     */
    public static RequestPermits unlimited() {
        return UNLIMITED;
    }

    /**
     * Returns the permits bound to the calling thread: the engine's while it runs an executor call on this thread,
     * otherwise {@linkplain #unlimited() unlimited} ones.
     *
     * @return the current permits
     */
    public static RequestPermits current() {
        RequestPermits bound = BOUND.get();
        return bound == null ? UNLIMITED : bound;
    }

    /**
     * Takes one permit for one request, waiting until the rate limit allows it; returns at once for unlimited
     * permits.
     *
     * @throws LakesetupException when the thread is interrupted while waiting; its interrupt flag is set again
     */
    public void acquire() {
        acquire.run();
    }

    /**
     * Runs work with these permits bound to the calling thread, and binds what was bound before again afterwards,
     * whether the work returns or throws.
     *
     * @param work the work
     * @param <T> the result type
     * @return what the work returned
     */
    public <T> T callWith(Supplier<T> work) {
        RequestPermits before = BOUND.get();
        BOUND.set(this);
        try {
            return work.get();
        } finally {
            if (before == null) {
                BOUND.remove();
            } else {
                BOUND.set(before);
            }
        }
    }

    @Override
    public String toString() {
        return this == UNLIMITED ? "RequestPermits[unlimited]" : "RequestPermits[limited]";
    }
}
