package dev.lakesetup.core.internal;

/**
 * Hash code helpers shared by the model and the plan.
 */
public final class Hashes {
    private Hashes() {
    }

    /**
     * Spreads the bits of a hash code over all 32 bits (the finalizer of MurmurHash3), so that values that differ
     * only in a trailing number, and values combined from such parts, land in different buckets.
     *
     * @param h a hash code
     * @return the mixed hash code
     */
    public static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
