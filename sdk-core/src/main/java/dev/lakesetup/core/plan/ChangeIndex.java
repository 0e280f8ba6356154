package dev.lakesetup.core.plan;

import java.util.List;

/**
 * Finds changes by id in a list of changes: an open-addressing table of positions (linear probing, at most half
 * full), so indexing a plan of many changes allocates one array and no entry per change.
 */
final class ChangeIndex {
    private final List<? extends Change> changes;
    private final int[] slots;
    private final int mask;

    /**
     * Indexes no change yet; {@link #add(int)} adds them.
     *
     * @param changes the changes the positions refer to
     */
    ChangeIndex(List<? extends Change> changes) {
        this.changes = changes;
        int capacity = Integer.highestOneBit(Math.max(2, changes.size()) * 2 - 1) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
    }

    /**
     * Adds the change at a position, unless a change with its id was added before.
     *
     * @param position the change's position in the list
     * @return -1 when added, else the position of the change already added with that id
     */
    int add(int position) {
        ChangeId id = changes.get(position).id();
        int slot = spread(id.hashCode()) & mask;
        while (slots[slot] != 0) {
            int other = slots[slot] - 1;
            if (changes.get(other).id().equals(id)) {
                return other;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = position + 1;
        return -1;
    }

    /**
     * Returns the position of the change with this id.
     *
     * @param id the id
     * @return the position, or -1 when no change added has it
     */
    int positionOf(ChangeId id) {
        int slot = spread(id.hashCode()) & mask;
        while (slots[slot] != 0) {
            int position = slots[slot] - 1;
            if (changes.get(position).id().equals(id)) {
                return position;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Mixes all bits of a hash code into the low ones, which pick the slot (ids share long prefixes). */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
