package org.adjoint4j.checkpoint.storage;

import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.CAPACITY;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.COMPLETE;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.FIELD_NAMES;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.FIELD_SHAPES;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.FORMAT;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.FORMAT_VERSION;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.MANIFEST_KIND;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.RANK;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.RUN_IDENTITY;

import ch.systemsx.cisd.hdf5.HDF5Factory;
import ch.systemsx.cisd.hdf5.IHDF5Reader;
import ch.systemsx.cisd.hdf5.IHDF5Writer;
import hdf.hdf5lib.H5;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The manifest of one rank's store: a small HDF5 file, {@value SnapshotFileFormat#MANIFEST_FILE},
 * with the format version, run identity, rank, capacity and layout. It is written once when a new
 * store is created, so that a store opened again in resume mode can refuse a directory of another
 * run or format even before any snapshot exists.
 */
final class StoreManifest {

    private StoreManifest() {
    }

    /** Writes the manifest of {@code metadata} durably into {@code directory}. */
    static void create(Path directory, StoreMetadata metadata) {
        Path file = directory.resolve(SnapshotFileFormat.MANIFEST_FILE);
        Path temporary = SnapshotFileFormat.temporaryOf(file);
        // A thread-safe libhdf5 prints its error stack per thread unless told not to on each one.
        H5.H5error_off();
        try {
            try (IHDF5Writer w = SnapshotFileWriter.openForWriting(temporary)) {
                SnapshotFileWriter.writeHeader(w, MANIFEST_KIND, metadata);
                w.int32().setAttr("/", CAPACITY, metadata.capacity());
                w.int32().setMatrixAttr("/", FIELD_SHAPES, metadata.fieldShapes());
                w.uint8().setAttr("/", COMPLETE, (byte) 1);
            }
            DurableFiles.commit(temporary, file);
        } catch (IOException | HDF5Exception e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new UncheckedIOException(new IOException("cannot write the snapshot store manifest " + file + ": "
                    + e.getMessage(), e));
        }
    }

    /**
     * Checks that the manifest in {@code directory} was written by this format version for the same
     * run, rank, capacity and layout as {@code metadata}.
     *
     * @throws IllegalStateException naming the manifest and what differs, or why it cannot be read
     */
    static void verify(Path directory, StoreMetadata metadata) {
        Path file = directory.resolve(SnapshotFileFormat.MANIFEST_FILE);
        H5.H5error_off();
        try (IHDF5Reader r = HDF5Factory.openForReading(file.toFile())) {
            if (!r.object().hasAttribute("/", COMPLETE) || !MANIFEST_KIND.equals(r.string().getAttr("/", FORMAT))) {
                throw refuse(file, "it is not a complete snapshot store manifest");
            }
            int version = r.int32().getAttr("/", FORMAT_VERSION);
            if (version != SnapshotFileFormat.VERSION) {
                throw refuse(file, "it was written in format version " + version + "; this library reads version "
                        + SnapshotFileFormat.VERSION);
            }
            String identity = r.string().getAttr("/", RUN_IDENTITY);
            if (!identity.equals(metadata.runIdentity())) {
                throw refuse(file, "it belongs to run '" + identity + "', not to this run '" + metadata.runIdentity()
                        + "'");
            }
            same(file, RANK, r.int32().getAttr("/", RANK), metadata.rank());
            same(file, CAPACITY, r.int32().getAttr("/", CAPACITY), metadata.capacity());
            String[] names = r.string().getArrayAttr("/", FIELD_NAMES);
            int[][] shapes = r.int32().getMatrixAttr("/", FIELD_SHAPES);
            if (!Arrays.equals(names, metadata.fieldNames()) || !Arrays.deepEquals(shapes, metadata.fieldShapes())) {
                throw refuse(file, "its fields " + Arrays.toString(names) + " with shapes " + Arrays.deepToString(shapes)
                        + " differ from this store's " + Arrays.toString(metadata.fieldNames()) + " with shapes "
                        + Arrays.deepToString(metadata.fieldShapes()));
            }
        } catch (HDF5Exception e) {
            throw new IllegalStateException("cannot resume the snapshot store in " + directory + ": its manifest "
                    + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static void same(Path file, String attribute, int found, int expected) {
        if (found != expected) {
            throw refuse(file, "its " + attribute + " is " + found + ", this store's is " + expected);
        }
    }

    private static IllegalStateException refuse(Path file, String why) {
        return new IllegalStateException("cannot resume the snapshot store in " + file.getParent() + ": the manifest "
                + file.getFileName() + " does not match: " + why);
    }
}
