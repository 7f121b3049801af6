package org.adjoint4j.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.adjoint4j.checkpoint.SnapshotStore;
import org.adjoint4j.checkpoint.Snapshottable;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.storage.Hdf5SnapshotStore;
import org.adjoint4j.checkpoint.storage.MemorySnapshotStore;
import org.adjoint4j.mpi.SerialCommunicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCostCalibrationTest {

    @TempDir
    Path dir;

    /** A disk store whose writes take a known extra time, to see it in the measured cost. */
    static final class SlowDisk implements SnapshotStore {
        final SnapshotStore inner;
        final long writeMillis;

        SlowDisk(SnapshotStore inner, long writeMillis) {
            this.inner = inner;
            this.writeMillis = writeMillis;
        }

        @Override
        public Tier tier() {
            return inner.tier();
        }

        @Override
        public SnapshotLayout layout() {
            return inner.layout();
        }

        @Override
        public int capacity() {
            return inner.capacity();
        }

        @Override
        public void store(int slot, int step, Snapshottable source) {
            inner.store(slot, step, source);
        }

        @Override
        public void flush() {
            inner.flush();
            try {
                Thread.sleep(writeMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void restore(int slot, int step, Snapshottable target) {
            inner.restore(slot, step, target);
        }

        @Override
        public void discard(int slot, int step) {
            inner.discard(slot, step);
        }

        @Override
        public int heldStep(int slot) {
            return inner.heldStep(slot);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** A step that takes about one millisecond whatever the machine; remembers the largest step index. */
    static final class MillisecondStep implements TimeStepper {
        int lastStep = -1;

        @Override
        public FieldLayout stateLayout() {
            return LinearRecurrence.STATE;
        }

        @Override
        public ControlLayout controlLayout() {
            return LinearRecurrence.CONTROLS;
        }

        @Override
        public void forward(int n, Fields in, Fields out, Controls m) {
            lastStep = Math.max(lastStep, n);
            long end = System.nanoTime() + 1_000_000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            out.get(0)[0] = in.get(0)[0];
        }

        @Override
        public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls m, Controls g) {
            adjIn.get(0)[0] = adjOut.get(0)[0];
        }
    }

    @Test
    void measuresWritesInUnitsOfForwardSteps() {
        Hdf5SnapshotStore hdf5 = Hdf5SnapshotStore.builder().directory(dir).layout(LinearRecurrence.STATE.snapshotLayout())
                .rank(0).capacity(1).runIdentity("calibration").build();
        try (SlowDisk disk = new SlowDisk(hdf5, 20)) {
            DiskCostCalibration.Costs c = DiskCostCalibration.measure(new MillisecondStep(),
                    InitialState.fixed(LinearRecurrence.state(1)), LinearRecurrence.controls(1, 0), disk,
                    SerialCommunicator.instance(), 5);
            // a write takes at least the 20 ms added to a ~1 ms step; allow for a loaded machine
            assertTrue(c.write() >= 10, "write cost " + c.write());
            assertTrue(c.read() >= 0 && c.read() < c.write(), "read cost " + c.read() + ", write cost " + c.write());
            assertEquals(-1, disk.heldStep(0), "slot 0 is left free");
        }
    }

    @Test
    void stepsOnlyThroughTheFirstStepsOfARun() {
        MillisecondStep step = new MillisecondStep();
        try (Hdf5SnapshotStore disk = Hdf5SnapshotStore.builder().directory(dir)
                .layout(LinearRecurrence.STATE.snapshotLayout()).rank(0).capacity(1).runIdentity("calibration").build()) {
            DiskCostCalibration.measure(step, InitialState.fixed(LinearRecurrence.state(1)),
                    LinearRecurrence.controls(1, 0), disk, SerialCommunicator.instance(), 4);
        }
        assertEquals(3, step.lastStep, "a run of 4 steps has steps 0 to 3");
    }

    @Test
    void needsAFreeDiskSlot() {
        MemorySnapshotStore memory = new MemorySnapshotStore(LinearRecurrence.STATE.snapshotLayout(), 1);
        assertThrows(IllegalArgumentException.class, () -> DiskCostCalibration.measure(new MillisecondStep(),
                InitialState.fixed(LinearRecurrence.state(1)), LinearRecurrence.controls(1, 0), memory,
                SerialCommunicator.instance(), 3));
    }
}
