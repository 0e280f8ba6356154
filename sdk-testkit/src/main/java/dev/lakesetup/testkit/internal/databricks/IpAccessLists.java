package dev.lakesetup.testkit.internal.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The IP access lists of a fake workspace and whether the feature is on; changed only by seeding. */
public final class IpAccessLists {
    private static final Set<String> TYPES = Set.of("ALLOW", "BLOCK");

    /**
     * One IP access list.
     *
     * @param id the list id
     * @param label the label
     * @param type {@code ALLOW} or {@code BLOCK}
     * @param enabled whether the list is enabled
     * @param addresses IPv4 addresses and CIDR blocks
     */
    public record Entry(String id, String label, String type, boolean enabled, List<String> addresses) {
        /**
         * Checks the type and copies the addresses.
         *
         * @param id the list id
         * @param label the label
         * @param type {@code ALLOW} or {@code BLOCK}
         * @param enabled whether the list is enabled
         * @param addresses IPv4 addresses and CIDR blocks
         */
        public Entry {
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("list type must be ALLOW or BLOCK, was '" + type + "'");
            }
            addresses = List.copyOf(addresses);
        }
    }

    private final List<Entry> lists = new ArrayList<>();
    private boolean featureEnabled;

    /** Returns the lists, in the order they were added. */
    public List<Entry> lists() {
        return List.copyOf(lists);
    }

    /** Tells whether the workspace setting {@code enableIpAccessLists} is on. */
    public boolean featureEnabled() {
        return featureEnabled;
    }

    /** Switches the feature on or off. */
    public void featureEnabled(boolean enabled) {
        this.featureEnabled = enabled;
    }

    /** Adds a list with the next id. */
    public void add(String label, String type, boolean enabled, List<String> addresses) {
        lists.add(new Entry("list-" + (lists.size() + 1), label, type, enabled, addresses));
    }
}
