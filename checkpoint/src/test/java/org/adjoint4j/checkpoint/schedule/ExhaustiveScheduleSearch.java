package org.adjoint4j.checkpoint.schedule;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The true minimum of forward evaluations over every possible schedule, by a 0-1 breadth-first
 * search over driver states (live step, set of stored steps, next adjoint step). Moves: advance one
 * step (cost 1), turn (cost 1), store the live state into a free slot, restore or discard any stored
 * state, run the next adjoint step with its input live (cost 0). Independent of the binomial theory.
 */
final class ExhaustiveScheduleSearch {

    private ExhaustiveScheduleSearch() {
    }

    static long minimalForwardEvaluations(int l, int s) {
        if (l > 16) {
            throw new IllegalArgumentException("search is exponential; l <= 16");
        }
        int masks = 1 << l;
        // next adjoint step: l-1 before the turn, then l-2 ... -1; encoded as next + 1 in 0..l
        int states = l * masks * (l + 1);
        int[] dist = new int[states];
        Arrays.fill(dist, Integer.MAX_VALUE);
        Deque<Integer> queue = new ArrayDeque<>();
        int start = encode(0, 0, l - 1, l, masks);
        dist[start] = 0;
        queue.add(start);
        while (!queue.isEmpty()) {
            int state = queue.poll();
            int d = dist[state];
            int live = state % l;
            int mask = (state / l) % masks;
            int next = state / l / masks - 1;
            if (next == -1) {
                return d;
            }
            boolean turned = next < l - 1;
            // cost-1 moves
            if (live + 1 <= next) {
                relax(dist, queue, encode(live + 1, mask, next, l, masks), d + 1, false);
            }
            if (!turned && live == l - 1) {
                relax(dist, queue, encode(live, mask, next - 1, l, masks), d + 1, false);
            }
            // cost-0 moves
            if (turned && live == next) {
                relax(dist, queue, encode(live, mask, next - 1, l, masks), d, true);
            }
            if ((mask & (1 << live)) == 0 && Integer.bitCount(mask) < s) {
                relax(dist, queue, encode(live, mask | (1 << live), next, l, masks), d, true);
            }
            for (int k = 0; k < l; k++) {
                if ((mask & (1 << k)) != 0) {
                    relax(dist, queue, encode(k, mask, next, l, masks), d, true);
                    relax(dist, queue, encode(live, mask & ~(1 << k), next, l, masks), d, true);
                }
            }
        }
        throw new AssertionError("no schedule reverses " + l + " steps with " + s + " slots");
    }

    private static int encode(int live, int mask, int next, int l, int masks) {
        return live + l * (mask + masks * (next + 1));
    }

    private static void relax(int[] dist, Deque<Integer> queue, int state, int d, boolean free) {
        if (d < dist[state]) {
            dist[state] = d;
            if (free) {
                queue.addFirst(state);
            } else {
                queue.addLast(state);
            }
        }
    }
}
