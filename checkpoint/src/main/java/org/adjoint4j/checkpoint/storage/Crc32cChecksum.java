package org.adjoint4j.checkpoint.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.zip.CRC32C;

/**
 * CRC-32C (Castagnoli) of double values, taken over their IEEE 754 bytes in little-endian order,
 * value after value: the bytes an HDF5 {@code H5T_IEEE_F64LE} dataset holds. One instance per
 * thread: it reuses its byte buffer, so checksums allocate nothing.
 */
final class Crc32cChecksum {

    private static final int BUFFER_BYTES = 1 << 16;

    private final CRC32C crc = new CRC32C();
    private final ByteBuffer bytes = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final DoubleBuffer doubles = bytes.asDoubleBuffer();

    /**
     * The checksum of all of {@code values}.
     *
     * @param values read
     * @return the CRC-32C as an unsigned 32-bit value
     */
    long of(double[] values) {
        crc.reset();
        for (int offset = 0; offset < values.length;) {
            int n = Math.min(values.length - offset, doubles.capacity());
            doubles.clear();
            doubles.put(values, offset, n);
            bytes.clear().limit(n * Double.BYTES);
            crc.update(bytes);
            offset += n;
        }
        return crc.getValue();
    }
}
