package org.adjoint4j.checkpoint.storage;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.adjoint4j.checkpoint.SnapshotField;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.adjoint4j.checkpoint.SnapshotStore;
import org.adjoint4j.checkpoint.Snapshottable;
import org.adjoint4j.checkpoint.Tier;

/**
 * The memory tier: every slot's buffers are allocated when the store is created, so storing and
 * restoring allocate nothing.
 */
public final class MemorySnapshotStore implements SnapshotStore {

    private final SnapshotLayout layout;
    private final double[][][] buffers;
    private final int[] held;

    /**
     * Allocates {@code capacity} snapshots of {@code layout}.
     *
     * @param layout   the fields of every snapshot, not {@code null}
     * @param capacity number of slots, at least 0; the store holds {@code capacity·layout.bytes()}
     *                 bytes of heap for its whole life
     * @throws NullPointerException if {@code layout} is {@code null}
     * @throws IllegalArgumentException if {@code capacity < 0}
     * @throws OutOfMemoryError (with the size asked for) if the heap cannot hold them
     */
    public MemorySnapshotStore(SnapshotLayout layout, int capacity) {
        this.layout = Objects.requireNonNull(layout, "layout");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        List<SnapshotField> fields = layout.fields();
        try {
            buffers = new double[capacity][fields.size()][];
            for (double[][] slot : buffers) {
                for (int f = 0; f < slot.length; f++) {
                    slot[f] = new double[fields.get(f).length()];
                }
            }
        } catch (OutOfMemoryError e) {
            throw new OutOfMemoryError("memory tier: " + capacity + " snapshots of " + layout.bytes()
                    + " bytes do not fit in the heap (-Xmx); use fewer snapshots or a disk tier");
        }
        held = new int[capacity];
        Arrays.fill(held, -1);
    }

    @Override
    public Tier tier() {
        return Tier.MEMORY;
    }

    @Override
    public SnapshotLayout layout() {
        return layout;
    }

    @Override
    public int capacity() {
        return buffers.length;
    }

    @Override
    public void store(int slot, int step, Snapshottable source) {
        checkSlot(slot);
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (held[slot] >= 0) {
            throw new IllegalStateException("memory slot " + slot + " already holds step " + held[slot]
                    + "; cannot store step " + step);
        }
        double[][] buffer = buffers[slot];
        for (int f = 0; f < buffer.length; f++) {
            source.pack(f, buffer[f]);
        }
        held[slot] = step;
    }

    @Override
    public void restore(int slot, int step, Snapshottable target) {
        checkHeld(slot, step);
        double[][] buffer = buffers[slot];
        for (int f = 0; f < buffer.length; f++) {
            target.unpack(f, buffer[f]);
        }
    }

    @Override
    public void discard(int slot, int step) {
        checkHeld(slot, step);
        held[slot] = -1;
    }

    @Override
    public int heldStep(int slot) {
        checkSlot(slot);
        return held[slot];
    }

    @Override
    public void close() {
        Arrays.fill(held, -1);
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= buffers.length) {
            throw new IllegalArgumentException("memory slot " + slot + " does not exist (capacity " + buffers.length + ")");
        }
    }

    private void checkHeld(int slot, int step) {
        checkSlot(slot);
        if (held[slot] != step) {
            throw new IllegalStateException("memory slot " + slot + " holds "
                    + (held[slot] < 0 ? "nothing" : "step " + held[slot]) + ", not step " + step);
        }
    }

    @Override
    public String toString() {
        return "memory(" + buffers.length + " slots of " + layout.bytes() + " bytes)";
    }
}
