package org.adjoint4j.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.SweepStatistics;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.solvers.heat.Heat2dProblem;

/**
 * The driver's own cost: wall time of a whole heat2d gradient minus the time inside the step
 * functions and the snapshot copies, as a fraction of the wall time (objective evaluation counted as
 * overhead). Default N = 512, T = 1000, s = 20; arguments: N T s measuredRuns.
 */
public final class DriverOverheadReport {

    private DriverOverheadReport() {
    }

    /**
     * Runs two warm-up gradients, then the measured ones, and prints the overhead and the time split
     * to standard output.
     *
     * @param args optional {@code N T s measuredRuns}: cells per side (default 512), steps (1000),
     *             binomial slots (20) and measured gradients (7)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int snapshots = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        Heat2dProblem p = Heat2dProblem.builder().cells(n).steps(steps).build();
        AdjointDriver driver = p.driver(BinomialSchedule.of(steps, snapshots));
        Controls m = p.initialControls();
        for (int i = 0; i < 2; i++) {
            driver.gradient(m); // warm-up
        }
        double[] overhead = new double[runs];
        double[] wall = new double[runs];
        SweepStatistics last = null;
        for (int i = 0; i < runs; i++) {
            last = driver.gradient(m).statistics();
            long inside = last.forwardNanos() + last.adjointNanos() + last.storageNanos();
            overhead[i] = (double) (last.totalNanos() - inside) / last.totalNanos();
            wall[i] = last.totalNanos() * 1e-9;
        }
        double[] sorted = overhead.clone();
        Arrays.sort(sorted);
        double[] wallSorted = wall.clone();
        Arrays.sort(wallSorted);
        System.out.printf(Locale.ROOT, "heat2d N=%d T=%d s=%d: %d forward evaluations (recompute factor %.3f), %d stores%n",
                n, steps, snapshots, last.forwardEvaluations(), last.recomputeFactor(),
                last.usage(org.adjoint4j.checkpoint.Tier.MEMORY).stores());
        System.out.printf(Locale.ROOT, "gradient wall time: median %.3f s (min %.3f, max %.3f) over %d runs%n",
                wallSorted[runs / 2], wallSorted[0], wallSorted[runs - 1], runs);
        System.out.printf(Locale.ROOT, "driver overhead (wall - steps - snapshot copies) / wall: median %.3f%% (min %.3f%%, max %.3f%%)%n",
                100 * sorted[runs / 2], 100 * sorted[0], 100 * sorted[runs - 1]);
        System.out.printf(Locale.ROOT, "last run split: forward %.3f s, adjoint %.3f s, storage %.3f s, objective %.4f s, other %.4f s%n",
                last.forwardNanos() * 1e-9, last.adjointNanos() * 1e-9, last.storageNanos() * 1e-9,
                last.objectiveNanos() * 1e-9, last.overheadNanos() * 1e-9);
    }
}
