package org.adjoint4j.checkpoint.schedule;

import java.util.Arrays;

/**
 * Minima of a growing array over aligned dyadic blocks: level {@code k} holds the minimum of every
 * block {@code [q·2^k, (q+1)·2^k − 1]}. Entries not yet put count as +∞. About {@code 2n} doubles.
 */
final class DyadicMinima {

    private final int[] offset;
    private final double[] minima;

    /** Blocks over the indices {@code 0 .. size−1}, up to the level whose single block covers them all. */
    DyadicMinima(int size) {
        int levels = 1;
        while ((1L << (levels - 1)) < size) {
            levels++;
        }
        this.offset = new int[levels];
        int total = 0;
        for (int k = 0; k < levels; k++) {
            offset[k] = total;
            total += ((size - 1) >> k) + 1;
        }
        this.minima = new double[total];
        clear();
    }

    /** Number of levels; the top one has a single block. */
    int levels() {
        return offset.length;
    }

    /** Forgets every entry. */
    void clear() {
        Arrays.fill(minima, Double.POSITIVE_INFINITY);
    }

    /** Enters {@code value} at {@code index}. */
    void put(int index, double value) {
        for (int k = 0; k < offset.length; k++) {
            int i = offset[k] + (index >> k);
            if (value < minima[i]) {
                minima[i] = value;
            }
        }
    }

    /** The minimum over block {@code block} of level {@code level}. */
    double block(int level, int block) {
        return minima[offset[level] + block];
    }

    /**
     * A lower bound of the minimum over {@code [lo, hi]}, a range of at most {@code 2^level}
     * indices: the minimum over the (at most two) level-{@code level} blocks that cover it.
     */
    double cover(int level, int lo, int hi) {
        return Math.min(minima[offset[level] + (lo >> level)], minima[offset[level] + (hi >> level)]);
    }
}
