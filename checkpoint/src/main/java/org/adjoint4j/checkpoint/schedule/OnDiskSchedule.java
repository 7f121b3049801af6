package org.adjoint4j.checkpoint.schedule;

import java.util.Objects;
import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.ActionKind;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.Tier;

/**
 * A memory-only schedule with every snapshot on disk instead: the same actions, the memory slots
 * become disk slots. For states too large for memory, or to keep every checkpoint durable (a run on
 * disk alone can resume from any of them).
 */
public final class OnDiskSchedule implements Schedule {

    private final Schedule memoryOnly;

    private OnDiskSchedule(Schedule memoryOnly) {
        this.memoryOnly = memoryOnly;
    }

    /**
     * {@code memoryOnly} with its snapshots on disk.
     *
     * @param memoryOnly a schedule that uses no disk slots, not {@code null}; its memory slot
     *                   {@code i} becomes disk slot {@code i}
     * @return a view of {@code memoryOnly} whose stores, restores and discards name {@link Tier#DISK}
     * @throws NullPointerException     if {@code memoryOnly} is {@code null}
     * @throws IllegalArgumentException if {@code memoryOnly} uses the disk already
     */
    public static OnDiskSchedule of(Schedule memoryOnly) {
        Objects.requireNonNull(memoryOnly, "memoryOnly");
        if (memoryOnly.slots(Tier.DISK) > 0) {
            throw new IllegalArgumentException("schedule " + memoryOnly + " already uses " + memoryOnly.slots(Tier.DISK)
                    + " disk slots; only a memory-only schedule can be moved to disk");
        }
        return new OnDiskSchedule(memoryOnly);
    }

    @Override
    public int steps() {
        return memoryOnly.steps();
    }

    @Override
    public int slots(Tier tier) {
        return tier == Tier.DISK ? memoryOnly.slots(Tier.MEMORY) : 0;
    }

    @Override
    public ActionCursor cursor() {
        ActionCursor inner = memoryOnly.cursor();
        return new ActionCursor() {
            @Override
            public boolean next() {
                return inner.next();
            }

            @Override
            public ActionKind kind() {
                return inner.kind();
            }

            @Override
            public int step() {
                return inner.step();
            }

            @Override
            public int to() {
                return inner.to();
            }

            @Override
            public Tier tier() {
                return inner.tier() == null ? null : Tier.DISK;
            }

            @Override
            public int slot() {
                return inner.slot();
            }
        };
    }

    @Override
    public String toString() {
        return memoryOnly + " on disk";
    }
}
