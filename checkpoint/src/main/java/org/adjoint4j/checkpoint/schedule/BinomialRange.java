package org.adjoint4j.checkpoint.schedule;

import org.adjoint4j.checkpoint.Tier;

/**
 * The optimal binomial reversal of one range of steps in memory, planned a few actions at a time
 * into a {@link QueuedCursor}. Shared by the schedules that reverse a whole run
 * ({@link BinomialSchedule}), the memory-only segments of a {@link MultiLevelSchedule} and the
 * segments between the checkpoints of a {@link DynamicSchedule}.
 *
 * <p>To reverse steps {@code c .. e} with {@code f} free slots, one of them holding u<sub>c</sub>, it
 * advances {@link BinomialSchedule#split(int, int) split(e − c + 1, f)} steps, reverses the rest
 * with {@code f − 1} slots, restores u<sub>c</sub> and reverses the first part with {@code f}
 * slots. The range's first state is discarded when its own adjoint step has run. Reusable: a
 * {@link #reset} starts a new range without allocating.
 */
final class BinomialRange {

    private final int[] storedStep;
    private final int[] storedSlot;
    private final int[] free;
    private int depth;
    private int freeCount;
    private int capacity;
    private int first;
    private int live;
    private int nextAdjoint;
    private boolean turnFirst;

    /** A planner for ranges that use at most {@code maxSlots} memory slots. */
    BinomialRange(int maxSlots) {
        this.storedStep = new int[maxSlots];
        this.storedSlot = new int[maxSlots];
        this.free = new int[maxSlots];
        this.nextAdjoint = -1;
        this.first = 0;
    }

    /**
     * Starts the reversal of steps {@code first .. last}. The live state is u<sub>first</sub>.
     *
     * @param freeSlots  read: the memory slots the range may use, besides {@code startSlot}; the
     *                   first one listed is taken first
     * @param freeCount  how many of {@code freeSlots} are valid
     * @param startSlot  the slot that already holds u<sub>first</sub>, or {@code -1} if it is not
     *                   stored yet
     * @param turnFirst  whether step {@code last} is reversed by a turn (the first reversal of the
     *                   run) instead of an adjoint step
     */
    void reset(int first, int last, int[] freeSlots, int freeCount, int startSlot, boolean turnFirst) {
        this.first = first;
        this.live = first;
        this.nextAdjoint = last;
        this.turnFirst = turnFirst;
        this.capacity = freeCount + (startSlot >= 0 ? 1 : 0);
        this.freeCount = freeCount;
        for (int i = 0; i < freeCount; i++) {
            free[freeCount - 1 - i] = freeSlots[i];
        }
        this.depth = 0;
        if (startSlot >= 0) {
            storedStep[0] = first;
            storedSlot[0] = startSlot;
            depth = 1;
        }
    }

    /** Whether every step of the range has been reversed. */
    boolean done() {
        return nextAdjoint < first;
    }

    /**
     * Queues the next actions of the range (at most three); queues nothing once {@link #done()}.
     * Invariant between calls: the live state is the first state of the range still to reverse.
     */
    void plan(QueuedCursor out) {
        if (done()) {
            return;
        }
        int start = live;
        int length = nextAdjoint - start + 1;
        boolean startStored = depth > 0 && storedStep[depth - 1] == start;
        if (length == 1) {
            if (turnFirst) {
                out.turn(start);
                turnFirst = false;
            } else {
                out.adjoint(start);
            }
            nextAdjoint = start - 1;
            if (startStored) {
                depth--;
                out.discard(start, Tier.MEMORY, storedSlot[depth]);
                free[freeCount++] = storedSlot[depth];
            }
            if (!done()) {
                live = storedStep[depth - 1];
                out.restore(live, Tier.MEMORY, storedSlot[depth - 1]);
            }
            return;
        }
        if (!startStored) {
            int slot = free[--freeCount];
            storedStep[depth] = start;
            storedSlot[depth] = slot;
            depth++;
            out.store(start, Tier.MEMORY, slot);
        }
        int m = BinomialSchedule.split(length, capacity - depth + 1);
        out.advance(start, start + m);
        live = start + m;
    }
}
