package org.adjoint4j.checkpoint.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint4j.checkpoint.SnapshotField;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.adjoint4j.checkpoint.Snapshottable;
import org.junit.jupiter.api.Test;

class MemorySnapshotStoreTest {

    static final SnapshotLayout LAYOUT = new SnapshotLayout(List.of(new SnapshotField("h", 3, 2), new SnapshotField("u", 4, 1)));

    /** Plain arrays per field. */
    static final class Arrays2 implements Snapshottable {
        final double[][] values = {new double[6], new double[4]};

        @Override
        public SnapshotLayout snapshotLayout() {
            return LAYOUT;
        }

        @Override
        public void pack(int field, double[] destination) {
            System.arraycopy(values[field], 0, destination, 0, values[field].length);
        }

        @Override
        public void unpack(int field, double[] source) {
            System.arraycopy(source, 0, values[field], 0, values[field].length);
        }
    }

    @Test
    void restoresExactlyWhatWasStoredPerSlot() {
        MemorySnapshotStore store = new MemorySnapshotStore(LAYOUT, 2);
        Arrays2 a = new Arrays2();
        for (int i = 0; i < 6; i++) {
            a.values[0][i] = i + 0.5;
        }
        a.values[1][3] = -7;
        store.store(1, 42, a);
        Arrays2 b = new Arrays2();
        store.restore(1, 42, b);
        assertArrayEquals(a.values[0], b.values[0]);
        assertArrayEquals(a.values[1], b.values[1]);
        assertEquals(42, store.heldStep(1));
        assertEquals(-1, store.heldStep(0));
        store.discard(1, 42);
        assertEquals(-1, store.heldStep(1));
    }

    @Test
    void refusesToRestoreOrDiscardAStepTheSlotDoesNotHold() {
        MemorySnapshotStore store = new MemorySnapshotStore(LAYOUT, 1);
        store.store(0, 3, new Arrays2());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.restore(0, 4, new Arrays2()));
        assertEquals("memory slot 0 holds step 3, not step 4", e.getMessage());
        assertThrows(IllegalStateException.class, () -> store.discard(0, 5));
        assertThrows(IllegalStateException.class, () -> store.store(0, 9, new Arrays2()));
    }

    @Test
    void rejectsSlotsOutsideItsCapacity() {
        MemorySnapshotStore store = new MemorySnapshotStore(LAYOUT, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.store(2, 0, new Arrays2()));
        assertTrue(e.getMessage().contains("slot 2 does not exist (capacity 2)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MemorySnapshotStore(LAYOUT, -1));
    }

    @Test
    void refusesANegativeStepAndKeepsTheSlotFree() {
        MemorySnapshotStore store = new MemorySnapshotStore(LAYOUT, 1);
        assertEquals("step must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> store.store(0, -1, new Arrays2())).getMessage());
        assertEquals(-1, store.heldStep(0));
        store.store(0, 0, new Arrays2());
        assertEquals(0, store.heldStep(0));
    }

    @Test
    void layoutRejectsDuplicateAndEmptyFields() {
        assertThrows(IllegalArgumentException.class,
                () -> new SnapshotLayout(List.of(new SnapshotField("h", 1, 1), new SnapshotField("h", 2, 1))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SnapshotField("h", 0, 3));
        assertEquals("field 'h': nx and ny must be >= 1, were nx=0, ny=3", e.getMessage());
    }
}
