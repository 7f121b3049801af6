package org.adjoint4j.checkpoint.schedule;

import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.ActionKind;
import org.adjoint4j.checkpoint.Tier;

/**
 * Base of the schedules' cursors: a subclass plans a few actions at a time into a small ring,
 * which {@link #next()} hands out one by one without allocating.
 */
abstract class QueuedCursor implements ActionCursor {

    private static final int CAPACITY = 8;
    private static final ActionKind[] KINDS = ActionKind.values();
    private static final Tier[] TIERS = Tier.values();

    private final int[] kinds = new int[CAPACITY];
    private final int[] steps = new int[CAPACITY];
    private final int[] tos = new int[CAPACITY];
    private final int[] tiers = new int[CAPACITY];
    private final int[] slots = new int[CAPACITY];
    private int head;
    private int size;

    private ActionKind kind;
    private int step;
    private int to;
    private Tier tier;
    private int slot;

    /** Queues the next few actions; queues nothing when the schedule is complete. */
    protected abstract void plan();

    @Override
    public final boolean next() {
        if (size == 0) {
            plan();
            if (size == 0) {
                return false;
            }
        }
        kind = KINDS[kinds[head]];
        step = steps[head];
        to = tos[head];
        tier = tiers[head] < 0 ? null : TIERS[tiers[head]];
        slot = slots[head];
        head = (head + 1) % CAPACITY;
        size--;
        return true;
    }

    protected final void advance(int from, int target) {
        push(ActionKind.ADVANCE, from, target, null, -1);
    }

    protected final void store(int at, Tier where, int in) {
        push(ActionKind.STORE, at, at, where, in);
    }

    protected final void restore(int at, Tier where, int in) {
        push(ActionKind.RESTORE, at, at, where, in);
    }

    protected final void discard(int at, Tier where, int in) {
        push(ActionKind.DISCARD, at, at, where, in);
    }

    protected final void turn(int at) {
        push(ActionKind.TURN, at, at, null, -1);
    }

    protected final void adjoint(int at) {
        push(ActionKind.ADJOINT, at, at, null, -1);
    }

    private void push(ActionKind k, int s, int t, Tier where, int in) {
        if (size == CAPACITY) {
            throw new IllegalStateException("a schedule planned more than " + CAPACITY + " actions at once");
        }
        int i = (head + size) % CAPACITY;
        kinds[i] = k.ordinal();
        steps[i] = s;
        tos[i] = t;
        tiers[i] = where == null ? -1 : where.ordinal();
        slots[i] = in;
        size++;
    }

    @Override
    public final ActionKind kind() {
        return kind;
    }

    @Override
    public final int step() {
        return step;
    }

    @Override
    public final int to() {
        return to;
    }

    @Override
    public final Tier tier() {
        return tier;
    }

    @Override
    public final int slot() {
        return slot;
    }
}
