package dev.lakesetup.core.fleet;

import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs one task across many members (workspaces) in one process: at most {@link #membersInFlight()} members' tasks
 * at once, and at most {@link #concurrency()} calls on the wire at once across all of them through the fleet's
 * {@link #callGate()}, which each member's connection takes; each member keeps its own rate limit and retry policy
 * (its connection's {@code CallPolicy}). A member's failure is recorded on its own line and never stops the others.
 * A member whose target is a {@link FleetConnection} (a {@code DatabricksWorkspace}) not given the fleet's gate fails
 * before its task runs, with a message naming the member and the builder call, instead of running unbounded.
 *
 * <p>What the gate bounds: every HTTP request of the members' connections (REST, account APIs, the statement
 * execution API, and validation as the service principal: its token exchange and statement API requests). What it
 * does not bound: the connections the JDBC driver opens itself (SQL over JDBC and validation over JDBC), which take
 * only each workspace's own rate limit.
 *
 * <pre>{@code
 * Fleet fleet = Fleet.builder().concurrency(64).membersInFlight(200).listener(progress).build();
 * List<FleetMember<DatabricksWorkspace>> members = customers.stream()
 *     .map(c -> FleetMember.of(c.name(), () -> DatabricksWorkspace.builder().host(c.host())
 *         .oauthM2m(c.clientId(), c.secret()).callGate(fleet.callGate())
 *         .accountRateLimiter(accountBudget).build()))
 *     .toList();
 * FleetReport report = fleet.run(members, FleetTasks.apply(workspace -> blueprintFor(workspace)));
 * System.out.print(FleetFormat.TEXT.render(report));
 * }</pre>
 *
 * <p>The fleet itself never sleeps: members wait on their own policies' sleepers (rate limit, retries), and the
 * fleet's clock times each line and the run. Interrupting the thread that called {@link #run(List, FleetTask)}
 * cancels the run: members not started are {@link FleetStatus#CANCELLED}, running ones are interrupted, the report
 * is returned and the thread's interrupt flag is set again. Immutable and thread-safe, apart from the call gate it
 * owns, which is shared on purpose; runs of one fleet share its gate.
 */
public final class Fleet {
    private static final int MAX_THREADS = 10_000;

    private final int concurrency;
    private final int membersInFlight;
    private final FleetListener listener;
    private final Clock clock;
    private final CallGate gate;

    private Fleet(Builder builder) {
        this.concurrency = builder.concurrency;
        this.membersInFlight = builder.membersInFlight == 0 ? builder.concurrency : builder.membersInFlight;
        this.listener = builder.listener;
        this.clock = builder.clock;
        this.gate = CallGate.of(concurrency);
    }

    /**
     * Starts a builder: concurrency 16, as many members in flight as the concurrency, no listener, the system clock.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the task once per member and returns a line per member. Blocks until every member's task ended.
     *
     * @param members the members, keys unique
     * @param task the task
     * @param <W> the type of the members' targets
     * @return the report, lines in the members' order
     * @throws InvalidInputException when two members share a key
     */
    public <W> FleetReport run(List<FleetMember<W>> members, FleetTask<? super W> task) {
        InvalidInputException.requireNonNull(members, "fleet members");
        InvalidInputException.requireNonNull(task, "fleet task");
        Set<String> keys = new HashSet<>();
        for (FleetMember<W> member : members) {
            InvalidInputException.requireNonNull(member, "fleet member");
            if (!keys.add(member.key())) {
                throw InvalidInputException.of("fleet member key", member.key(), "two members have this key",
                        "a key per member, unique within the run");
            }
        }
        return new FleetRun<W>(List.copyOf(members), task, gate, Math.max(1, Math.min(membersInFlight, members.size())),
                listener, clock).run();
    }

    /**
     * Returns the gate that bounds the calls in flight across the fleet: give it to each member's connection.
     *
     * @return the fleet's gate, admitting {@link #concurrency()} calls at once
     */
    public CallGate callGate() {
        return gate;
    }

    /**
     * Returns the most calls in flight at once across all members (through {@link #callGate()}).
     *
     * @return the total concurrency
     */
    public int concurrency() {
        return concurrency;
    }

    /**
     * Returns the most members whose task runs at once.
     *
     * @return the members in flight
     */
    public int membersInFlight() {
        return membersInFlight;
    }

    @Override
    public String toString() {
        return "Fleet[concurrency " + concurrency + ", " + membersInFlight + " members in flight]";
    }

    /** Configures a {@link Fleet}; every setting is checked when set. */
    public static final class Builder {
        private int concurrency = 16;
        private int membersInFlight;
        private FleetListener listener = FleetListener.NONE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the most calls on the wire at once across all members: the limit of the fleet's {@link CallGate}.
         *
         * @param value from 1 to 10,000
         * @return this builder
         */
        public Builder concurrency(int value) {
            this.concurrency = inRange("fleet concurrency", value);
            return this;
        }

        /**
         * Sets the most members whose task runs at once (one thread each); by default the concurrency. Members
         * mostly waiting for their own rate limit leave the wire free, so a fleet of rate-limited workspaces runs
         * more members than calls: e.g. 200 members in flight for a concurrency of 64.
         *
         * @param value from 1 to 10,000
         * @return this builder
         */
        public Builder membersInFlight(int value) {
            this.membersInFlight = inRange("members in flight", value);
            return this;
        }

        /**
         * Sets the listener that hears each member's start and end.
         *
         * @param value the listener, thread-safe
         * @return this builder
         */
        public Builder listener(FleetListener value) {
            this.listener = InvalidInputException.requireNonNull(value, "fleet listener");
            return this;
        }

        /**
         * Sets the clock that times each member's line and the run (the engine's clock; a fake one in tests).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = InvalidInputException.requireNonNull(value, "fleet clock");
            return this;
        }

        /**
         * Builds the fleet, with a call gate of its own.
         *
         * @return the fleet
         */
        public Fleet build() {
            return new Fleet(this);
        }

        private static int inRange(String field, int value) {
            if (value < 1 || value > MAX_THREADS) {
                throw InvalidInputException.of(field, Integer.toString(value), "it is out of range",
                        "1 to " + MAX_THREADS);
            }
            return value;
        }
    }
}
