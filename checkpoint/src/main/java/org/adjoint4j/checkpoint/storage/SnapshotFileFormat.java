package org.adjoint4j.checkpoint.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the files, attributes and values of the disk tier's format, version
 * {@value #VERSION}. {@code docs/file-formats.md} describes the same format for readers outside
 * Java; the two must change together.
 */
final class SnapshotFileFormat {

    /** Raised whenever a file written by this version could not be read by an earlier one. */
    static final int VERSION = 1;

    /** Value of {@link #FORMAT} in a snapshot file. */
    static final String SNAPSHOT_KIND = "adjoint4j snapshot";
    /** Value of {@link #FORMAT} in a store's manifest. */
    static final String MANIFEST_KIND = "adjoint4j snapshot store";
    /** Value of {@link #CHECKSUM}: the algorithm of every {@link #CRC32C} attribute. */
    static final String CHECKSUM_ALGORITHM = "CRC-32C";

    static final String FORMAT = "format";
    static final String FORMAT_VERSION = "format_version";
    static final String RUN_IDENTITY = "run_identity";
    static final String RANK = "rank";
    static final String CAPACITY = "capacity";
    static final String SLOT = "slot";
    static final String STEP = "step";
    static final String FIELD_NAMES = "field_names";
    static final String FIELD_SHAPES = "field_shapes";
    static final String GLOBAL_OFFSET = "global_offset";
    static final String GLOBAL_SIZE = "global_size";
    static final String CHECKSUM = "checksum";
    static final String CRC32C = "crc32c";
    /** Written last; its presence means every other attribute and dataset was written. */
    static final String COMPLETE = "complete";

    static final String MANIFEST_FILE = "store.h5";
    static final String TEMPORARY_SUFFIX = ".tmp";

    private static final Pattern SNAPSHOT_NAME = Pattern.compile("slot-(\\d{4,9})-step-(\\d{9,10})\\.h5");

    private SnapshotFileFormat() {
    }

    /** The directory of one rank's store inside the run directory. */
    static String rankDirectoryName(int rank) {
        return String.format(Locale.ROOT, "rank-%05d", rank);
    }

    /** The durable name of the snapshot of {@code step} in {@code slot}. */
    static String snapshotFileName(int slot, int step) {
        return String.format(Locale.ROOT, "slot-%04d-step-%09d.h5", slot, step);
    }

    /** The name a file has while it is being written. */
    static Path temporaryOf(Path file) {
        return file.resolveSibling(file.getFileName() + TEMPORARY_SUFFIX);
    }

    /**
     * The slot and step encoded in a durable snapshot file name, or null if {@code name} is not one.
     *
     * @return {slot, step}
     */
    static int[] parseSnapshotFileName(String name) {
        Matcher m = SNAPSHOT_NAME.matcher(name);
        if (!m.matches()) {
            return null;
        }
        long step = Long.parseLong(m.group(2));
        if (step > Integer.MAX_VALUE) {
            return null;
        }
        return new int[] {Integer.parseInt(m.group(1)), (int) step};
    }
}
