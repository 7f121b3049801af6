package org.adjoint4j.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.adjoint4j.checkpoint.SnapshotStore;
import org.adjoint4j.checkpoint.Snapshottable;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.MultiLevelSchedule;
import org.adjoint4j.checkpoint.schedule.OnDiskSchedule;
import org.adjoint4j.checkpoint.storage.Hdf5SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver asks the disk tier to read every snapshot ahead of its restore. The store starts the
 * read when it has a free buffer (its few buffers also carry pending writes), so most restores are
 * served from memory.
 */
class DiskReadAheadTest {

    @TempDir
    Path dir;

    /** Records, per slot, whether the content now held was prefetched before its next restore. */
    static final class Recording implements SnapshotStore {
        final SnapshotStore inner;
        final Map<Integer, Integer> prefetchedStep = new HashMap<>();
        int restores;
        int restoresReadAhead;
        int prefetchCalls;
        final Map<Integer, Integer> requestedStep = new HashMap<>();
        int restoresRequested;

        Recording(SnapshotStore inner) {
            this.inner = inner;
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
            prefetchedStep.remove(slot);
            requestedStep.remove(slot);
            inner.store(slot, step, source);
        }

        @Override
        public void restore(int slot, int step, Snapshottable target) {
            restores++;
            if (prefetchedStep.getOrDefault(slot, -1) == step) {
                restoresReadAhead++;
            }
            if (requestedStep.getOrDefault(slot, -1) == step) {
                restoresRequested++;
            }
            requestedStep.remove(slot);
            prefetchedStep.remove(slot);
            inner.restore(slot, step, target);
        }

        @Override
        public boolean prefetch(int slot, int step) {
            prefetchCalls++;
            requestedStep.put(slot, step);
            boolean started = inner.prefetch(slot, step);
            if (started) {
                prefetchedStep.put(slot, step);
            }
            return started;
        }

        @Override
        public void discard(int slot, int step) {
            prefetchedStep.remove(slot);
            requestedStep.remove(slot);
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

    private Recording run(Schedule schedule) {
        KnownStateStepper stepper = new KnownStateStepper(schedule.steps());
        Recording disk = new Recording(Hdf5SnapshotStore.builder().directory(dir.resolve(schedule.toString().replace(' ', '_')))
                .layout(KnownStateStepper.STATE.snapshotLayout()).rank(0).capacity(schedule.slots(Tier.DISK))
                .runIdentity("read-ahead").queueDepth(4).build());
        try (disk) {
            AdjointDriver.builder().stepper(stepper).initialState(KnownStateStepper.initialState())
                    .objective(KnownStateStepper.sumOfFinalState()).schedule(schedule).store(disk).build()
                    .gradient(new Controls(KnownStateStepper.CONTROLS));
            assertEquals(null, stepper.firstFailure, stepper.firstFailure);
        }
        return disk;
    }

    @Test
    void everyDiskRestoreOfADiskOnlyScheduleWasReadAhead() {
        Schedule schedule = OnDiskSchedule.of(BinomialSchedule.of(120, 5));
        Recording disk = run(schedule);
        assertEquals(ScheduleSummary.of(schedule).diskReads(), disk.restores);
        assertEquals(disk.restores, disk.restoresRequested, "every restore was asked for ahead");
        assertTrue(disk.restoresReadAhead > disk.restores / 2, disk.restoresReadAhead + " of " + disk.restores
                + " restores served by a read-ahead");
    }

    @Test
    void multiLevelDiskRestoresAreReadAheadToo() {
        Schedule schedule = MultiLevelSchedule.builder().steps(300).memorySlots(3).diskSlots(5).writeCost(1).readCost(1).build();
        Recording disk = run(schedule);
        assertTrue(disk.restores > 0, "the schedule reads from disk");
        assertEquals(disk.restores, disk.restoresRequested, "every restore was asked for ahead");
    }
}
