package org.adjoint4j.checkpoint.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/** The files as the HDF5 reference tool h5dump reads them: the claims of docs/file-formats.md. */
// A deadlock between the caller, the I/O thread and the HDF5 lock must fail the test, not hang the build.
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class Hdf5SnapshotFormatTest {

    private static final String IDENTITY = "cfg-1f2e3d4c:ranks-2x2";

    @TempDir
    Path runDirectory;

    private Hdf5SnapshotStore open() {
        return Hdf5SnapshotStore.builder().directory(runDirectory).layout(TestFields.LAYOUT).capacity(3).rank(3)
                .runIdentity(IDENTITY).gridBlock(new GridBlock(6, 2, 12, 4)).build();
    }

    @Test
    void snapshotFileCarriesTheDocumentedAttributes() throws Exception {
        try (Hdf5SnapshotStore store = open()) {
            store.store(1, 12, TestFields.filled(7));
            store.flush();
            Path file = runDirectory.resolve("rank-00003").resolve("slot-0001-step-000000012.h5");

            assertEquals("\"adjoint4j snapshot\"", H5dump.attribute(file, "/format"));
            assertEquals("1", H5dump.attribute(file, "/format_version"));
            assertEquals("12", H5dump.attribute(file, "/step"));
            assertEquals("3", H5dump.attribute(file, "/rank"));
            assertEquals("1", H5dump.attribute(file, "/slot"));
            assertEquals("\"" + IDENTITY + "\"", H5dump.attribute(file, "/run_identity"));
            assertEquals("[ \"h\", \"uv\" ]", H5dump.attribute(file, "/field_names").replace("\\000", ""));
            assertEquals("[ 2, 6 ]", H5dump.attribute(file, "/global_offset"), "global offset in (y, x) order");
            assertEquals("[ 4, 12 ]", H5dump.attribute(file, "/global_size"), "global size in (y, x) order");
            assertEquals("\"CRC-32C\"", H5dump.attribute(file, "/checksum"));
            assertEquals("1", H5dump.attribute(file, "/complete"));

            assertEquals("H5T_STD_I32LE", H5dump.attributeType(file, "/step"));
            assertEquals("H5T_STD_U8LE", H5dump.attributeType(file, "/complete"));
            assertEquals("H5T_STD_U32LE", H5dump.attributeType(file, "/h/crc32c"));
        }
    }

    @Test
    void datasetsHoldTheValuesInYxOrderWithTheirCrc32c() throws Exception {
        TestFields a = TestFields.filled(7);
        try (Hdf5SnapshotStore store = open()) {
            store.store(0, 5, a);
            store.flush();
            Path file = store.directory().resolve("slot-0000-step-000000005.h5");
            String[] datasets = {"/h", "/uv"};
            String[] shapes = {"( 2, 3 )", "( 4, 5 )"};
            for (int f = 0; f < datasets.length; f++) {
                assertEquals(shapes[f], H5dump.shape(file, datasets[f]), "shape [ny, nx] of " + datasets[f]);
                byte[] raw = H5dump.rawBytes(file, datasets[f], runDirectory);
                double[] values = new double[raw.length / Double.BYTES];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
                assertEquals(a.values[f].length, values.length, datasets[f] + " length");
                for (int i = 0; i < values.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(a.values[f][i]), Double.doubleToRawLongBits(values[i]),
                            datasets[f] + " value " + i + " as h5dump exports it");
                }
                CRC32C crc = new CRC32C();
                crc.update(raw);
                assertEquals(Long.toString(crc.getValue()), H5dump.attribute(file, datasets[f] + "/crc32c"),
                        "CRC-32C of the bytes h5dump exports for " + datasets[f]);
            }
            // Text output, row by row: row j holds cells (0..nx-1, j), x fastest.
            String text = H5dump.run(file, "-d", "/h", "-m", "%.17g", "-w", "0", "-y");
            String data = text.substring(text.indexOf("DATA {") + 6, text.indexOf('}', text.indexOf("DATA {")));
            String[] rows = data.trim().split(",\\s*\\n\\s*");
            assertEquals(2, rows.length, "two rows (ny = 2):\n" + data);
            for (int j = 0; j < rows.length; j++) {
                double[] row = Arrays.stream(rows[j].split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
                assertEquals(3, row.length, "nx = 3 values in row " + j);
                for (int i = 0; i < row.length; i++) {
                    assertEquals(a.values[0][j * 3 + i], row[i], "h at (" + i + ", " + j + ")");
                }
            }
        }
    }

    @Test
    void manifestRecordsTheStore() throws Exception {
        try (Hdf5SnapshotStore store = open()) {
            Path manifest = store.directory().resolve("store.h5");
            assertEquals("\"adjoint4j snapshot store\"", H5dump.attribute(manifest, "/format"));
            assertEquals("1", H5dump.attribute(manifest, "/format_version"));
            assertEquals("\"" + IDENTITY + "\"", H5dump.attribute(manifest, "/run_identity"));
            assertEquals("3", H5dump.attribute(manifest, "/rank"));
            assertEquals("3", H5dump.attribute(manifest, "/capacity"));
            assertEquals("[ \"h\", \"uv\" ]", H5dump.attribute(manifest, "/field_names").replace("\\000", ""));
            assertEquals("H5T_ARRAY { [2][2] H5T_STD_I32LE }", H5dump.attributeType(manifest, "/field_shapes"));
            assertEquals("[ 2, 3, 4, 5 ]", H5dump.attribute(manifest, "/field_shapes").replaceAll("\\s+", " "),
                    "(ny, nx) of each field, row by row");
            assertEquals("[ 2, 6 ]", H5dump.attribute(manifest, "/global_offset"));
            assertEquals("1", H5dump.attribute(manifest, "/complete"));
        }
    }
}
