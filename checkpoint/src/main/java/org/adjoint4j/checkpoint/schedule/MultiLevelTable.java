package org.adjoint4j.checkpoint.schedule;

import java.util.Arrays;

/**
 * The dynamic programme behind {@link MultiLevelSchedule}: optimal costs and splits of the disk level,
 * in units of one forward step, for every range length up to {@code l}.
 *
 * <p>Notation, for a range of {@code L} steps whose first state u<sub>c</sub> is live and
 * {@code b} free disk slots: {@code T(L)} is the binomial cost with all {@code s_m} memory slots
 * (closed form); {@code P_b(L)} is the least cost when u<sub>c</sub> is on disk and stays there
 * while the rest of the range is reversed; then
 * <pre>
 *     free  (u_c not on disk):  F_b(L) = min(T(L), w + P_{b−1}(L))        F_0 = T
 *     held  (u_c on disk):      H_b(L) = min(T(L), P_b(L))
 *     P_b(L) = min over 1 ≤ j &lt; L of  j + F_b(L−j) + r + H_b(j)
 * </pre>
 * ({@code j} steps are advanced, the right part is reversed, u<sub>c</sub> is read back and the
 * left part reversed). With unlimited disk the index {@code b} disappears and {@code F}, {@code H}
 * and {@code P} form one row computed together.
 *
 * <p>The minimum over {@code j} is exact but does not scan every {@code j}: it is a branch and bound
 * over dyadic blocks of {@code j}. Both parts are non-decreasing in their lengths, so on a block
 * {@code [lo, hi]} the cost is at least
 * {@code f(lo) + g(L−hi) + (hi−lo)·min(σ_f, σ_g)}, where {@code f(j) = j + r + H(j)},
 * {@code g(k) = F(k)} and {@code σ} are the least increments of {@code f} and {@code g} over the
 * block; a block whose bound is not below the best cost found is skipped. Blocks of at most
 * {@value #LEAF} candidates are scanned.
 */
final class MultiLevelTable {

    /** Most table cells ({@code rows × (l+1)}) built; about 12 bytes each. */
    static final long MAX_CELLS = 1L << 22;

    private static final int LEAF = 8;

    private final int steps;
    private final double memoryOnlyCost;
    private final boolean unlimited;
    private final int diskSlots;
    private final double writeCost;
    private final double[] memoryCost;
    private final double[][] onDisk;
    private final int[][] split;
    private final int lastRow;

    private MultiLevelTable(int steps, boolean unlimited, int diskSlots, double writeCost, double[] memoryCost,
                            double[][] onDisk, int[][] split, int lastRow) {
        this.steps = steps;
        this.memoryOnlyCost = memoryCost[steps];
        this.unlimited = unlimited;
        this.diskSlots = diskSlots;
        this.writeCost = writeCost;
        this.memoryCost = memoryCost;
        this.onDisk = onDisk;
        this.split = split;
        this.lastRow = lastRow;
    }

    /**
     * Builds the table for {@code steps} steps, {@code memorySlots} memory slots and
     * {@code diskSlots} disk slots ({@code -1}: unlimited).
     *
     * <p>With limited disk it first solves the unlimited problem; if that solution never holds more
     * than {@code diskSlots} states on disk it is optimal for the limit too and is used. Otherwise
     * one row per disk slot is built (rows stop early once another slot no longer lowers any
     * cost).
     *
     * @throws IllegalArgumentException if the table would exceed {@link #MAX_CELLS} cells
     */
    static MultiLevelTable build(int steps, int memorySlots, int diskSlots, double writeCost, double readCost) {
        if (diskSlots == 0 || steps == 1) {
            return new MultiLevelTable(steps, memoryOnlyCost(steps, memorySlots));
        }
        requireCells(steps + 1L, steps + " steps");
        double[] t = memoryCosts(steps, memorySlots);
        RowSolver solver = new RowSolver(steps, t, writeCost, readCost);
        double[] p = new double[steps + 1];
        int[] j = new int[steps + 1];
        solver.solve(null, true, p, j);
        MultiLevelTable unlimited = new MultiLevelTable(steps, true, -1, writeCost, t,
                new double[][] {p}, new int[][] {j}, 0);
        if (diskSlots < 0 || unlimited.unlimitedPeak() <= diskSlots) {
            return unlimited;
        }
        requireCells((long) diskSlots * (steps + 1), diskSlots + " disk slots");
        double[][] rows = new double[diskSlots][];
        int[][] splits = new int[diskSlots][];
        int last = diskSlots - 1;
        for (int b = 0; b < diskSlots; b++) {
            rows[b] = new double[steps + 1];
            splits[b] = new int[steps + 1];
            solver.solve(b == 0 ? null : rows[b - 1], false, rows[b], splits[b]);
            if (b > 0 && Arrays.equals(rows[b], rows[b - 1])) {
                // F_{b+1} = min(T, w + P_b) = F_b: every further row would repeat this one.
                last = b;
                break;
            }
        }
        return new MultiLevelTable(steps, false, diskSlots, writeCost, t,
                Arrays.copyOf(rows, last + 1), Arrays.copyOf(splits, last + 1), last);
    }

    /** A table without disk: every range is reversed in memory. */
    private MultiLevelTable(int steps, double memoryOnlyCost) {
        this.steps = steps;
        this.memoryOnlyCost = memoryOnlyCost;
        this.unlimited = false;
        this.diskSlots = 0;
        this.writeCost = 0;
        this.memoryCost = null;
        this.onDisk = new double[0][];
        this.split = new int[0][];
        this.lastRow = -1;
    }

    /** Whether the schedule may use disk at all. */
    boolean usesDisk() {
        return onDisk.length > 0;
    }

    /** t(l, s) = r·l − C(s+r, s+1) with r the least integer such that C(s+r, s) >= l. */
    private static double memoryOnlyCost(int steps, int slots) {
        long r = 0;
        long beta = 1;
        while (beta < steps) {
            r++;
            beta = beta * (slots + r) / r;
        }
        // C(s+r, s+1) = C(s+r, s)·r/(s+1), exactly
        return r * steps - beta * r / (slots + 1);
    }

    private static void requireCells(long cells, String what) {
        if (cells > MAX_CELLS) {
            throw new IllegalArgumentException("the multi-level table for " + what + " needs " + cells
                    + " cells, more than the limit of " + MAX_CELLS
                    + "; use fewer steps or disk slots, or a memory-only schedule");
        }
    }

    /** T(L) = t(L, s_m), the binomial cost without the turn, for L = 1 .. steps. */
    private static double[] memoryCosts(int steps, int memorySlots) {
        double[] t = new double[steps + 1];
        // t(L+1) − t(L) is the repetition number r(L+1), the least r with C(s+r, s) >= L+1.
        long r = 0;
        long beta = 1;
        for (int length = 2; length <= steps; length++) {
            while (beta < length) {
                r++;
                beta = beta * (memorySlots + r) / r;
            }
            t[length] = t[length - 1] + r;
        }
        return t;
    }

    /** The optimal cost of the whole run, the turn included. */
    double optimalCost() {
        if (!usesDisk()) {
            return memoryOnlyCost + 1;
        }
        return free(steps, unlimited ? Integer.MAX_VALUE : diskSlots) + 1;
    }

    /**
     * Whether a range of {@code length >= 2} steps is reversed with memory only.
     *
     * @param held     whether its first state is on disk
     * @param freeDisk free disk slots, not counting the one that holds the first state
     */
    boolean memoryOnly(int length, boolean held, int freeDisk) {
        if (held) {
            return memoryCost[length] <= onDisk[row(freeDisk)][length];
        }
        return !unlimited && freeDisk == 0
                || memoryCost[length] <= writeCost + onDisk[row(freeDisk - 1)][length];
    }

    /**
     * How many steps to advance in a range of {@code length} steps whose first state is on disk,
     * with {@code freeDisk} other free disk slots.
     */
    int split(int length, int freeDisk) {
        return split[row(freeDisk)][length];
    }

    private double free(int length, int freeDisk) {
        if (!unlimited && freeDisk == 0) {
            return memoryCost[length];
        }
        return Math.min(memoryCost[length], writeCost + onDisk[row(freeDisk - 1)][length]);
    }

    private int row(int freeDisk) {
        return unlimited ? 0 : Math.min(freeDisk, lastRow);
    }

    /**
     * For a table built for unlimited disk: the most disk slots its schedule holds at once, found
     * bottom-up from the splits (a held first state counts for its range's parent).
     */
    private int unlimitedPeak() {
        int[] freeExtra = new int[steps + 1];
        int[] heldExtra = new int[steps + 1];
        for (int length = 2; length <= steps; length++) {
            int j = split[0][length];
            int below = Math.max(freeExtra[length - j], heldExtra[j]);
            heldExtra[length] = memoryOnly(length, true, 0) ? 0 : below;
            freeExtra[length] = memoryOnly(length, false, 0) ? 0 : 1 + below;
        }
        return freeExtra[steps];
    }

    /** One row of {@code P}: the exact minimum over splits by branch and bound, reusing its buffers. */
    private static final class RowSolver {
        private final int steps;
        private final double[] t;
        private final double w;
        private final double r;
        private final double[] f;
        private final double[] g;
        private final DyadicMinima fSlopes;
        private final DyadicMinima gSlopes;
        private final int top;
        private final int[] stackLevel;
        private final int[] stackIndex;

        RowSolver(int steps, double[] t, double w, double r) {
            this.steps = steps;
            this.t = t;
            this.w = w;
            this.r = r;
            this.f = new double[steps + 1];
            this.g = new double[steps + 1];
            this.fSlopes = new DyadicMinima(steps + 1);
            this.gSlopes = new DyadicMinima(steps + 1);
            this.top = fSlopes.levels() - 1;
            this.stackLevel = new int[2 * top + 4];
            this.stackIndex = new int[2 * top + 4];
        }

        /**
         * Fills {@code p} and {@code j} for one row.
         *
         * @param previous  read: the row with one disk slot fewer, {@code null} for the first row
         * @param unlimited whether this is the unlimited row, whose right parts come from the row
         *                  itself as it grows ({@code previous} is then ignored)
         * @param p         written: P(L) for L = 1 .. steps
         * @param j         written: a split that attains P(L)
         */
        void solve(double[] previous, boolean unlimited, double[] p, int[] j) {
            fSlopes.clear();
            gSlopes.clear();
            f[1] = 1 + r;
            g[1] = 0;
            if (!unlimited) {
                for (int length = 2; length <= steps; length++) {
                    g[length] = previous == null ? t[length] : Math.min(t[length], w + previous[length]);
                    gSlopes.put(length - 1, g[length] - g[length - 1]);
                }
            }
            int guess = 1;
            for (int length = 2; length <= steps; length++) {
                int arg = minimise(length, guess);
                double best = f[arg] + g[length - arg];
                p[length] = best;
                j[length] = arg;
                guess = arg;
                f[length] = length + r + Math.min(t[length], best);
                fSlopes.put(length - 1, f[length] - f[length - 1]);
                if (unlimited) {
                    g[length] = Math.min(t[length], w + best);
                    gSlopes.put(length - 1, g[length] - g[length - 1]);
                }
            }
        }

        /** A split in [1, length−1] of least cost, the search seeded at {@code guess} and {@code guess+1}. */
        private int minimise(int length, int guess) {
            int bestJ = Math.min(guess, length - 1);
            double best = f[bestJ] + g[length - bestJ];
            if (bestJ + 1 <= length - 1) {
                double v = f[bestJ + 1] + g[length - bestJ - 1];
                if (v < best) {
                    best = v;
                    bestJ = bestJ + 1;
                }
            }
            int sp = 0;
            stackLevel[sp] = top;
            stackIndex[sp] = 0;
            sp++;
            while (sp > 0) {
                sp--;
                int level = stackLevel[sp];
                int block = stackIndex[sp];
                int lo = Math.max(1, block << level);
                int hi = Math.min(length - 1, ((block + 1) << level) - 1);
                if (lo > hi) {
                    continue;
                }
                if (hi - lo < LEAF) {
                    for (int c = lo; c <= hi; c++) {
                        double v = f[c] + g[length - c];
                        if (v < best) {
                            best = v;
                            bestJ = c;
                        }
                    }
                    continue;
                }
                double slope = Math.min(fSlopes.block(level, block),
                        gSlopes.cover(level, length - hi, length - lo - 1));
                double bound = f[lo] + g[length - hi] + (hi - lo) * slope;
                if (bound >= best) {
                    continue;
                }
                int near = 2 * block;
                int far = 2 * block + 1;
                if ((bestJ >> (level - 1)) == far) {
                    near = far;
                    far = 2 * block;
                }
                stackLevel[sp] = level - 1;
                stackIndex[sp] = far;
                sp++;
                stackLevel[sp] = level - 1;
                stackIndex[sp] = near;
                sp++;
            }
            return bestJ;
        }
    }
}
