package org.adjoint4j.checkpoint.schedule;

import java.util.Arrays;
import org.adjoint4j.checkpoint.ActionKind;
import org.adjoint4j.checkpoint.OnlineCursor;
import org.adjoint4j.checkpoint.OnlineSchedule;
import org.adjoint4j.checkpoint.Tier;

/**
 * Online checkpointing with {@code s} memory slots for runs whose number of steps is not known in
 * advance: Wang, Moin &amp; Iaccarino's dynamic checkpointing ("Minimal repetition dynamic
 * checkpointing algorithm for unsteady adjoint calculation", SIAM J. Sci. Comput. 31(4),
 * 2549–2567, 2009), followed by binomial reversal of the ranges between its checkpoints. See
 * {@link OnlineSchedule} for the protocol a driver follows.
 *
 * <h2>Forward phase</h2>
 * The checkpoints are placed by the level rule of Wang et al. on
 * {@code s + 1} positions, the newest of which is always the state the driver holds anyway: the
 * input u<sub>n−1</sub> of its latest forward call. A state therefore goes to a slot only if the
 * rule keeps it after the next step; the cursor knows this one step ahead, so it frees the slot of
 * the checkpoint the next step would drop before storing, and advances without stopping over states
 * it would not keep.
 *
 * <h2>Reverse phase</h2>
 * After {@link OnlineCursor#end(int) end(l)}: the turn (no forward call, u<sub>l−1</sub> is the
 * driver's), then every range between consecutive checkpoints {@code x_1 = 0 < ... < x_k <= l−2},
 * last range first, is reversed by the binomial schedule with the slots not held by the
 * checkpoints before it ({@code s − i + 1} for the i-th range).
 *
 * <h2>Bound</h2>
 * Let {@code r = r(l, s)} be the least {@code r} with {@code C(s+r, s) >= l}: every schedule with
 * {@code s} slots evaluates some step {@code r} times, and the offline optimum is
 * {@code t(l, s) + 1 = r·l − C(s+r, s+1) + 1} ({@link BinomialSchedule}). The placement keeps the
 * i-th range no longer than {@code C(s−i+r, s−i+1)} steps, so its binomial reversal evaluates each
 * of its steps at most {@code r − 1} more times, and the forward evaluations are at most
 * <pre>
 *     l + (r − 1)·(l − 1)        (= 1 for l = 1),
 * </pre>
 * which exceeds the offline optimum by at most {@code C(s+r, s+1) − r}. That is the minimal
 * repetition property Wang et al. prove for their placement; the tests check the range lengths and
 * the bound at every {@code l <= 10^5} for several {@code s}. The schedule equals the offline
 * optimum for {@code l <= s + 1} (every state is kept) and, for {@code s = 1}, for every {@code l}.
 * No online schedule under this protocol can equal it at all of {@code l = s+1, s+2, s+3} when
 * {@code s >= 2} (see {@code docs/checkpointing.md}).
 *
 * <p>Cost: O(s) per forward step to place checkpoints, O(s) memory; actions are generated lazily.
 */
public final class DynamicSchedule implements OnlineSchedule {

    private final int snapshots;

    private DynamicSchedule(int snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * The online schedule with {@code snapshots} memory slots.
     *
     * @param snapshots memory slots {@code s}, including u<sub>0</sub>'s, at least 1
     * @return the schedule; its actions are generated lazily by each cursor
     * @throws IllegalArgumentException naming the parameter if it is below 1
     */
    public static DynamicSchedule of(int snapshots) {
        if (snapshots < 1) {
            throw new IllegalArgumentException("snapshots must be >= 1, was " + snapshots);
        }
        return new DynamicSchedule(snapshots);
    }

    /**
     * The number of memory slots the schedule was given.
     *
     * @return {@code s} as passed to {@link #of(int)}, equal to {@code slots(Tier.MEMORY)}
     */
    public int snapshots() {
        return snapshots;
    }

    @Override
    public int slots(Tier tier) {
        return tier == Tier.MEMORY ? snapshots : 0;
    }

    @Override
    public OnlineCursor cursor() {
        return new Cursor(snapshots);
    }

    @Override
    public String toString() {
        return "dynamic(snapshots=" + snapshots + ")";
    }

    /** The walk: the placement runs one step ahead of the live state in the forward phase. */
    private static final class Cursor extends QueuedCursor implements OnlineCursor {
        private static final int LONGEST_RUN = Integer.MAX_VALUE - 2;

        private final int slots;
        private final LevelPlacement placement;
        private final int[] slotStep;
        private final BinomialRange range;
        private boolean started;
        // forward phase: the placement has taken every step up to target + 1
        private int target;
        private int dropAtTarget;
        // reverse phase: the checkpoints x_1 < ... < x_k <= last-2 and their slots
        private int last = -1;
        private int staleSlot;
        private final int[] checkpoint;
        private final int[] checkpointSlot;
        private int checkpoints;
        private int segment;
        private boolean turned;
        private final int[] freeSlots;

        Cursor(int slots) {
            this.slots = slots;
            this.placement = slots > 1 ? new LevelPlacement(slots + 1) : null;
            this.slotStep = new int[slots];
            Arrays.fill(slotStep, -1);
            this.range = new BinomialRange(slots);
            this.checkpoint = new int[slots];
            this.checkpointSlot = new int[slots];
            this.freeSlots = new int[slots];
        }

        @Override
        protected void plan() {
            if (last < 0) {
                planForward();
            } else {
                planReverse();
            }
        }

        private void planForward() {
            if (!started) {
                started = true;
                keep(0, 0);
                if (placement != null) {
                    placement.add(1);
                }
            } else {
                if (placement == null || target >= LONGEST_RUN) {
                    throw new IllegalStateException("online runs are limited to " + LONGEST_RUN + " steps");
                }
                // The driver reached the target and the run goes on: keep it, as decided one step ago.
                if (dropAtTarget >= 0) {
                    drop(dropAtTarget);
                }
                keep(target, freeSlot());
            }
            int from = target;
            if (placement == null) {
                // One slot: u_0 is the only checkpoint there will ever be.
                target = Integer.MAX_VALUE;
                advance(from, target);
                return;
            }
            // The next state worth a slot is the first one that the step after it does not drop.
            int next = from + 1;
            int dropped = placement.add(next + 1);
            while (dropped == next && next < LONGEST_RUN) {
                next++;
                dropped = placement.add(next + 1);
            }
            target = next;
            dropAtTarget = dropped;
            advance(from, next);
        }

        private void keep(int step, int slot) {
            slotStep[slot] = step;
            store(step, Tier.MEMORY, slot);
        }

        private void drop(int step) {
            for (int s = 0; s < slots; s++) {
                if (slotStep[s] == step) {
                    slotStep[s] = -1;
                    discard(step, Tier.MEMORY, s);
                    return;
                }
            }
            throw new AssertionError("step " + step + " is not held");
        }

        private int freeSlot() {
            for (int s = 0; s < slots; s++) {
                if (slotStep[s] < 0) {
                    return s;
                }
            }
            throw new AssertionError("no free slot");
        }

        @Override
        public void end(int last) {
            if (this.last >= 0) {
                throw new IllegalStateException("the run already ended at step " + this.last);
            }
            if (!started || kind() != ActionKind.ADVANCE) {
                throw new IllegalStateException("end(" + last + ") must follow the advance that reached step " + last
                        + "; the current action is " + (started ? action() : "none"));
            }
            if (last <= step() || last > to()) {
                throw new IllegalArgumentException("last must be in (" + step() + ", " + to()
                        + "], the current advance, was " + last);
            }
            this.last = last;
            // The driver holds u_{last-1}: a stored copy of it is of no use.
            staleSlot = -1;
            checkpoints = 0;
            for (int s = 0; s < slots; s++) {
                if (slotStep[s] == last - 1) {
                    staleSlot = s;
                } else if (slotStep[s] >= 0) {
                    insertCheckpoint(slotStep[s], s);
                }
            }
            segment = checkpoints;
        }

        private void insertCheckpoint(int step, int slot) {
            int i = checkpoints++;
            while (i > 0 && checkpoint[i - 1] > step) {
                checkpoint[i] = checkpoint[i - 1];
                checkpointSlot[i] = checkpointSlot[i - 1];
                i--;
            }
            checkpoint[i] = step;
            checkpointSlot[i] = slot;
        }

        private void planReverse() {
            if (!turned) {
                turned = true;
                if (staleSlot >= 0) {
                    discard(last - 1, Tier.MEMORY, staleSlot);
                }
                turn(last - 1);
                return;
            }
            if (!range.done()) {
                range.plan(this);
                return;
            }
            if (segment == 0) {
                return;
            }
            segment--;
            int first = checkpoint[segment];
            int end = segment + 1 < checkpoints ? checkpoint[segment + 1] - 1 : last - 2;
            // This range may use every slot except those of the checkpoints before it.
            int free = 0;
            for (int s = 0; s < slots; s++) {
                boolean before = false;
                for (int i = 0; i < segment; i++) {
                    before |= checkpointSlot[i] == s;
                }
                if (!before && s != checkpointSlot[segment]) {
                    freeSlots[free++] = s;
                }
            }
            restore(first, Tier.MEMORY, checkpointSlot[segment]);
            range.reset(first, end, freeSlots, free, checkpointSlot[segment], false);
            range.plan(this);
        }
    }
}
