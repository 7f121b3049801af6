package org.adjoint4j.checkpoint.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.systemsx.cisd.base.mdarray.MDDoubleArray;
import ch.systemsx.cisd.hdf5.HDF5Factory;
import ch.systemsx.cisd.hdf5.HDF5FloatStorageFeatures;
import ch.systemsx.cisd.hdf5.IHDF5Writer;
import hdf.hdf5lib.H5;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.function.Consumer;
import org.adjoint4j.checkpoint.SnapshotCorruptedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of damage to a snapshot file is detected by the restore and reported with the file,
 * the dataset, the step and the rank; the target state is left as it was.
 */
// A deadlock between the caller, the I/O thread and the HDF5 lock must fail the test, not hang the build.
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class Hdf5SnapshotCorruptionTest {

    private static final int RANK = 5;
    private static final int SLOT = 1;
    private static final int STEP = 40;

    @TempDir
    Path runDirectory;

    private Hdf5SnapshotStore store;
    private Path file;

    @BeforeEach
    void storeOneSnapshot() {
        store = Hdf5SnapshotStore.builder().directory(runDirectory).layout(TestFields.LAYOUT).capacity(2).rank(RANK)
                .runIdentity("run-a").build();
        store.store(SLOT, STEP, TestFields.filled(3));
        store.flush();
        file = store.directory().resolve("slot-0001-step-000000040.h5");
        assertTrue(Files.isRegularFile(file));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Restores, expects the exception, checks what it names and that the target was not touched. */
    private SnapshotCorruptedException assertCorrupted(String dataset, String problem) {
        TestFields target = TestFields.filled(99);
        SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
                () -> store.restore(SLOT, STEP, target));
        assertEquals(file, e.file(), "file");
        assertEquals(dataset, e.dataset(), "dataset");
        assertEquals(STEP, e.step(), "step");
        assertEquals(RANK, e.rank(), "rank");
        String m = e.getMessage();
        assertTrue(m.startsWith("snapshot of step 40 on rank 5 cannot be restored: "), m);
        assertTrue(m.contains(problem), "message names the problem '" + problem + "': " + m);
        assertTrue(m.endsWith("(file " + file + ", dataset " + dataset + ")"), m);
        target.assertSameBits(TestFields.filled(99), "target after a failed restore");
        return e;
    }

    private static void modify(Path h5, Consumer<IHDF5Writer> change) {
        H5.H5error_off();
        try (IHDF5Writer w = HDF5Factory.open(h5.toFile())) {
            change.accept(w);
        }
    }

    @Test
    void flippedBytesInADatasetAreCaughtByItsChecksum() throws Exception {
        long offset = H5dump.rawDataOffset(file, "/uv");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            long at = offset + 7 * Double.BYTES + 2; // inside value 7 of /uv
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
            ch.write(b, at);
        }
        H5dump.run(file, "-d", "/uv"); // HDF5 itself reads the damaged data without complaint
        assertCorrupted("/uv", "checksum mismatch");
    }

    @Test
    void flippedBytesAreReportedAlsoAfterAReadAhead() throws Exception {
        long offset = H5dump.rawDataOffset(file, "/h");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), offset + 5);
        }
        store.prefetch(SLOT, STEP);
        store.flush();
        assertCorrupted("/h", "checksum mismatch");
    }

    @Test
    void truncatedFileIsUnreadable() throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        assertCorrupted(SnapshotCorruptedException.WHOLE_FILE, "unreadable HDF5 data");
    }

    @Test
    void deletedFileIsMissing() throws Exception {
        Files.delete(file);
        assertCorrupted(SnapshotCorruptedException.WHOLE_FILE, "the file is missing");
    }

    @Test
    void datasetRewrittenWithAnotherShapeIsRefused() {
        modify(file, w -> {
            w.object().delete("/h");
            w.float64().writeMDArray("/h", new MDDoubleArray(new double[9], new int[] {3, 3}),
                    HDF5FloatStorageFeatures.FLOAT_CONTIGUOUS);
            w.uint32().setAttr("/h", "crc32c", 0);
        });
        assertCorrupted("/h", "the dataset has shape [3, 3], expected [2, 3] ([ny, nx])");
    }

    @Test
    void missingDatasetIsNamed() {
        modify(file, w -> w.object().delete("/uv"));
        assertCorrupted("/uv", "the dataset is missing");
    }

    @Test
    void missingChecksumAttributeIsNamed() {
        modify(file, w -> w.object().deleteAttribute("/uv", "crc32c"));
        assertCorrupted("/uv", "the checksum attribute 'crc32c' is missing");
    }

    @Test
    void fileWithoutTheCompleteMarkerIsRefused() {
        modify(file, w -> w.object().deleteAttribute("/", "complete"));
        assertCorrupted(SnapshotCorruptedException.WHOLE_FILE, "the 'complete' marker is missing");
    }

    @Test
    void garbageFileIsUnreadable() throws Exception {
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(1).nextBytes(garbage);
        Files.write(file, garbage);
        assertCorrupted(SnapshotCorruptedException.WHOLE_FILE, "unreadable HDF5 data");
    }

    @Test
    void fileOfAnotherRunIsRefused(@TempDir Path otherRun) throws Exception {
        try (Hdf5SnapshotStore other = Hdf5SnapshotStore.builder().directory(otherRun).layout(TestFields.LAYOUT)
                .capacity(2).rank(RANK).runIdentity("run-b").build()) {
            other.store(SLOT, STEP, TestFields.filled(3));
            other.flush();
            Files.copy(other.directory().resolve(file.getFileName()), file, StandardCopyOption.REPLACE_EXISTING);
        }
        assertCorrupted(SnapshotCorruptedException.WHOLE_FILE, "the file belongs to run 'run-b', not to this run 'run-a'");
    }

    @Test
    void fileOfAnotherStepIsRefused() throws Exception {
        store.store(0, 41, TestFields.filled(4));
        store.flush();
        Files.copy(store.directory().resolve("slot-0000-step-000000041.h5"), file, StandardCopyOption.REPLACE_EXISTING);
        assertCorrupted(SnapshotCorruptedException.WHOLE_FILE,
                "the file holds step 41 of rank 5 in slot 0, expected step 40 of rank 5 in slot 1");
    }
}
