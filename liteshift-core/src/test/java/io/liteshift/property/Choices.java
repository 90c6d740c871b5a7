package io.liteshift.property;

import java.util.List;

/**
 * Turns a list of generated integers ("genes") into decisions. Every decision reads the next gene; a missing
 * gene reads as 0, and 0 always means the simplest option, so jqwik's shrinking (shorter lists, smaller numbers)
 * walks a failure down to the smallest schema, row set and evolution that still fail.
 */
final class Choices {
    private final List<Integer> genes;
    private int next;

    Choices(List<Integer> genes) {
        this.genes = genes;
    }

    /** A number in [0, n). */
    int pick(int n) {
        int gene = next < genes.size() ? genes.get(next) : 0;
        next++;
        return n <= 1 ? 0 : Math.floorMod(gene, n);
    }

    /** True with about {@code percent}% probability; false when shrunk to 0. */
    boolean flag(int percent) {
        return pick(100) >= 100 - percent;
    }

    <T> T oneOf(List<T> options) {
        return options.get(pick(options.size()));
    }
}
