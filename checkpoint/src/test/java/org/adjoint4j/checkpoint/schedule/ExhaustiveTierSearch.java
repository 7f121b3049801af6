package org.adjoint4j.checkpoint.schedule;

import java.util.Arrays;

/**
 * The true minimum of {@code forward evaluations + w·disk writes + r·disk reads} over every possible
 * schedule with memory and disk slots, by Dijkstra's algorithm over driver states (live step, steps
 * held in memory, steps held on disk, next adjoint step). Moves: advance one step (cost 1), turn
 * (cost 1), store the live state to memory (0) or disk (w), restore from memory (0) or disk (r),
 * discard, run the next adjoint step with its input live (0). Knows nothing of binomial theory or of
 * the dynamic programmes under test.
 */
final class ExhaustiveTierSearch {

    private ExhaustiveTierSearch() {
    }

    /**
     * @param diskSlots disk slots; {@code -1} for unlimited
     */
    static double minimalCost(int l, int memorySlots, int diskSlots, double w, double r) {
        if (l > 14) {
            throw new IllegalArgumentException("search is exponential; l <= 14");
        }
        int disk = diskSlots < 0 ? l : diskSlots;
        Search search = new Search();
        long start = encode(0, 0, 0, l - 1);
        search.relax(start, 0);
        while (search.size > 0) {
            double d = search.topCost();
            long s = search.pop();
            if (d > search.best(s)) {
                continue;
            }
            int live = (int) (s & 0xF);
            int next = (int) ((s >>> 4) & 0x1F) - 1;
            int mem = (int) ((s >>> 9) & 0x3FFF);
            int dsk = (int) ((s >>> 23) & 0x3FFF);
            if (next == -1) {
                return d;
            }
            boolean turned = next < l - 1;
            if (live + 1 <= next) {
                relax(search, live + 1, mem, dsk, next, d + 1);
            }
            if (!turned && live == l - 1) {
                relax(search, live, mem, dsk, next - 1, d + 1);
            }
            if (turned && live == next) {
                relax(search, live, mem, dsk, next - 1, d);
            }
            int bit = 1 << live;
            if ((mem & bit) == 0 && Integer.bitCount(mem) < memorySlots) {
                relax(search, live, mem | bit, dsk, next, d);
            }
            if ((dsk & bit) == 0 && Integer.bitCount(dsk) < disk) {
                relax(search, live, mem, dsk | bit, next, d + w);
            }
            for (int k = 0; k < l; k++) {
                int b = 1 << k;
                if ((mem & b) != 0) {
                    relax(search, k, mem, dsk, next, d);
                    relax(search, live, mem & ~b, dsk, next, d);
                }
                if ((dsk & b) != 0) {
                    relax(search, k, mem, dsk, next, d + r);
                    relax(search, live, mem, dsk & ~b, next, d);
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static void relax(Search search, int live, int mem, int dsk, int next, double cost) {
        // A state beyond the next adjoint step is never needed again: dropping it loses nothing.
        int keep = next < 0 ? 0 : (1 << (next + 1)) - 1;
        search.relax(encode(live, mem & keep, dsk & keep, next), cost);
    }

    /** Best costs in an open-addressing table and a binary heap of (cost, state), both of primitives. */
    private static final class Search {
        private long[] keys = new long[1 << 12];
        private double[] costs = new double[1 << 12];
        private int count;
        private double[] heapCost = new double[1 << 12];
        private long[] heapState = new long[1 << 12];
        int size;

        Search() {
            Arrays.fill(keys, -1);
        }

        double best(long state) {
            int i = find(state);
            return keys[i] == state ? costs[i] : Double.POSITIVE_INFINITY;
        }

        void relax(long state, double cost) {
            int i = find(state);
            if (keys[i] == state && costs[i] <= cost) {
                return;
            }
            if (keys[i] != state) {
                keys[i] = state;
                if (++count * 2 > keys.length) {
                    costs[i] = cost;
                    grow();
                    push(state, cost);
                    return;
                }
            }
            costs[i] = cost;
            push(state, cost);
        }

        private int find(long state) {
            int mask = keys.length - 1;
            int i = (int) (state * 0x9E3779B97F4A7C15L >>> 40) & mask;
            while (keys[i] != -1 && keys[i] != state) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] oldKeys = keys;
            double[] oldCosts = costs;
            keys = new long[oldKeys.length * 2];
            costs = new double[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    int j = find(oldKeys[i]);
                    keys[j] = oldKeys[i];
                    costs[j] = oldCosts[i];
                }
            }
        }

        double topCost() {
            return heapCost[0];
        }

        private void push(long state, double cost) {
            if (size == heapCost.length) {
                heapCost = Arrays.copyOf(heapCost, size * 2);
                heapState = Arrays.copyOf(heapState, size * 2);
            }
            int i = size++;
            while (i > 0 && heapCost[(i - 1) / 2] > cost) {
                heapCost[i] = heapCost[(i - 1) / 2];
                heapState[i] = heapState[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            heapCost[i] = cost;
            heapState[i] = state;
        }

        long pop() {
            long top = heapState[0];
            size--;
            double cost = heapCost[size];
            long state = heapState[size];
            int i = 0;
            while (2 * i + 1 < size) {
                int c = 2 * i + 1;
                if (c + 1 < size && heapCost[c + 1] < heapCost[c]) {
                    c++;
                }
                if (heapCost[c] >= cost) {
                    break;
                }
                heapCost[i] = heapCost[c];
                heapState[i] = heapState[c];
                i = c;
            }
            heapCost[i] = cost;
            heapState[i] = state;
            return top;
        }
    }

    private static long encode(int live, int mem, int dsk, int next) {
        return live | ((long) (next + 1) << 4) | ((long) mem << 9) | ((long) dsk << 23);
    }
}
