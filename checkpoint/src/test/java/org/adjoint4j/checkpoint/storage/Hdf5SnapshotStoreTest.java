package org.adjoint4j.checkpoint.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hdf.hdf5lib.H5;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adjoint4j.checkpoint.SnapshotCorruptedException;
import org.adjoint4j.checkpoint.SnapshotField;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.adjoint4j.checkpoint.Snapshottable;
import org.adjoint4j.checkpoint.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

// A deadlock between the caller, the I/O thread and the HDF5 lock must fail the test, not hang the build.
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class Hdf5SnapshotStoreTest {

    @TempDir
    Path runDirectory;

    private Hdf5SnapshotStore.Builder builder() {
        return Hdf5SnapshotStore.builder().directory(runDirectory).layout(TestFields.LAYOUT).capacity(3)
                .runIdentity("run-a");
    }

    private static Path fileOf(Hdf5SnapshotStore store, int slot, int step) {
        return store.directory().resolve(String.format("slot-%04d-step-%09d.h5", slot, step));
    }

    @Test
    void restoresBitExactlyWhatWasStoredOnceTheWriteIsDurable() {
        try (Hdf5SnapshotStore store = builder().rank(2).build()) {
            assertEquals(Tier.DISK, store.tier());
            assertEquals(runDirectory.resolve("rank-00002"), store.directory());
            TestFields a = TestFields.filled(1);
            TestFields b = TestFields.filled(2);
            store.store(0, 10, a);
            store.store(2, 30, b);
            store.flush();
            assertTrue(Files.isRegularFile(fileOf(store, 0, 10)), "durable file of step 10");
            assertTrue(Files.isRegularFile(fileOf(store, 2, 30)), "durable file of step 30");

            TestFields back = new TestFields(TestFields.LAYOUT);
            store.restore(2, 30, back);
            back.assertSameBits(b, "step 30 read from its file");
            store.restore(0, 10, back);
            back.assertSameBits(a, "step 10 read from its file");
            store.restore(0, 10, back);
            back.assertSameBits(a, "step 10 read a second time");

            assertEquals(10, store.heldStep(0));
            assertEquals(-1, store.heldStep(1));
            store.discard(0, 10);
            store.flush();
            assertEquals(-1, store.heldStep(0));
            assertFalse(Files.exists(fileOf(store, 0, 10)), "a discarded snapshot's file is removed");
        }
    }

    @Test
    void compressedSnapshotsOverSeveralChunksRestoreBitExactly() throws Exception {
        // 200 000 x 2 values: rows of 1.6 MB, so the 1 MiB chunks split each row, with partial chunks at the ends.
        TestFields a = new TestFields(new SnapshotLayout(List.of(
                new SnapshotField("w", 200_000, 2),
                new SnapshotField("s", 3, 1))));
        for (int i = 0; i < a.values[0].length; i++) {
            a.values[0][i] = Math.sin(1e-3 * i);
        }
        System.arraycopy(TestFields.SPECIAL, 0, a.values[1], 0, 3);
        try (Hdf5SnapshotStore store = builder().layout(a.layout).compression(6).build()) {
            store.store(1, 5, a);
            store.flush();
            Path file = fileOf(store, 1, 5);
            String storage = H5dump.run(file, "-p", "-H", "-d", "/w");
            assertTrue(storage.contains("PREPROCESSING SHUFFLE") && storage.contains("COMPRESSION DEFLATE { LEVEL 6 }"),
                    "h5dump shows shuffle and deflate:\n" + storage);
            assertTrue(Files.size(file) < a.layout.bytes(), "compressed file " + Files.size(file) + " bytes");
            TestFields back = new TestFields(a.layout);
            store.restore(1, 5, back);
            back.assertSameBits(a, "compressed snapshot");
        }
    }

    @Test
    void restoresFromTheWriteQueueBeforeTheWriteHasHappened() {
        try (Hdf5SnapshotStore store = builder().build()) {
            TestFields a = TestFields.filled(5);
            TestFields back = new TestFields(TestFields.LAYOUT);
            // Every JHDF5 call synchronises on H5.class: holding it keeps the I/O thread from writing.
            synchronized (H5.class) {
                store.store(1, 7, a);
                store.restore(1, 7, back);
                assertFalse(Files.exists(fileOf(store, 1, 7)), "no file while the write is held back");
            }
            back.assertSameBits(a, "restored from the queue");
            store.flush();
            assertTrue(Files.exists(fileOf(store, 1, 7)), "written once the I/O thread may run");
        }
    }

    @Test
    void storeWaitsOnlyWhenEveryBufferIsInFlight() throws Exception {
        try (Hdf5SnapshotStore store = builder().queueDepth(1).build()) {
            TestFields a = TestFields.filled(1);
            TestFields b = TestFields.filled(2);
            Thread second;
            synchronized (H5.class) {
                store.store(0, 1, a); // returns at once: one buffer
                second = new Thread(() -> store.store(1, 2, b));
                second.start();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (second.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                assertEquals(Thread.State.WAITING, second.getState(), "the second store waits for the only buffer");
                assertEquals(-1, store.heldStep(1));
            }
            second.join(10_000);
            assertFalse(second.isAlive(), "the second store finished once the first write was done");
            assertEquals(2, store.heldStep(1));
            TestFields back = new TestFields(TestFields.LAYOUT);
            store.restore(1, 2, back);
            back.assertSameBits(b, "second snapshot");
            store.restore(0, 1, back);
            back.assertSameBits(a, "first snapshot");
        }
    }

    @Test
    void prefetchedSnapshotIsRestoredWithoutReadingItsFileAgain() throws Exception {
        try (Hdf5SnapshotStore store = builder().rank(4).build()) {
            TestFields a = TestFields.filled(3);
            store.store(0, 4, a);
            store.flush();
            assertTrue(store.prefetch(0, 4));
            store.flush(); // also waits for the read-ahead
            Path file = fileOf(store, 0, 4);
            Files.delete(file); // a restore that read the file now would fail

            TestFields back = new TestFields(TestFields.LAYOUT);
            store.restore(0, 4, back);
            back.assertSameBits(a, "restored from the read-ahead");

            // The read-ahead serves one restore; the next one reads the file, which is gone.
            SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
                    () -> store.restore(0, 4, back));
            assertEquals(file, e.file());
            assertEquals(4, e.step());
            assertEquals(4, e.rank());
        }
    }

    @Test
    void prefetchWithoutAFreeBufferLeavesTheRestoreToReadTheFile() {
        try (Hdf5SnapshotStore store = builder().queueDepth(1).build()) {
            TestFields a = TestFields.filled(1);
            TestFields b = TestFields.filled(2);
            store.store(0, 1, a);
            store.store(1, 2, b);
            store.flush();
            assertTrue(store.prefetch(0, 1), "the only buffer reads step 1 ahead");
            assertTrue(store.prefetch(0, 1), "asking again for the same snapshot");
            assertFalse(store.prefetch(1, 2), "no buffer left for step 2");
            TestFields back = new TestFields(TestFields.LAYOUT);
            store.restore(1, 2, back);
            back.assertSameBits(b, "step 2 read from its file");
            store.restore(0, 1, back);
            back.assertSameBits(a, "step 1 from the read-ahead");
        }
    }

    @Test
    void storeTakesBackTheBufferOfAFinishedReadAhead() {
        try (Hdf5SnapshotStore store = builder().queueDepth(1).build()) {
            TestFields a = TestFields.filled(1);
            TestFields b = TestFields.filled(2);
            store.store(0, 1, a);
            store.flush();
            assertTrue(store.prefetch(0, 1));
            store.flush();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> store.store(1, 2, b),
                    "a read-ahead that nobody restored must not block stores");
            TestFields back = new TestFields(TestFields.LAYOUT);
            store.restore(0, 1, back);
            back.assertSameBits(a, "step 1 read from its file after its read-ahead was dropped");
            store.restore(1, 2, back);
            back.assertSameBits(b, "step 2");
        }
    }

    @Test
    void aPackThatThrowsLeavesTheSlotFreeAndTheBufferInThePool() {
        try (Hdf5SnapshotStore store = builder().queueDepth(1).build()) {
            Snapshottable failing = new Snapshottable() {
                @Override
                public SnapshotLayout snapshotLayout() {
                    return TestFields.LAYOUT;
                }

                @Override
                public void pack(int field, double[] destination) {
                    throw new IllegalStateException("state not ready");
                }

                @Override
                public void unpack(int field, double[] source) {
                    throw new AssertionError("not restored");
                }
            };
            assertThrows(IllegalStateException.class, () -> store.store(0, 1, failing));
            assertEquals(-1, store.heldStep(0));
            TestFields a = TestFields.filled(1);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> store.store(0, 1, a),
                    "the only buffer is still free");
            TestFields back = new TestFields(TestFields.LAYOUT);
            store.restore(0, 1, back);
            back.assertSameBits(a, "snapshot stored after the failed one");
        }
    }

    @Test
    void discardingAQueuedSnapshotLeavesOnlyTheNextOneOnDisk() {
        try (Hdf5SnapshotStore store = builder().build()) {
            TestFields a = TestFields.filled(1);
            TestFields b = TestFields.filled(2);
            synchronized (H5.class) {
                store.store(0, 1, a);
                store.discard(0, 1);
                store.store(0, 2, b);
            }
            store.flush();
            assertFalse(Files.exists(fileOf(store, 0, 1)), "the discarded snapshot has no file");
            assertTrue(Files.exists(fileOf(store, 0, 2)));
            TestFields back = new TestFields(TestFields.LAYOUT);
            store.restore(0, 2, back);
            back.assertSameBits(b, "the snapshot stored after the discard");
        }
    }

    @Test
    void refusesSlotsAndStepsItDoesNotHold() {
        try (Hdf5SnapshotStore store = builder().build()) {
            store.store(0, 3, TestFields.filled(0));
            IllegalStateException wrongStep = assertThrows(IllegalStateException.class,
                    () -> store.restore(0, 4, new TestFields(TestFields.LAYOUT)));
            assertEquals("disk slot 0 of rank 0 holds step 3, not step 4", wrongStep.getMessage());
            assertThrows(IllegalStateException.class, () -> store.discard(1, 3));
            assertThrows(IllegalStateException.class, () -> store.prefetch(2, 0));
            IllegalStateException occupied = assertThrows(IllegalStateException.class,
                    () -> store.store(0, 9, TestFields.filled(1)));
            assertEquals("disk slot 0 of rank 0 already holds step 3; cannot store step 9", occupied.getMessage());
            IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                    () -> store.store(3, 0, TestFields.filled(1)));
            assertEquals("disk slot 3 does not exist (capacity 3)", outside.getMessage());
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                    () -> store.store(1, -1, TestFields.filled(1)));
            assertEquals("step must be >= 0, was -1", negative.getMessage());
        }
    }

    @Test
    void builderNamesWhatIsMissingOrInvalid() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Hdf5SnapshotStore.builder().layout(TestFields.LAYOUT).build());
        assertEquals("a disk store needs a directory, a layout, a capacity and a run identity; missing: directory "
                + "capacity runIdentity", missing.getMessage());
        assertEquals("capacity must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> Hdf5SnapshotStore.builder().capacity(0)).getMessage());
        assertEquals("queueDepth must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> Hdf5SnapshotStore.builder().queueDepth(0)).getMessage());
        assertEquals("deflateLevel must be in 0..9, was 10", assertThrows(IllegalArgumentException.class,
                () -> Hdf5SnapshotStore.builder().compression(10)).getMessage());
        assertEquals("rank must be >= 0, was -2", assertThrows(IllegalArgumentException.class,
                () -> Hdf5SnapshotStore.builder().rank(-2)).getMessage());
        assertEquals("runIdentity must be 1 to 1024 printable ASCII characters, was ' '", assertThrows(
                IllegalArgumentException.class, () -> Hdf5SnapshotStore.builder().runIdentity(" ")).getMessage());
        IllegalArgumentException slash = assertThrows(IllegalArgumentException.class,
                () -> builder().layout(new SnapshotLayout(
                        List.of(new SnapshotField("a/b", 1, 1)))).build());
        assertTrue(slash.getMessage().startsWith("field name 'a/b' cannot name an HDF5 dataset"), slash.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GridBlock(-1, 0, 4, 4));
        assertEquals("grid block must start inside the global grid, was offset (4, 0) in a grid of 4 x 4",
                assertThrows(IllegalArgumentException.class, () -> new GridBlock(4, 0, 4, 4)).getMessage());
    }

    @Test
    void closeRemovesTheRanksFilesAndKeepsTheRunDirectory() {
        Hdf5SnapshotStore store = builder().rank(1).build();
        store.store(0, 1, TestFields.filled(1));
        store.store(1, 2, TestFields.filled(2));
        store.close();
        assertFalse(Files.exists(runDirectory.resolve("rank-00001")), "the rank's directory is removed");
        assertTrue(Files.isDirectory(runDirectory), "the run directory stays");
        assertEquals(-1, store.heldStep(0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.store(0, 3, TestFields.filled(3)));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
        store.close(); // a second close does nothing
    }

    @Test
    void twoStoresWorkConcurrentlyFromTwoThreadsOfOneJvm() throws Exception {
        ExecutorService ranks = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> done = List.of(ranks.submit(() -> sweep(0)), ranks.submit(() -> sweep(1)));
            for (Future<Integer> f : done) {
                assertEquals(24, f.get());
            }
        } finally {
            ranks.shutdownNow();
        }
    }

    /** A rank's forward-and-reverse use of its store; returns how many snapshots it verified. */
    private int sweep(int rank) {
        int verified = 0;
        try (Hdf5SnapshotStore store = builder().rank(rank).build()) {
            TestFields back = new TestFields(TestFields.LAYOUT);
            for (int round = 0; round < 8; round++) {
                for (int slot = 0; slot < 3; slot++) {
                    int step = round * 3 + slot;
                    store.store(slot, step, TestFields.filled(1000 * rank + step));
                }
                if (round % 2 == 0) {
                    store.prefetch(0, round * 3);
                }
                for (int slot = 2; slot >= 0; slot--) {
                    int step = round * 3 + slot;
                    store.restore(slot, step, back);
                    back.assertSameBits(TestFields.filled(1000 * rank + step), "rank " + rank + " step " + step);
                    store.discard(slot, step);
                    verified++;
                }
            }
        }
        return verified;
    }
}
