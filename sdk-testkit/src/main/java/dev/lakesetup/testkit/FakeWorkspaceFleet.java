package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.http.FakeHttpServer;
import dev.lakesetup.testkit.internal.http.PortFrontEnd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Many fake workspaces served from one process, cheap enough for hundreds: each workspace has its own state, its own
 * port on 127.0.0.1 (the SDK keeps only a host's scheme and authority, so workspaces cannot share one port by path),
 * its own fault rules and request counts, and all of them share one pool of worker threads instead of a WireMock
 * server each. Each member exposes the host and admin token a client needs, and its {@link FakeWorkspace} to seed,
 * inject faults and inspect.
 *
 * <pre>{@code
 * try (FakeWorkspaceFleet fleet = FakeWorkspaceFleet.builder().workspaces(200)
 *         .latency(Duration.ofMillis(20)).each(ws -> ws.warehouse("wh1", "Starter")).start()) {
 *     for (FakeWorkspaceFleet.Member member : fleet.members()) {
 *         connect(member.host(), member.adminToken());
 *     }
 * }
 * }</pre>
 */
public final class FakeWorkspaceFleet implements AutoCloseable {
    private static final long FIRST_WORKSPACE_ID = 7_000_000_000_000_001L;

    /** One workspace of the fleet: its key, its fake, and the port it is served on. */
    public static final class Member {
        private final String key;
        private final FakeWorkspace workspace;
        private final PortFrontEnd frontEnd;

        private Member(String key, FakeWorkspace workspace, PortFrontEnd frontEnd) {
            this.key = key;
            this.workspace = workspace;
            this.frontEnd = frontEnd;
        }

        /**
         * Returns its name in the fleet.
         *
         * @return {@code ws-001}, {@code ws-002}, ...
         */
        public String key() {
            return key;
        }

        /**
         * Returns the fake, to seed, inject faults and read request counts from.
         *
         * @return the fake workspace
         */
        public FakeWorkspace workspace() {
            return workspace;
        }

        /**
         * Returns the workspace's URL, {@code http://127.0.0.1:PORT}.
         *
         * @return the host
         */
        public String host() {
            return workspace.host();
        }

        /**
         * Returns the admin's personal access token of this workspace.
         *
         * @return the token
         */
        public String adminToken() {
            return workspace.adminToken();
        }

        /**
         * Returns when each request to this workspace arrived ({@link System#nanoTime()}), for its request rate.
         *
         * @return the start times since start or the last reset
         */
        public List<Long> requestStartTimes() {
            return workspace.requestStartTimes();
        }

        /**
         * Returns when each request to this workspace whose path starts with a prefix arrived
         * ({@link System#nanoTime()}), e.g. {@code /api/2.0/accounts/} for the account APIs it serves.
         *
         * @param pathPrefix the start of the paths counted
         * @return the arrival times, in order, since start or the fleet's last reset
         */
        public List<Long> requestStartTimes(String pathPrefix) {
            return frontEnd.arrivals().stream().filter(a -> a.path().startsWith(pathPrefix))
                    .map(PortFrontEnd.Arrival::nanoTime).toList();
        }

        /**
         * Returns this workspace's request counts.
         *
         * @return the counts per endpoint, total and most in flight
         */
        public RequestStats requests() {
            return workspace.requests();
        }

        @Override
        public String toString() {
            return "Member[" + key + ", " + workspace + "]";
        }
    }

    private final List<Member> members;
    private final List<PortFrontEnd> frontEnds;
    private final ExecutorService workers;
    private final AtomicInteger inFlight;
    private final AtomicInteger peak;

    private FakeWorkspaceFleet(List<Member> members, List<PortFrontEnd> frontEnds, ExecutorService workers,
            AtomicInteger inFlight, AtomicInteger peak) {
        this.members = List.copyOf(members);
        this.frontEnds = List.copyOf(frontEnds);
        this.workers = workers;
        this.inFlight = inFlight;
        this.peak = peak;
    }

    /**
     * Starts a builder: one workspace, no latency.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts this many workspaces with the defaults of {@link FakeWorkspace#builder()}.
     *
     * @param workspaces how many
     * @return the started fleet
     */
    public static FakeWorkspaceFleet start(int workspaces) {
        return builder().workspaces(workspaces).start();
    }

    /**
     * Returns the members, in order.
     *
     * @return the members
     */
    public List<Member> members() {
        return members;
    }

    /**
     * Returns one member.
     *
     * @param index from 0
     * @return the member
     */
    public Member member(int index) {
        return members.get(index);
    }

    /**
     * Returns the most requests that were in flight at once across all the workspaces.
     *
     * @return the peak since start or {@link #resetRequests()}
     */
    public int peakInFlight() {
        return peak.get();
    }

    /**
     * Returns every workspace's requests added up.
     *
     * @return the total since start or the last reset
     */
    public long totalRequests() {
        return members.stream().mapToLong(m -> m.requests().total()).sum();
    }

    /** Clears every workspace's request counts and the fleet's in-flight peak. */
    public void resetRequests() {
        members.forEach(m -> {
            m.workspace().resetRequests();
            m.frontEnd.clearArrivals();
        });
        peak.set(inFlight.get());
    }

    /** Stops every workspace's port and the shared workers. */
    @Override
    public void close() {
        frontEnds.forEach(PortFrontEnd::close);
        members.forEach(m -> m.workspace().close());
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeWorkspaceFleet[" + members.size() + " workspaces]";
    }

    /** Configures a {@link FakeWorkspaceFleet}. */
    public static final class Builder {
        private int workspaces = 1;
        private Duration latency = Duration.ZERO;
        private Consumer<FakeWorkspace.Builder> each = b -> { };

        private Builder() {
        }

        /**
         * Sets how many workspaces to serve.
         *
         * @param value from 1 to 10,000
         * @return this builder
         */
        public Builder workspaces(int value) {
            if (value < 1 || value > 10_000) {
                throw new IllegalArgumentException("workspaces must be 1 to 10000, was " + value);
            }
            this.workspaces = value;
            return this;
        }

        /**
         * Sets the latency injected on every request of every workspace (a fault rule on each, which a test can
         * clear per workspace).
         *
         * @param value not negative
         * @return this builder
         */
        public Builder latency(Duration value) {
            if (Objects.requireNonNull(value, "latency").isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, was " + value);
            }
            this.latency = value;
            return this;
        }

        /**
         * Configures each workspace's builder (warehouses, users, ...); each also gets a workspace id of its own.
         *
         * @param value called once per workspace
         * @return this builder
         */
        public Builder each(Consumer<FakeWorkspace.Builder> value) {
            this.each = Objects.requireNonNull(value, "each");
            return this;
        }

        /**
         * Builds the workspaces and starts their ports.
         *
         * @return the started fleet
         */
        public FakeWorkspaceFleet start() {
            AtomicInteger threads = new AtomicInteger();
            ExecutorService workers = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "fake-fleet-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            List<Member> members = new ArrayList<>();
            List<PortFrontEnd> frontEnds = new ArrayList<>();
            try {
                for (int i = 0; i < workspaces; i++) {
                    FakeWorkspace.Builder builder = FakeWorkspace.builder().workspaceId(FIRST_WORKSPACE_ID + i);
                    each.accept(builder);
                    FakeWorkspace workspace = builder.build();
                    FakeHttpServer[] server = new FakeHttpServer[1];
                    PortFrontEnd frontEnd = new PortFrontEnd(exchange -> server[0].handle(exchange), workers,
                            inFlight, peak);
                    frontEnds.add(frontEnd);
                    server[0] = workspace.serveOn(frontEnd.port());
                    if (!latency.isZero()) {
                        workspace.faults().on("*", ".*").always().respond(FaultResponse.latency(latency));
                    }
                    members.add(new Member(String.format(Locale.ROOT, "ws-%03d", i + 1), workspace, frontEnd));
                }
            } catch (IOException e) {
                frontEnds.forEach(PortFrontEnd::close);
                workers.shutdownNow();
                throw new UncheckedIOException("could not open a port for a fake workspace", e);
            }
            return new FakeWorkspaceFleet(members, frontEnds, workers, inFlight, peak);
        }
    }
}
