package org.adjoint4j.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.adjoint4j.adjoint.SweepStatistics;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.TierUsage;

/** Prints the statistics of a gradient computation as an aligned table. */
final class StatisticsReport {

    private StatisticsReport() {
    }

    static void print(PrintWriter out, SweepStatistics s) {
        row(out, "forward evaluations", String.format(Locale.ROOT, "%d  (recompute factor %.3f)",
                s.forwardEvaluations(), s.recomputeFactor()));
        row(out, "adjoint steps", Long.toString(s.adjointSteps()));
        for (Tier t : Tier.values()) {
            TierUsage u = s.usage(t);
            if (u.stores() > 0) {
                row(out, t.name().toLowerCase(Locale.ROOT) + " tier", String.format(Locale.ROOT,
                        "%d stores, %d restores, peak %d snapshots = %s", u.stores(), u.restores(), u.peakSlots(),
                        bytes(s.peakBytes(t))));
            }
        }
        row(out, "peak snapshots", Integer.toString(s.peakSnapshots()));
        row(out, "time", String.format(Locale.ROOT,
                "%.3f s total: forward %.3f, adjoint %.3f, storage %.3f, objective %.3f, driver %.3f",
                seconds(s.totalNanos()), seconds(s.forwardNanos()), seconds(s.adjointNanos()),
                seconds(s.storageNanos()), seconds(s.objectiveNanos()), seconds(s.overheadNanos())));
    }

    static void row(PrintWriter out, String name, String value) {
        out.printf(Locale.ROOT, "  %-22s %s%n", name, value);
    }

    static double seconds(long nanos) {
        return nanos * 1e-9;
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
