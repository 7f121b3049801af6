package org.adjoint4j.checkpoint.schedule;

import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.Tier;

/**
 * Optimal binomial checkpointing ("revolve", Griewank &amp; Walther, ACM TOMS 26(1), 2000) of
 * {@code l} steps with {@code s} memory slots.
 *
 * <h2>Convention</h2>
 * {@code s} counts every slot, including the one that holds u<sub>0</sub>. The adjoint of step
 * {@code n} receives u<sub>n</sub>, so no "recording" forward evaluation precedes an adjoint step;
 * the only extra evaluation is the {@link org.adjoint4j.checkpoint.Action.Turn turn}, which computes
 * u<sub>l</sub> for the final objective term.
 *
 * <h2>Optimality</h2>
 * Let {@code β(s, r) = C(s+r, s)}, the most steps that {@code s} slots can reverse when no step is
 * evaluated more than {@code r} times, and let {@code r} be the smallest integer with
 * {@code β(s, r) >= l}. The schedule calls the forward step exactly
 * <pre>
 *     t(l, s) + 1,   t(l, s) = r·l − β(s+1, r−1) = r·l − C(s+r, s+1)
 * </pre>
 * times (for {@code l = 1000, s = 10}: 3637), the minimum over all schedules with {@code s} slots.
 *
 * <h2>Algorithm</h2>
 * To reverse steps {@code c .. e} (length {@code L}) with {@code f} free slots, one of them holding
 * u<sub>c</sub>, advance {@code m} steps, reverse {@code c+m .. e} with {@code f-1} slots, restore
 * u<sub>c</sub> and reverse {@code c .. c+m-1} with {@code f} slots. The cost is minimal exactly when
 * the first part's steps are evaluated at most {@code r-1} more times and the second part's at most
 * {@code r} times, which holds for any
 * <pre>
 *     max(β(f, r−2), L − β(f−1, r))  ≤  m  ≤  min(β(f, r−1), L − β(f−1, r−1));
 * </pre>
 * the schedule takes the smallest such {@code m}. A range of one step is reversed with its input
 * live and needs no slot. Actions are generated lazily with O(s) memory: a stack of the stored
 * steps and a stack of free slots.
 */
public final class BinomialSchedule implements Schedule {

    private final int steps;
    private final int snapshots;

    private BinomialSchedule(int steps, int snapshots) {
        this.steps = steps;
        this.snapshots = snapshots;
    }

    /**
     * The optimal schedule for {@code steps} steps and {@code snapshots} memory slots.
     *
     * @param steps     number of time steps {@code l}, at least 1
     * @param snapshots number of memory slots {@code s}, including u<sub>0</sub>'s, at least 1
     * @return the schedule; its actions are generated lazily by each cursor
     * @throws IllegalArgumentException naming the parameter if either is below 1
     */
    public static BinomialSchedule of(int steps, int snapshots) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        if (snapshots < 1) {
            throw new IllegalArgumentException("snapshots must be >= 1, was " + snapshots);
        }
        return new BinomialSchedule(steps, snapshots);
    }

    @Override
    public int steps() {
        return steps;
    }

    /**
     * The number of memory slots the schedule was given.
     *
     * @return {@code s} as passed to {@link #of(int, int)}; {@link #slots(Tier)} may be smaller
     *         when the run has fewer steps than slots
     */
    public int snapshots() {
        return snapshots;
    }

    @Override
    public int slots(Tier tier) {
        // Steps l-1 is never stored (the turn uses it live), so more than l-1 slots are never used.
        return tier == Tier.MEMORY ? Math.min(snapshots, steps - 1) : 0;
    }

    @Override
    public ActionCursor cursor() {
        return new Cursor(steps, Math.min(snapshots, Math.max(steps - 1, 1)));
    }

    @Override
    public String toString() {
        return "binomial(steps=" + steps + ", snapshots=" + snapshots + ")";
    }

    /**
     * The number of steps to advance from the start of a range of {@code length >= 2} steps that
     * has {@code free >= 1} slots, one of them holding the range's first state.
     */
    static int split(int length, int free) {
        if (free == 1) {
            return length - 1;
        }
        // b(r) = β(free, r) = C(free + r, free); b(-1) = 0, b(0) = 1.
        long bMinus2 = 0;
        long bMinus1 = 1;
        long b = 1;
        int r = 0;
        while (b < length) {
            r++;
            bMinus2 = bMinus1;
            bMinus1 = b;
            b = b * (free + r) / r;
        }
        long rightMax = b * (free) / (free + r);                     // β(free-1, r)
        long rightMin = bMinus1 * (free) / (free + r - 1);           // β(free-1, r-1)
        long lower = Math.max(Math.max(bMinus2, length - rightMax), 1);
        long upper = Math.min(bMinus1, length - rightMin);
        if (lower > upper || upper > length - 1) {
            throw new AssertionError("no optimal split for length " + length + ", free " + free);
        }
        return (int) lower;
    }

    /** The lazy walk: the whole run is one range reversed by {@link BinomialRange}. */
    private static final class Cursor extends QueuedCursor {
        private final BinomialRange range;

        Cursor(int steps, int slots) {
            int[] all = new int[slots];
            for (int i = 0; i < slots; i++) {
                all[i] = i;
            }
            this.range = new BinomialRange(slots);
            range.reset(0, steps - 1, all, slots, -1, true);
        }

        @Override
        protected void plan() {
            range.plan(this);
        }
    }
}
