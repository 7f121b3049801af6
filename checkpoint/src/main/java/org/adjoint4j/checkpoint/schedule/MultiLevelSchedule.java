package org.adjoint4j.checkpoint.schedule;

import java.util.Arrays;
import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.ActionKind;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.Tier;

/**
 * The schedule of least cost with {@code s_m} memory slots and {@code s_d} disk slots (or unlimited
 * disk), when one forward step costs 1, writing a snapshot to disk costs {@code w}, reading one
 * back costs {@code r}, and memory copies are free: it minimises
 * <pre>
 *     forward evaluations + w · disk writes + r · disk reads
 * </pre>
 * over all schedules with those slots, for a terminal objective with the conventions of
 * {@link BinomialSchedule} ({@code s_m} counts every memory slot; the turn costs one forward call).
 * The family is Stumm &amp; Walther's multistage checkpointing, Aupy, Herrmann, Hovland &amp; Robert's
 * Disk-Revolve and Herrmann &amp; Pallez's H-Revolve.
 *
 * <h2>Structure</h2>
 * Disk holds a top level of checkpoints; every range between them is reversed by the binomial
 * schedule with all {@code s_m} memory slots. To reverse a range whose first state u<sub>c</sub> is
 * live, the schedule either reverses it in memory only, or writes u<sub>c</sub> to disk (unless it
 * is there already), advances {@code j} steps, reverses the rest of the range, reads u<sub>c</sub>
 * back and reverses the first {@code j} steps the same way. u<sub>0</sub> goes to disk whenever the
 * schedule uses disk at all, so that every memory slot serves the ranges below; a more general
 * recursion that may also keep checkpoints in memory above disk ones, or in both tiers, never
 * finds a cheaper schedule (see the tests and {@code docs/checkpointing.md}).
 *
 * <h2>Cost of building</h2>
 * The choices come from a dynamic programme over range lengths, built once by
 * {@link Builder#build()}: one row of {@code l+1} cells for unlimited disk, and for
 * {@code s_d} slots one row per slot unless the unlimited solution fits in {@code s_d} slots. Each
 * cell is an exact minimum over splits found by branch and bound: O(l²) per row in the worst case,
 * far less in practice (a few hundred milliseconds for {@code l = 10^4, s_m = 20, s_d = 100}).
 * Memory: about 12 bytes per cell plus 50 bytes per step. At most 2<sup>22</sup> = 4,194,304 cells
 * are built; beyond that {@link Builder#build()} refuses rather than return a schedule that is not
 * optimal. Without disk slots no table is built and any {@code l} is accepted. Actions are
 * generated lazily with memory proportional to the slots.
 */
public final class MultiLevelSchedule implements Schedule {

    private final int steps;
    private final int memorySlots;
    private final int diskSlots;
    private final double writeCost;
    private final double readCost;
    private final MultiLevelTable table;
    private final int usedMemory;
    private final int usedDisk;

    private MultiLevelSchedule(Builder b) {
        this.steps = b.steps;
        this.memorySlots = b.memorySlots;
        this.diskSlots = b.diskSlots;
        // Without disk the costs may be left unset: they never count.
        this.writeCost = Double.isNaN(b.writeCost) ? 0 : b.writeCost;
        this.readCost = Double.isNaN(b.readCost) ? 0 : b.readCost;
        this.table = MultiLevelTable.build(steps, memorySlots, diskSlots, writeCost, readCost);
        if (table.usesDisk()) {
            // One walk finds the slots actually used; later cursors allocate exactly that.
            Cursor walk = new Cursor(this, 1);
            while (walk.next()) {
                walk.observe();
            }
            this.usedMemory = walk.peakMemory;
            this.usedDisk = walk.peakDisk;
        } else {
            // The binomial schedule of the whole run: it stores every state but the last when it can.
            this.usedMemory = Math.min(memorySlots, steps - 1);
            this.usedDisk = 0;
        }
    }

    /**
     * A builder; {@code steps} and {@code memorySlots} are required, and both costs when disk is available.
     *
     * @return a new builder with no disk slots and no options set
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int steps() {
        return steps;
    }

    /** The most slots of {@code tier} in use at once: at most {@code s_m} of memory and {@code s_d} of disk. */
    @Override
    public int slots(Tier tier) {
        return tier == Tier.MEMORY ? usedMemory : usedDisk;
    }

    /**
     * The minimal cost in units of one forward step,
     * {@code forward evaluations + w · disk writes + r · disk reads}, which this schedule attains.
     *
     * @return the cost in forward steps, turn included; equal to
     *         {@code ScheduleSummary.of(this).cost(w, r)} up to rounding
     */
    public double optimalCost() {
        return table.optimalCost();
    }

    @Override
    public ActionCursor cursor() {
        return new Cursor(this, Math.max(usedDisk, 1));
    }

    @Override
    public String toString() {
        return "multi-level(steps=" + steps + ", memorySlots=" + memorySlots + ", diskSlots="
                + (diskSlots < 0 ? "unlimited" : Integer.toString(diskSlots)) + ", writeCost=" + writeCost
                + ", readCost=" + readCost + ")";
    }

    /** Options of a {@link MultiLevelSchedule}. */
    public static final class Builder {
        private int steps = -1;
        private int memorySlots = -1;
        private int diskSlots;
        private double writeCost = Double.NaN;
        private double readCost = Double.NaN;

        private Builder() {
        }

        /**
         * Number of time steps {@code l}, at least 1.
         *
         * @param steps the run length {@code l}
         * @return this builder
         * @throws IllegalArgumentException if {@code steps < 1}
         */
        public Builder steps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, was " + steps);
            }
            this.steps = steps;
            return this;
        }

        /**
         * Memory slots {@code s_m}, at least 1, including the one u<sub>0</sub> may use.
         *
         * @param memorySlots the memory slots {@code s_m}
         * @return this builder
         * @throws IllegalArgumentException if {@code memorySlots < 1}
         */
        public Builder memorySlots(int memorySlots) {
            if (memorySlots < 1) {
                throw new IllegalArgumentException("memorySlots must be >= 1, was " + memorySlots);
            }
            this.memorySlots = memorySlots;
            return this;
        }

        /**
         * Disk slots {@code s_d}, at least 0 (the default, which gives the binomial schedule).
         * Replaces {@link #unlimitedDisk()}.
         *
         * @param diskSlots the disk slots {@code s_d}
         * @return this builder
         * @throws IllegalArgumentException if {@code diskSlots < 0}
         */
        public Builder diskSlots(int diskSlots) {
            if (diskSlots < 0) {
                throw new IllegalArgumentException("diskSlots must be >= 0, was " + diskSlots);
            }
            this.diskSlots = diskSlots;
            return this;
        }

        /**
         * As many disk slots as the optimum uses. Replaces {@link #diskSlots(int)}.
         *
         * @return this builder
         */
        public Builder unlimitedDisk() {
            this.diskSlots = -1;
            return this;
        }

        /**
         * Cost {@code w} of writing one snapshot to disk, in forward steps: finite, at least 0.
         *
         * @param writeCost the cost {@code w}
         * @return this builder
         * @throws IllegalArgumentException if {@code writeCost} is negative, infinite or NaN
         */
        public Builder writeCost(double writeCost) {
            this.writeCost = requireCost("writeCost", writeCost);
            return this;
        }

        /**
         * Cost {@code r} of reading one snapshot from disk, in forward steps: finite, at least 0.
         *
         * @param readCost the cost {@code r}
         * @return this builder
         * @throws IllegalArgumentException if {@code readCost} is negative, infinite or NaN
         */
        public Builder readCost(double readCost) {
            this.readCost = requireCost("readCost", readCost);
            return this;
        }

        private static double requireCost(String name, double value) {
            if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
            }
            return value;
        }

        /**
         * Solves the dynamic programme and returns the schedule.
         *
         * @return the schedule of least cost for the options set
         * @throws IllegalStateException naming the option if a required one was not set
         * @throws IllegalArgumentException if the table would exceed 2<sup>22</sup> cells: with
         *         unlimited disk it has {@code l+1}, with {@code s_d} slots {@code s_d·(l+1)} unless
         *         the unlimited-disk optimum fits in {@code s_d} slots
         */
        public MultiLevelSchedule build() {
            if (steps < 0) {
                throw new IllegalStateException("steps must be set");
            }
            if (memorySlots < 0) {
                throw new IllegalStateException("memorySlots must be set");
            }
            if (diskSlots != 0 && (Double.isNaN(writeCost) || Double.isNaN(readCost))) {
                throw new IllegalStateException("writeCost and readCost must be set when disk slots are available");
            }
            return new MultiLevelSchedule(this);
        }
    }

    /**
     * The lazy walk. The disk level is a stack of pending left parts, one per state held on disk
     * (disk slots are used in stack order, so the slot of a state is its depth); a range reversed in
     * memory is handed to a {@link BinomialRange}.
     */
    private static final class Cursor extends QueuedCursor {
        private final MultiLevelTable table;
        private final int diskSlots;
        private final BinomialRange leaf;
        private final int[] memoryIds;
        private int[] pendingStart;
        private int[] pendingLength;
        private int pending;
        private int heldDisk;
        private boolean turned;
        private boolean inLeaf;
        private boolean done;
        // the range to reverse next: its first state is live, and on disk in slot heldDisk-1 if held
        private int start;
        private int length;
        private boolean held;
        // tracked only by the build walk
        private int memoryInUse;
        private int peakMemory;
        private int peakDisk;

        Cursor(MultiLevelSchedule s, int diskCapacity) {
            this.table = s.table;
            this.diskSlots = s.diskSlots < 0 ? Integer.MAX_VALUE : s.diskSlots;
            int memory = Math.min(s.memorySlots, Math.max(s.steps - 1, 1));
            this.leaf = new BinomialRange(memory);
            this.memoryIds = new int[memory];
            for (int i = 0; i < memory; i++) {
                memoryIds[i] = i;
            }
            this.pendingStart = new int[diskCapacity];
            this.pendingLength = new int[diskCapacity];
            this.start = 0;
            this.length = s.steps;
        }

        /** Updates the peaks after the current action (build walk only). */
        void observe() {
            if (kind() == ActionKind.STORE && tier() == Tier.DISK) {
                peakDisk = Math.max(peakDisk, slot() + 1);
            } else if (kind() == ActionKind.STORE) {
                peakMemory = Math.max(peakMemory, ++memoryInUse);
            } else if (kind() == ActionKind.DISCARD && tier() == Tier.MEMORY) {
                memoryInUse--;
            }
        }

        @Override
        protected void plan() {
            if (done) {
                return;
            }
            if (inLeaf) {
                if (!leaf.done()) {
                    leaf.plan(this);
                    return;
                }
                inLeaf = false;
                resumePending();
                return;
            }
            if (length == 1) {
                reverse(start);
                if (held) {
                    discard(start, Tier.DISK, --heldDisk);
                }
                resumePending();
                return;
            }
            if (table.memoryOnly(length, held, diskSlots - heldDisk)) {
                if (held) {
                    discard(start, Tier.DISK, --heldDisk);
                }
                leaf.reset(start, start + length - 1, memoryIds, memoryIds.length, -1, !turned);
                turned = true;
                inLeaf = true;
                leaf.plan(this);
                return;
            }
            if (!held) {
                store(start, Tier.DISK, heldDisk++);
            }
            int j = table.split(length, diskSlots - heldDisk);
            push(start, j);
            advance(start, start + j);
            start += j;
            length -= j;
            held = false;
        }

        private void reverse(int step) {
            if (turned) {
                adjoint(step);
            } else {
                turn(step);
                turned = true;
            }
        }

        private void push(int first, int steps) {
            if (pending == pendingStart.length) {
                pendingStart = Arrays.copyOf(pendingStart, 2 * pending);
                pendingLength = Arrays.copyOf(pendingLength, 2 * pending);
            }
            pendingStart[pending] = first;
            pendingLength[pending] = steps;
            pending++;
        }

        /** Reads back the state of the innermost pending left part and makes it the next range. */
        private void resumePending() {
            if (pending == 0) {
                done = true;
                return;
            }
            pending--;
            start = pendingStart[pending];
            length = pendingLength[pending];
            held = true;
            restore(start, Tier.DISK, heldDisk - 1);
        }
    }
}
