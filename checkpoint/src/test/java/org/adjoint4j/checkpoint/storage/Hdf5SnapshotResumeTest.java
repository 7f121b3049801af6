package org.adjoint4j.checkpoint.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.systemsx.cisd.hdf5.HDF5Factory;
import ch.systemsx.cisd.hdf5.IHDF5Writer;
import hdf.hdf5lib.H5;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.adjoint4j.checkpoint.SnapshotField;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/** A store opened again on the directory of an interrupted run: what it adopts and what it refuses. */
// A deadlock between the caller, the I/O thread and the HDF5 lock must fail the test, not hang the build.
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class Hdf5SnapshotResumeTest {

    @TempDir
    Path earlierRun;

    @TempDir
    Path runDirectory;

    private Hdf5SnapshotStore.Builder builder(Path directory, String identity) {
        return Hdf5SnapshotStore.builder().directory(directory).layout(TestFields.LAYOUT).capacity(3).rank(1)
                .runIdentity(identity);
    }

    /**
     * What an interrupted run of identity {@code identity} leaves in {@link #runDirectory}: steps 10
     * and 30 durable in slots 0 and 2, and the temporary file of a write that did not finish.
     */
    private Path interruptedRun(String identity) throws IOException {
        try (Hdf5SnapshotStore earlier = builder(earlierRun, identity).build()) {
            earlier.store(0, 10, TestFields.filled(10));
            earlier.store(2, 30, TestFields.filled(30));
            earlier.flush();
            Path copy = Files.createDirectories(runDirectory.resolve("rank-00001"));
            try (Stream<Path> files = Files.list(earlier.directory())) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
            Files.write(copy.resolve("slot-0001-step-000000020.h5.tmp"), new byte[100]);
            return copy;
        }
    }

    @Test
    void resumeHoldsTheDurableSnapshotsAndRemovesTemporaries() throws Exception {
        Path rankDirectory = interruptedRun("run-a");
        try (Hdf5SnapshotStore store = builder(runDirectory, "run-a").resume(true).build()) {
            assertEquals(10, store.heldStep(0));
            assertEquals(-1, store.heldStep(1), "an unfinished write is not held");
            assertEquals(30, store.heldStep(2));
            assertFalse(Files.exists(rankDirectory.resolve("slot-0001-step-000000020.h5.tmp")), "temporary removed");
            TestFields back = new TestFields(TestFields.LAYOUT);
            store.restore(2, 30, back);
            back.assertSameBits(TestFields.filled(30), "step 30 of the earlier run");
            store.restore(0, 10, back);
            back.assertSameBits(TestFields.filled(10), "step 10 of the earlier run");
            store.store(1, 20, TestFields.filled(20));
            store.restore(1, 20, back);
            back.assertSameBits(TestFields.filled(20), "step 20 stored after resuming");
        }
    }

    @Test
    void closingAndKeepingTheSnapshotsLeavesThemForAResume() {
        Hdf5SnapshotStore first = builder(runDirectory, "run-k").build();
        first.store(1, 42, TestFields.filled(42));
        first.closeKeepingSnapshots(); // drains the queued write first
        try (Hdf5SnapshotStore again = builder(runDirectory, "run-k").resume(true).build()) {
            assertEquals(42, again.heldStep(1));
            TestFields back = new TestFields(TestFields.LAYOUT);
            again.restore(1, 42, back);
            back.assertSameBits(TestFields.filled(42), "the snapshot survived");
        }
    }

    @Test
    void resumeRefusesADirectoryOfAnotherRun() throws Exception {
        interruptedRun("run-a");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder(runDirectory, "run-b").resume(true).build());
        assertTrue(e.getMessage().contains("it belongs to run 'run-a', not to this run 'run-b'"), e.getMessage());
        assertTrue(e.getMessage().contains(runDirectory.resolve("rank-00001").toString()), e.getMessage());
    }

    @Test
    void resumeRefusesAnotherFormatVersion() throws Exception {
        Path rankDirectory = interruptedRun("run-a");
        H5.H5error_off();
        try (IHDF5Writer w = HDF5Factory.open(rankDirectory.resolve("store.h5").toFile())) {
            w.int32().setAttr("/", "format_version", 2);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder(runDirectory, "run-a").resume(true).build());
        assertTrue(e.getMessage().contains("it was written in format version 2; this library reads version 1"),
                e.getMessage());
    }

    @Test
    void resumeRefusesAnotherLayoutOrCapacity() throws Exception {
        interruptedRun("run-a");
        IllegalStateException capacity = assertThrows(IllegalStateException.class,
                () -> builder(runDirectory, "run-a").capacity(4).resume(true).build());
        assertTrue(capacity.getMessage().endsWith("its capacity is 3, this store's is 4"), capacity.getMessage());
        SnapshotLayout other = new SnapshotLayout(List.of(new SnapshotField("h", 3, 2), new SnapshotField("uv", 4, 5)));
        IllegalStateException layout = assertThrows(IllegalStateException.class,
                () -> builder(runDirectory, "run-a").layout(other).resume(true).build());
        assertTrue(layout.getMessage().endsWith("its fields [h, uv] with shapes [[2, 3], [4, 5]] differ from this "
                + "store's [h, uv] with shapes [[2, 3], [5, 4]]"), layout.getMessage());
    }

    @Test
    void freshStoreRefusesADirectoryHoldingAnEarlierRun() throws Exception {
        interruptedRun("run-a");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder(runDirectory, "run-a").build());
        assertTrue(e.getMessage().contains("holds the store of an earlier run (2 snapshot files); open it with "
                + "resume(true)"), e.getMessage());
    }

    @Test
    void resumeOfAnEmptyDirectoryStartsANewStore() {
        try (Hdf5SnapshotStore store = builder(runDirectory, "run-a").resume(true).build()) {
            for (int slot = 0; slot < 3; slot++) {
                assertEquals(-1, store.heldStep(slot));
            }
            assertTrue(Files.isRegularFile(store.directory().resolve("store.h5")), "manifest written");
        }
    }

    @Test
    void resumeRefusesTwoFilesForOneSlot() throws Exception {
        Path rankDirectory = interruptedRun("run-a");
        Files.copy(rankDirectory.resolve("slot-0000-step-000000010.h5"), rankDirectory.resolve("slot-0000-step-000000011.h5"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder(runDirectory, "run-a").resume(true).build());
        assertTrue(e.getMessage().contains("slot 0 has two files"), e.getMessage());
    }

    @Test
    void aRunKilledDuringAWriteLeavesOnlyWholeSnapshots() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.library.path=" + System.getProperty("java.library.path"), "-cp",
                System.getProperty("java.class.path"), InterruptedRun.class.getName(), runDirectory.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child run ends");
        assertEquals(3, child.exitValue(), "the child halted as planned:\n" + output);

        Hdf5SnapshotStore.Builder resumed = Hdf5SnapshotStore.builder().directory(runDirectory)
                .layout(TestFields.LAYOUT).capacity(InterruptedRun.CAPACITY).runIdentity(InterruptedRun.IDENTITY)
                .resume(true);
        try (Hdf5SnapshotStore store = resumed.build()) {
            assertEquals(0, store.heldStep(0));
            assertEquals(5, store.heldStep(1));
            TestFields back = new TestFields(TestFields.LAYOUT);
            store.restore(0, 0, back);
            back.assertSameBits(TestFields.filled(0), "step 0");
            store.restore(1, 5, back);
            back.assertSameBits(TestFields.filled(5), "step 5");
            // The halt may have come before, during or after the third write: held only if whole.
            int third = store.heldStep(2);
            assertTrue(third == -1 || third == 9, "slot 2 holds nothing or step 9, was " + third);
            if (third == 9) {
                store.restore(2, 9, back);
                back.assertSameBits(TestFields.filled(9), "step 9");
            }
            try (Stream<Path> files = Files.list(store.directory())) {
                assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary file left");
            }
        }
    }
}
