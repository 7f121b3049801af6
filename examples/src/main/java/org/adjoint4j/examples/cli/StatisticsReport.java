package org.adjoint4j.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.adjoint4j.adjoint.SweepStatistics;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.TierUsage;
import org.adjoint4j.examples.cli.output.ControlNorm;
import org.adjoint4j.examples.cli.schedule.Bytes;

/** Prints the result and statistics of a gradient computation as an aligned table. */
final class StatisticsReport {

    private StatisticsReport() {
    }

    /** J and the size of the gradient per control. */
    static void printGradient(PrintWriter out, String objective, double value, List<ControlNorm> norms) {
        row(out, objective, String.format(Locale.ROOT, "%.12e", value));
        for (ControlNorm n : norms) {
            String text = n.scalar() ? String.format(Locale.ROOT, "%.6e", n.value())
                    : String.format(Locale.ROOT, "%.6e (2-norm), %.6e (max)", n.norm2(), n.normMax());
            row(out, n.scalar() ? "d" + objective + "/d" + n.control() : "|d" + objective + "/d" + n.control() + "|", text);
        }
    }

    /** Forward evaluations, recompute factor, use of each storage tier, peak snapshots and time split. */
    static void print(PrintWriter out, SweepStatistics s) {
        row(out, "forward evaluations", String.format(Locale.ROOT, "%d  (recompute factor %.3f)",
                s.forwardEvaluations(), s.recomputeFactor()));
        row(out, "adjoint steps", Long.toString(s.adjointSteps()));
        for (Tier t : Tier.values()) {
            TierUsage u = s.usage(t);
            if (u.stores() > 0) {
                row(out, t.name().toLowerCase(Locale.ROOT) + " tier", String.format(Locale.ROOT,
                        "%d stores, %d restores, peak %d snapshots = %s", u.stores(), u.restores(), u.peakSlots(),
                        Bytes.format(s.peakBytes(t))));
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
}
