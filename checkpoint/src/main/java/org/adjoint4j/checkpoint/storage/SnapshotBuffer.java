package org.adjoint4j.checkpoint.storage;

import ch.systemsx.cisd.base.mdarray.MDDoubleArray;
import java.util.List;
import org.adjoint4j.checkpoint.SnapshotField;
import org.adjoint4j.checkpoint.SnapshotLayout;

/**
 * One pooled copy of a snapshot's values, with what it is being used for. Allocated when the store
 * opens and reused; its state fields are guarded by the owning store's lock.
 */
final class SnapshotBuffer {

    /** What a buffer holds. */
    enum Use {
        /** Nothing: in the free pool. */
        FREE,
        /** A snapshot waiting for, or in, its write by the I/O thread. */
        WRITE,
        /** A snapshot being, or already, read ahead by the I/O thread. */
        READ
    }

    /** One array per field, in layout order. */
    final double[][] values;
    /** The same arrays viewed as [ny, nx] for HDF5. */
    final MDDoubleArray[] views;

    Use use = Use.FREE;
    int slot = -1;
    int step = -1;
    /** The slot was discarded while the I/O thread still had this buffer; it releases it. */
    boolean cancelled;
    /** A read-ahead has finished (successfully or not). */
    boolean readDone;
    /** A finished read-ahead verified every dataset. */
    boolean readOk;

    SnapshotBuffer(SnapshotLayout layout) {
        List<SnapshotField> fields = layout.fields();
        values = new double[fields.size()][];
        views = new MDDoubleArray[fields.size()];
        for (int f = 0; f < values.length; f++) {
            SnapshotField field = fields.get(f);
            values[f] = new double[field.length()];
            views[f] = new MDDoubleArray(values[f], new int[] {field.ny(), field.nx()});
        }
    }

    /** Marks the buffer as used for {@code use} of the snapshot of {@code step} in {@code slot}. */
    void assign(Use use, int slot, int step) {
        this.use = use;
        this.slot = slot;
        this.step = step;
        cancelled = false;
        readDone = false;
        readOk = false;
    }
}
