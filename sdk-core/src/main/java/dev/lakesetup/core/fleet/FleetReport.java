package dev.lakesetup.core.fleet;

import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a fleet run did: one {@link FleetLine} per member, in the order the members were given, the counts per
 * status and the run's wall time. A report is data; {@link FleetFormat} renders it for people and for machines.
 * Immutable.
 */
public final class FleetReport {
    private final List<FleetLine> lines;
    private final Duration wall;
    private final Map<FleetStatus, Integer> counts;

    private FleetReport(List<FleetLine> lines, Duration wall) {
        this.lines = List.copyOf(InvalidInputException.requireNonNull(lines, "fleet report lines"));
        this.wall = InvalidInputException.requireNonNull(wall, "fleet report wall time");
        Set<String> keys = new HashSet<>();
        Map<FleetStatus, Integer> byStatus = new EnumMap<>(FleetStatus.class);
        for (FleetStatus status : FleetStatus.values()) {
            byStatus.put(status, 0);
        }
        for (FleetLine line : this.lines) {
            if (!keys.add(line.key())) {
                throw InvalidInputException.of("fleet report lines", line.key(), "two lines have this key",
                        "one line per member");
            }
            byStatus.merge(line.status(), 1, Integer::sum);
        }
        this.counts = Collections.unmodifiableMap(byStatus);
    }

    /**
     * Returns a report of these lines; a fleet run makes one, and so can another runner of the same tasks (a
     * durable workflow) so that both render alike.
     *
     * @param lines one line per member, keys unique, in report order
     * @param wall the run's wall time
     * @return the report
     */
    public static FleetReport of(List<FleetLine> lines, Duration wall) {
        return new FleetReport(lines, wall);
    }

    /**
     * Returns the lines, one per member, in the order the members were given.
     *
     * @return the lines
     */
    public List<FleetLine> lines() {
        return lines;
    }

    /**
     * Returns one member's line.
     *
     * @param key the member's key
     * @return the line, or empty for a key that is not in the report
     */
    public Optional<FleetLine> line(String key) {
        return lines.stream().filter(line -> line.key().equals(key)).findFirst();
    }

    /**
     * Returns the run's wall time, from the first member's start to the last one's end.
     *
     * @return the wall time
     */
    public Duration wall() {
        return wall;
    }

    /**
     * Returns the members of each status, every status present (zero when none).
     *
     * @return the counts, in the statuses' order
     */
    public Map<FleetStatus, Integer> counts() {
        return counts;
    }

    /**
     * Returns the members of one status.
     *
     * @param status the status
     * @return how many lines have it
     */
    public int count(FleetStatus status) {
        return counts.get(InvalidInputException.requireNonNull(status, "status"));
    }

    /**
     * Returns the lines of the members that failed or were cancelled.
     *
     * @return the lines whose status {@link FleetStatus#isProblem() is a problem}, in report order
     */
    public List<FleetLine> problems() {
        return lines.stream().filter(line -> line.status().isProblem()).toList();
    }

    /**
     * Tells whether every member's task ran and none failed.
     *
     * @return {@code true} when no line is {@link FleetStatus#FAILED} or {@link FleetStatus#CANCELLED}
     */
    public boolean isSuccess() {
        return count(FleetStatus.FAILED) == 0 && count(FleetStatus.CANCELLED) == 0;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("FleetReport[").append(lines.size()).append(" members in ")
                .append(wall.toMillis()).append(" ms");
        counts.forEach((status, count) -> {
            if (count > 0) {
                out.append(", ").append(count).append(' ').append(status);
            }
        });
        return out.append(']').toString();
    }
}
