package dev.lakesetup.core.plan;

import dev.lakesetup.core.internal.Hashes;
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
        int slot = slotOf(changes.get(position).id());
        if (slots[slot] != 0) {
            return slots[slot] - 1;
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
        return slots[slotOf(id)] - 1;
    }

    /** Returns the slot holding the change with this id, or the empty slot where it would go. */
    private int slotOf(ChangeId id) {
        // mixed: ids share long prefixes and differ in their last characters
        int slot = Hashes.mix(id.hashCode()) & mask;
        while (slots[slot] != 0 && !changes.get(slots[slot] - 1).id().equals(id)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
