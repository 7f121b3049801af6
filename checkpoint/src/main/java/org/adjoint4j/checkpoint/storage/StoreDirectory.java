package org.adjoint4j.checkpoint.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The directory of one rank's disk store: the checks made when the store opens, the snapshots it
 * already holds (the directory is the store's journal), and its removal when the store closes.
 */
final class StoreDirectory {

    /** Room asked of the file system per snapshot on top of its values: HDF5 metadata and attributes. */
    private static final long FILE_OVERHEAD_BYTES = 64 * 1024;
    /** Room asked of the file system on top of the values, as a fraction: 1/20 = 5 %. */
    private static final int MARGIN_DIVISOR = 20;

    /** How much room the file system of a directory has; replaceable so that tests can make it small. */
    @FunctionalInterface
    interface FreeSpaceProbe {
        long usableBytes(Path directory) throws IOException;
    }

    private final Path path;
    private final StoreMetadata metadata;
    private final Contents found;

    private StoreDirectory(Path path, StoreMetadata metadata) {
        this.path = path;
        this.metadata = metadata;
        this.found = Contents.scan(path);
    }

    /**
     * Creates the rank's directory inside {@code runDirectory} if needed, checks that a file can be
     * written there, and lists what it holds.
     *
     * @throws UncheckedIOException naming the directory if it cannot be created or written
     */
    static StoreDirectory open(Path runDirectory, StoreMetadata metadata) {
        Path path = runDirectory.resolve(SnapshotFileFormat.rankDirectoryName(metadata.rank()));
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot create the snapshot directory " + path + ": "
                    + describe(e), e));
        }
        Path probe = path.resolve(".write-probe" + SnapshotFileFormat.TEMPORARY_SUFFIX);
        try {
            Files.write(probe, new byte[1]);
            Files.delete(probe);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("the snapshot directory " + path + " is not writable: "
                    + describe(e), e));
        }
        return new StoreDirectory(path, metadata);
    }

    Path path() {
        return path;
    }

    /** The durable file of the snapshot of {@code step} in {@code slot}. */
    Path snapshotFile(int slot, int step) {
        return path.resolve(SnapshotFileFormat.snapshotFileName(slot, step));
    }

    /**
     * The step held by each slot: in resume mode those of the durable snapshot files of an earlier
     * run with the same manifest; otherwise none, and a directory that holds a store is refused.
     *
     * @return one entry per slot, -1 for a free slot
     * @throws IllegalStateException naming the directory and why it cannot be used
     */
    int[] heldSteps(boolean resume) {
        int[] held = new int[metadata.capacity()];
        Arrays.fill(held, -1);
        if (!resume) {
            if (found.manifest || !found.snapshots.isEmpty()) {
                throw new IllegalStateException("the snapshot directory " + path + " holds the store of an earlier run ("
                        + found.snapshots.size() + " snapshot files); open it with resume(true) to continue that run, "
                        + "or remove the directory");
            }
            return held;
        }
        if (!found.manifest) {
            if (!found.snapshots.isEmpty()) {
                throw new IllegalStateException("cannot resume the snapshot store in " + path + ": it holds "
                        + found.snapshots.size() + " snapshot files but no manifest " + SnapshotFileFormat.MANIFEST_FILE);
            }
            return held;
        }
        StoreManifest.verify(path, metadata);
        for (int[] slotStep : found.snapshots) {
            int slot = slotStep[0];
            int step = slotStep[1];
            if (slot >= held.length) {
                throw new IllegalStateException("cannot resume the snapshot store in " + path + ": file "
                        + SnapshotFileFormat.snapshotFileName(slot, step) + " is in slot " + slot + " of a store with "
                        + held.length + " slots");
            }
            if (held[slot] >= 0) {
                throw new IllegalStateException("cannot resume the snapshot store in " + path + ": slot " + slot
                        + " has two files, " + SnapshotFileFormat.snapshotFileName(slot, held[slot]) + " and "
                        + SnapshotFileFormat.snapshotFileName(slot, step));
            }
            held[slot] = step;
        }
        return held;
    }

    /**
     * Checks that the file system has room for {@code snapshots} more snapshot files.
     *
     * @throws UncheckedIOException naming the directory, the bytes needed and the bytes available
     */
    void checkFreeSpace(FreeSpaceProbe probe, int snapshots) {
        long snapshotBytes = metadata.layout().bytes();
        long perFile = snapshotBytes + snapshotBytes / MARGIN_DIVISOR + FILE_OVERHEAD_BYTES;
        long needed;
        try {
            needed = Math.multiplyExact(snapshots, perFile);
        } catch (ArithmeticException e) {
            needed = Long.MAX_VALUE;
        }
        long available;
        try {
            available = probe.usableBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot tell the free space of the snapshot directory "
                    + path + ": " + describe(e), e));
        }
        if (available < needed) {
            throw new UncheckedIOException(new IOException("not enough free space for snapshots in " + path + ": "
                    + snapshots + " snapshots of " + snapshotBytes + " bytes need " + needed
                    + " bytes with overhead, but only " + available + " bytes are available"));
        }
    }

    /** Removes the temporary files of interrupted writes and writes the manifest of a new store. */
    void prepareForWrites() {
        try {
            for (Path t : found.temporaries) {
                Files.deleteIfExists(t);
            }
            if (!found.temporaries.isEmpty()) {
                DurableFiles.syncDirectory(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot remove the temporary files in " + path + ": "
                    + describe(e), e));
        }
        if (!found.manifest) {
            StoreManifest.create(path, metadata);
        }
    }

    /**
     * Removes every file of the store (snapshots, temporaries, manifest) and then the directory if
     * nothing else is left in it.
     *
     * @throws UncheckedIOException naming the directory if a file cannot be removed
     */
    void removeAll() {
        if (!Files.isDirectory(path)) {
            return;
        }
        Contents now = Contents.scan(path);
        try {
            for (int[] slotStep : now.snapshots) {
                Files.deleteIfExists(snapshotFile(slotStep[0], slotStep[1]));
            }
            for (Path t : now.temporaries) {
                Files.deleteIfExists(t);
            }
            Files.deleteIfExists(path.resolve(SnapshotFileFormat.MANIFEST_FILE));
            try (DirectoryStream<Path> rest = Files.newDirectoryStream(path)) {
                if (!rest.iterator().hasNext()) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot remove the snapshot files in " + path + ": "
                    + describe(e), e));
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The files of the disk format found in the directory. */
    private record Contents(boolean manifest, List<int[]> snapshots, List<Path> temporaries) {

        static Contents scan(Path directory) {
            boolean manifest = false;
            List<int[]> snapshots = new ArrayList<>();
            List<Path> temporaries = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path p : entries) {
                    String name = p.getFileName().toString();
                    int[] slotStep = SnapshotFileFormat.parseSnapshotFileName(name);
                    if (name.equals(SnapshotFileFormat.MANIFEST_FILE)) {
                        manifest = true;
                    } else if (slotStep != null) {
                        snapshots.add(slotStep);
                    } else if (name.endsWith(SnapshotFileFormat.TEMPORARY_SUFFIX)) {
                        temporaries.add(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("cannot list the snapshot directory " + directory + ": "
                        + describe(e), e));
            }
            return new Contents(manifest, snapshots, temporaries);
        }
    }
}
