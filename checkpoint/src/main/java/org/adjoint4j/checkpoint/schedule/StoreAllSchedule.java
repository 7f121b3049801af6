package org.adjoint4j.checkpoint.schedule;

import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.Tier;

/**
 * Keeps every state in memory: u<sub>0</sub> ... u<sub>l-2</sub> go to slots 0 ... l-2, and the
 * reverse sweep restores them without recomputation. {@code l} forward evaluations, {@code l-1}
 * memory slots. The reference that checkpointed schedules are compared against.
 */
public final class StoreAllSchedule implements Schedule {

    private final int steps;

    private StoreAllSchedule(int steps) {
        this.steps = steps;
    }

    /**
     * A store-all schedule.
     *
     * @param steps number of time steps, at least 1
     * @return the schedule, which needs {@code steps - 1} memory slots
     * @throws IllegalArgumentException if {@code steps < 1}
     */
    public static StoreAllSchedule of(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        return new StoreAllSchedule(steps);
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public int slots(Tier tier) {
        return tier == Tier.MEMORY ? steps - 1 : 0;
    }

    @Override
    public ActionCursor cursor() {
        return new QueuedCursor() {
            private int forward;              // next state to store while sweeping forward
            private int reverse = steps - 2;  // next state to restore while sweeping back

            @Override
            protected void plan() {
                if (forward < steps - 1) {
                    store(forward, Tier.MEMORY, forward);
                    advance(forward, forward + 1);
                    forward++;
                } else if (forward == steps - 1) {
                    turn(forward);
                    forward++;
                } else if (reverse >= 0) {
                    restore(reverse, Tier.MEMORY, reverse);
                    adjoint(reverse);
                    discard(reverse, Tier.MEMORY, reverse);
                    reverse--;
                }
            }
        };
    }

    @Override
    public String toString() {
        return "store-all(steps=" + steps + ")";
    }
}
