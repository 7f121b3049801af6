package org.adjoint4j.checkpoint.storage;

import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.CHECKSUM;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.CHECKSUM_ALGORITHM;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.COMPLETE;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.CRC32C;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.FIELD_NAMES;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.FORMAT;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.FORMAT_VERSION;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.GLOBAL_OFFSET;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.GLOBAL_SIZE;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.RANK;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.RUN_IDENTITY;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.SLOT;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.SNAPSHOT_KIND;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.STEP;

import ch.systemsx.cisd.base.mdarray.MDDoubleArray;
import ch.systemsx.cisd.hdf5.HDF5Factory;
import ch.systemsx.cisd.hdf5.HDF5FloatStorageFeatures;
import ch.systemsx.cisd.hdf5.IHDF5Writer;
import ch.systemsx.cisd.hdf5.IHDF5WriterConfigurator.SyncMode;
import hdf.hdf5lib.H5;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adjoint4j.checkpoint.SnapshotField;

/**
 * Writes one snapshot file durably: under a temporary name, then forced to the disk and renamed
 * (see {@link DurableFiles}). Not thread-safe: the store's I/O thread owns one.
 */
final class SnapshotFileWriter {

    /** Target bytes of one compressed chunk: large enough for deflate, small enough to stay in cache. */
    private static final int CHUNK_BYTES = 1 << 20;

    private final StoreMetadata metadata;
    private final HDF5FloatStorageFeatures compression;
    private final Crc32cChecksum checksum = new Crc32cChecksum();

    /**
     * @param deflateLevel 0 for contiguous, uncompressed datasets; 1 to 9 for shuffle + deflate
     */
    SnapshotFileWriter(StoreMetadata metadata, int deflateLevel) {
        this.metadata = metadata;
        // noScaling(): without it JHDF5's builder defaults to lossy scale-offset compression.
        this.compression = deflateLevel == 0 ? null
                : HDF5FloatStorageFeatures.build().shuffleBeforeDeflate(true).deflateLevel((byte) deflateLevel)
                        .noScaling().features();
    }

    /**
     * Writes {@code values} as the snapshot of {@code step} in {@code slot} to {@code file}. On any
     * failure no file of that name is created and the temporary file is removed.
     *
     * @param values read: one array per field of the layout, viewed as [ny, nx]
     * @throws IOException or an unchecked HDF5 exception if any part of the write fails
     */
    void write(Path file, int slot, int step, MDDoubleArray[] values) throws IOException {
        Path temporary = SnapshotFileFormat.temporaryOf(file);
        // A thread-safe libhdf5 prints its error stack per thread unless told not to on each one.
        H5.H5error_off();
        try {
            try (IHDF5Writer w = openForWriting(temporary)) {
                writeHeader(w, SNAPSHOT_KIND, metadata);
                w.int32().setAttr("/", SLOT, slot);
                w.int32().setAttr("/", STEP, step);
                w.string().setAttr("/", CHECKSUM, CHECKSUM_ALGORITHM);
                List<SnapshotField> fields = metadata.layout().fields();
                for (int f = 0; f < values.length; f++) {
                    writeField(w, fields.get(f), values[f]);
                }
                w.uint8().setAttr("/", COMPLETE, (byte) 1);
            }
            DurableFiles.commit(temporary, file);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void writeField(IHDF5Writer w, SnapshotField field, MDDoubleArray values) {
        String dataset = "/" + field.name();
        if (compression == null) {
            w.float64().writeMDArray(dataset, values, HDF5FloatStorageFeatures.FLOAT_CONTIGUOUS);
        } else {
            int rows = Math.max(1, Math.min(field.ny(), CHUNK_BYTES / Double.BYTES / field.nx()));
            int columns = Math.min(field.nx(), CHUNK_BYTES / Double.BYTES);
            w.float64().createMDArray(dataset, new long[] {field.ny(), field.nx()}, new int[] {rows, columns}, compression);
            w.float64().writeMDArrayBlockWithOffset(dataset, values, new long[] {0, 0});
        }
        w.uint32().setAttr(dataset, CRC32C, (int) checksum.of(values.getAsFlatArray()));
    }

    /** Opens a new HDF5 file; the caller forces it to the disk after closing. */
    static IHDF5Writer openForWriting(Path file) {
        // Extendable (chunked) datasets are JHDF5's default and cost 2-4x on writes; fsync is ours.
        return HDF5Factory.configure(file.toFile()).overwrite().dontUseExtendableDataTypes().syncMode(SyncMode.NO_SYNC)
                .writer();
    }

    /** The root attributes that snapshot files and the manifest share. */
    static void writeHeader(IHDF5Writer w, String kind, StoreMetadata metadata) {
        w.string().setAttr("/", FORMAT, kind);
        w.int32().setAttr("/", FORMAT_VERSION, SnapshotFileFormat.VERSION);
        w.string().setAttr("/", RUN_IDENTITY, metadata.runIdentity());
        w.int32().setAttr("/", RANK, metadata.rank());
        w.string().setArrayAttr("/", FIELD_NAMES, metadata.fieldNames());
        GridBlock block = metadata.gridBlock();
        if (block != null) {
            w.int32().setArrayAttr("/", GLOBAL_OFFSET, new int[] {block.offsetY(), block.offsetX()});
            w.int32().setArrayAttr("/", GLOBAL_SIZE, new int[] {block.globalNy(), block.globalNx()});
        }
    }
}
