package org.adjoint4j.examples.cli.schedule;

import java.util.Locale;

/** Byte counts in binary units for people: "512 B", "1.5 KiB", "3.2 GiB". */
public final class Bytes {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Bytes() {
    }

    /**
     * {@code bytes} with one decimal in the largest binary unit that keeps the number at least 1.
     *
     * @param bytes a byte count, at least 0
     * @return e.g. "512 B" below 1024, else "1.5 KiB" up to "EiB"
     */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
    }
}
