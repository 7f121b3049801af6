package org.adjoint4j.checkpoint.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adjoint4j.checkpoint.SnapshotField;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.adjoint4j.checkpoint.SnapshotWriteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/** Problems with the disk: found at open when they can be, reported at the next call when they cannot. */
// A deadlock between the caller, the I/O thread and the HDF5 lock must fail the test, not hang the build.
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class Hdf5SnapshotStoreFailureTest {

    @TempDir
    Path runDirectory;

    private Hdf5SnapshotStore.Builder builder() {
        return Hdf5SnapshotStore.builder().directory(runDirectory).layout(TestFields.LAYOUT).capacity(3).rank(2)
                .runIdentity("run-a");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Test
    void directoryThatCannotBeCreatedIsReportedAtOpen() throws Exception {
        Path blocker = Files.write(runDirectory.resolve("a-file"), new byte[1]);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> builder().directory(blocker.resolve("run")).build());
        assertTrue(e.getMessage().contains("cannot create the snapshot directory " + blocker.resolve("run")
                .resolve("rank-00002")), e.getMessage());
    }

    @Test
    void directoryThatCannotBeWrittenIsReportedAtOpen() throws Exception {
        Path rankDirectory = Files.createDirectories(runDirectory.resolve("rank-00002"));
        setWritable(rankDirectory, false);
        try {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> builder().build());
            assertTrue(e.getMessage().contains("the snapshot directory " + rankDirectory + " is not writable"),
                    e.getMessage());
        } finally {
            setWritable(rankDirectory, true);
        }
    }

    /**
     * Makes a directory (un)writable: by its permissions, or, for root, whom permissions do not stop,
     * by the immutable attribute of ext4 and similar file systems.
     */
    private static void setWritable(Path directory, boolean writable) throws Exception {
        if (writable) {
            if (isImmutable(directory)) {
                chattr("-i", directory);
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-x------"));
            if (Files.isWritable(directory)) {
                chattr("+i", directory);
            }
        }
        assertEquals(writable, Files.isWritable(directory) && !isImmutable(directory),
                "could not make " + directory + (writable ? " writable" : " read-only"));
    }

    private static void chattr(String change, Path directory) throws Exception {
        Process p = new ProcessBuilder("chattr", change, directory.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "chattr " + change + " " + directory + " failed: " + out);
    }

    private static boolean isImmutable(Path directory) throws Exception {
        Process p = new ProcessBuilder("lsattr", "-d", directory.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return p.waitFor() == 0 && out.substring(0, out.indexOf(' ')).contains("i");
    }

    @Test
    void insufficientFreeSpaceIsReportedAtOpenWithTheBytesNeededAndAvailable() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> builder().freeSpaceProbe(d -> 1000).build());
        String m = e.getMessage();
        Path rankDirectory = runDirectory.resolve("rank-00002");
        assertTrue(m.contains("not enough free space for snapshots in " + rankDirectory), m);
        assertTrue(m.contains("only 1000 bytes are available"), m);
        Matcher needed = Pattern.compile("need (\\d+) bytes").matcher(m);
        assertTrue(needed.find(), m);
        assertTrue(Long.parseLong(needed.group(1)) >= 3 * TestFields.LAYOUT.bytes(),
                "at least capacity x snapshot bytes: " + m);
        assertFalse(Files.exists(rankDirectory.resolve("store.h5")), "no manifest of a store that did not open");
    }

    @Test
    void realFileSystemWithoutRoomForTheScheduleIsRefusedAtOpen() {
        // 10^6 slots of 12.8 GB each: more than any file system holds; no buffer is allocated before the check.
        SnapshotLayout huge = new SnapshotLayout(List.of(new SnapshotField("u", 40_000, 40_000)));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> builder().layout(huge).capacity(1_000_000).build());
        assertTrue(e.getMessage().contains("1000000 snapshots of 12800000000 bytes"), e.getMessage());
    }

    @Test
    void writeFailureIsReportedByTheNextCallsWithFileAndStep() throws Exception {
        Hdf5SnapshotStore store = builder().build();
        deleteTree(store.directory()); // the scratch directory vanishes under the run
        store.store(0, 7, TestFields.filled(7));
        SnapshotWriteException e = assertThrows(SnapshotWriteException.class, store::flush);
        Path file = store.directory().resolve("slot-0000-step-000000007.h5");
        assertEquals(file, e.file());
        assertEquals(7, e.step());
        assertEquals(2, e.rank());
        assertTrue(e.getMessage().startsWith("snapshot of step 7 on rank 2 could not be written: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(file " + file + ")"), e.getMessage());
        assertEquals(-1, store.heldStep(0), "a failed snapshot is not held");

        SnapshotWriteException next = assertThrows(SnapshotWriteException.class,
                () -> store.store(1, 8, TestFields.filled(8)));
        assertEquals(file, next.file(), "every later call names the failed write");
        assertThrows(SnapshotWriteException.class, () -> store.restore(0, 7, new TestFields(TestFields.LAYOUT)));
        store.close(); // already reported: close only cleans up
    }

    @Test
    void writeFailureIsRaisedByCloseWhenNoCallRaisedItBefore() throws Exception {
        Hdf5SnapshotStore store = builder().build();
        deleteTree(store.directory());
        store.store(2, 11, TestFields.filled(11));
        SnapshotWriteException e = assertThrows(SnapshotWriteException.class, store::close);
        assertEquals(store.directory().resolve("slot-0002-step-000000011.h5"), e.file());
        assertEquals(11, e.step());
    }

    @Test
    void writeThatFailsAtTheRenameLeavesNoPartialFile() throws Exception {
        try (Hdf5SnapshotStore store = builder().build()) {
            // A non-empty directory under the snapshot's final name: the data is written, the rename fails.
            Path file = store.directory().resolve("slot-0001-step-000000004.h5");
            Files.write(Files.createDirectories(file).resolve("x"), new byte[1]);
            store.store(1, 4, TestFields.filled(4));
            SnapshotWriteException e = assertThrows(SnapshotWriteException.class, store::flush);
            assertEquals(file, e.file());
            assertFalse(Files.exists(store.directory().resolve("slot-0001-step-000000004.h5.tmp")),
                    "the temporary file is removed");
            assertEquals(-1, store.heldStep(1));
            deleteTree(file);
        }
    }
}
