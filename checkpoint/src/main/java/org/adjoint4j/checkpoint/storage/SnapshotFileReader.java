package org.adjoint4j.checkpoint.storage;

import static org.adjoint4j.checkpoint.SnapshotCorruptedException.WHOLE_FILE;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.COMPLETE;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.CRC32C;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.FORMAT_VERSION;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.RANK;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.RUN_IDENTITY;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.SLOT;
import static org.adjoint4j.checkpoint.storage.SnapshotFileFormat.STEP;

import ch.systemsx.cisd.base.mdarray.MDDoubleArray;
import ch.systemsx.cisd.hdf5.HDF5DataClass;
import ch.systemsx.cisd.hdf5.HDF5DataSetInformation;
import ch.systemsx.cisd.hdf5.HDF5DataTypeInformation;
import ch.systemsx.cisd.hdf5.HDF5Factory;
import ch.systemsx.cisd.hdf5.IHDF5Reader;
import hdf.hdf5lib.H5;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.adjoint4j.checkpoint.SnapshotCorruptedException;
import org.adjoint4j.checkpoint.SnapshotField;

/**
 * Reads one snapshot file and verifies all of it before the caller may use any value: the
 * {@code complete} marker, format version, run identity, rank, slot and step, each dataset's
 * presence, type and shape, and each dataset's CRC-32C. Not thread-safe: one per thread.
 */
final class SnapshotFileReader {

    private final StoreMetadata metadata;
    private final Crc32cChecksum checksum = new Crc32cChecksum();

    SnapshotFileReader(StoreMetadata metadata) {
        this.metadata = metadata;
    }

    /**
     * Reads the snapshot of {@code step} in {@code slot} from {@code file} into {@code values}.
     *
     * @param values written: one array per field of the layout, viewed as [ny, nx]; their contents
     *               are undefined when this throws
     * @throws SnapshotCorruptedException naming the file and dataset if anything is missing, different
     *                                    or unreadable
     */
    void read(Path file, int slot, int step, MDDoubleArray[] values) {
        if (!Files.isRegularFile(file)) {
            throw corrupted(file, WHOLE_FILE, step, "the file is missing", null);
        }
        // A thread-safe libhdf5 prints its error stack per thread unless told not to on each one.
        H5.H5error_off();
        String dataset = WHOLE_FILE;
        try (IHDF5Reader r = HDF5Factory.openForReading(file.toFile())) {
            checkHeader(r, file, slot, step);
            List<SnapshotField> fields = metadata.layout().fields();
            for (int f = 0; f < values.length; f++) {
                dataset = "/" + fields.get(f).name();
                readField(r, file, dataset, fields.get(f), step, values[f]);
            }
        } catch (HDF5Exception e) {
            throw corrupted(file, dataset, step, "unreadable HDF5 data: " + firstLine(e.getMessage()), e);
        }
    }

    private void checkHeader(IHDF5Reader r, Path file, int slot, int step) {
        if (!r.object().hasAttribute("/", COMPLETE) || r.uint8().getAttr("/", COMPLETE) != 1) {
            throw corrupted(file, WHOLE_FILE, step, "the '" + COMPLETE + "' marker is missing (the write did not finish)",
                    null);
        }
        int version = r.int32().getAttr("/", FORMAT_VERSION);
        if (version != SnapshotFileFormat.VERSION) {
            throw corrupted(file, WHOLE_FILE, step, "format version " + version + ", this library reads version "
                    + SnapshotFileFormat.VERSION, null);
        }
        String identity = r.string().getAttr("/", RUN_IDENTITY);
        if (!identity.equals(metadata.runIdentity())) {
            throw corrupted(file, WHOLE_FILE, step, "the file belongs to run '" + identity + "', not to this run '"
                    + metadata.runIdentity() + "'", null);
        }
        int fileRank = r.int32().getAttr("/", RANK);
        int fileSlot = r.int32().getAttr("/", SLOT);
        int fileStep = r.int32().getAttr("/", STEP);
        if (fileRank != metadata.rank() || fileSlot != slot || fileStep != step) {
            throw corrupted(file, WHOLE_FILE, step, "the file holds step " + fileStep + " of rank " + fileRank
                    + " in slot " + fileSlot + ", expected step " + step + " of rank " + metadata.rank() + " in slot "
                    + slot, null);
        }
    }

    private void readField(IHDF5Reader r, Path file, String dataset, SnapshotField field, int step,
            MDDoubleArray values) {
        if (!r.object().isDataSet(dataset)) {
            throw corrupted(file, dataset, step, "the dataset is missing", null);
        }
        HDF5DataSetInformation info = r.object().getDataSetInformation(dataset);
        HDF5DataTypeInformation type = info.getTypeInformation();
        if (type.getDataClass() != HDF5DataClass.FLOAT || type.getElementSize() != Double.BYTES) {
            throw corrupted(file, dataset, step, "the dataset holds " + type + ", expected 64-bit floating point", null);
        }
        long[] expected = {field.ny(), field.nx()};
        if (!Arrays.equals(info.getDimensions(), expected)) {
            throw corrupted(file, dataset, step, "the dataset has shape " + Arrays.toString(info.getDimensions())
                    + ", expected " + Arrays.toString(expected) + " ([ny, nx])", null);
        }
        if (!r.object().hasAttribute(dataset, CRC32C)) {
            throw corrupted(file, dataset, step, "the checksum attribute '" + CRC32C + "' is missing", null);
        }
        long stored = Integer.toUnsignedLong(r.uint32().getAttr(dataset, CRC32C));
        r.float64().readToMDArrayWithOffset(dataset, values, new int[] {0, 0});
        long computed = checksum.of(values.getAsFlatArray());
        if (computed != stored) {
            throw corrupted(file, dataset, step, String.format(Locale.ROOT,
                    "checksum mismatch: stored CRC-32C %08x, computed %08x from the data", stored, computed), null);
        }
    }

    private SnapshotCorruptedException corrupted(Path file, String dataset, int step, String problem, Throwable cause) {
        return new SnapshotCorruptedException(file, dataset, step, metadata.rank(), problem, cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
