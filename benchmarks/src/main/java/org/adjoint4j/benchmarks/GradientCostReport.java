package org.adjoint4j.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.SweepStatistics;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.solvers.burgers.BurgersProblem;
import org.adjoint4j.solvers.heat.Heat2dImplicitProblem;
import org.adjoint4j.solvers.heat.Heat2dProblem;
import org.adjoint4j.solvers.lorenz96.Lorenz96Problem;
import org.adjoint4j.solvers.shallowwater.ShallowWaterIntegrator;
import org.adjoint4j.solvers.shallowwater.ShallowWaterProblem;

/**
 * What a gradient costs against the forward run alone, per example model, under binomial
 * checkpointing with s = 20 slots (one rank): the measured ratio of wall times (gradient / forward
 * run), next to the schedule's predicted recompute factor (forward evaluations / T, replayed without a
 * model) and the prediction recompute factor + ρ, with ρ the measured cost of an adjoint step over a
 * forward step. Medians over the runs, the cases interleaved in each run.
 *
 * <p>Arguments: runs (default 5), slots (default 20).
 */
public final class GradientCostReport {

    private GradientCostReport() {
    }

    /** One example model: its name, steps, controls and a driver for a schedule. */
    private record Case(String name, int steps, Controls controls, Function<Schedule, AdjointDriver> driver) {
    }

    /**
     * Runs one warm-up gradient and forward run per model, then the measured runs, and prints one row
     * per model to standard output.
     *
     * @param args optional {@code runs slots}: measured runs per model (default 5) and binomial slots
     *             (default 20)
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Case> cases = cases();
        AdjointDriver[] drivers = new AdjointDriver[cases.size()];
        Schedule[] schedules = new Schedule[cases.size()];
        for (int c = 0; c < drivers.length; c++) {
            schedules[c] = BinomialSchedule.of(cases.get(c).steps(), slots);
            drivers[c] = cases.get(c).driver().apply(schedules[c]);
            drivers[c].gradient(cases.get(c).controls()); // warm-up
            drivers[c].value(cases.get(c).controls());
        }
        double[][] forward = new double[drivers.length][runs];
        double[][] gradient = new double[drivers.length][runs];
        double[][] adjointOverForward = new double[drivers.length][runs];
        for (int r = 0; r < runs; r++) {
            for (int c = 0; c < drivers.length; c++) {
                Controls m = cases.get(c).controls();
                long t = System.nanoTime();
                drivers[c].value(m);
                forward[c][r] = (System.nanoTime() - t) * 1e-9;
                SweepStatistics s = drivers[c].gradient(m).statistics();
                gradient[c][r] = s.totalNanos() * 1e-9;
                adjointOverForward[c][r] = ((double) s.adjointNanos() / s.adjointSteps())
                        / ((double) s.forwardNanos() / s.forwardEvaluations());
            }
        }
        System.out.printf(Locale.ROOT, "gradient cost / forward cost, binomial checkpointing with s = %d, 1 rank, median of %d"
                + " runs, java %s%n", slots, runs, Runtime.version());
        System.out.printf(Locale.ROOT, "  %-34s %6s %9s %9s %9s %9s %8s %9s%n", "model", "T", "forward s", "gradient s",
                "measured", "recompute", "rho", "predicted");
        for (int c = 0; c < drivers.length; c++) {
            Case k = cases.get(c);
            double rf = (double) ScheduleSummary.of(schedules[c]).forwardEvaluations() / k.steps();
            double rho = median(adjointOverForward[c]);
            double[] ratio = new double[runs];
            for (int r = 0; r < runs; r++) {
                ratio[r] = gradient[c][r] / forward[c][r];
            }
            System.out.printf(Locale.ROOT, "  %-34s %6d %9.3f %9.3f %9.2f %9.3f %8.2f %9.2f%n", k.name(), k.steps(),
                    median(forward[c]), median(gradient[c]), median(ratio), rf, rho, rf + rho);
        }
        System.out.println("measured = gradient / forward wall time; recompute = forward evaluations / T of the schedule;");
        System.out.println("rho = adjoint step / forward step time in the gradient; predicted = recompute + rho");
    }

    private static List<Case> cases() {
        Heat2dProblem heat = Heat2dProblem.builder().cells(256).steps(1000).build();
        Heat2dImplicitProblem implicit = Heat2dImplicitProblem.builder().cells(128).steps(200).build();
        BurgersProblem burgers = BurgersProblem.builder().cells(128, 128).steps(400).build();
        ShallowWaterProblem rk3 = ShallowWaterProblem.builder().cells(128, 64).steps(400)
                .integrator(ShallowWaterIntegrator.RK3).build();
        ShallowWaterProblem leapfrog = ShallowWaterProblem.builder().cells(128, 64).steps(400)
                .integrator(ShallowWaterIntegrator.LEAPFROG).courantNumber(0.4).build();
        Lorenz96Problem lorenz = Lorenz96Problem.builder().variables(4096).steps(2000).observeEvery(10).build();
        return List.of(
                new Case("heat2d 256x256", heat.steps(), heat.initialControls(), heat::driver),
                new Case("heat2d-implicit 128x128 (CN, 10x dt)", implicit.steps(), implicit.initialControls(), implicit::driver),
                new Case("burgers2d 128x128 (SSP-RK2)", burgers.steps(), burgers.initialControls(), burgers::driver),
                new Case("shallow-water 128x64 (RK3)", rk3.steps(), rk3.initialControls(), rk3::driver),
                new Case("shallow-water 128x64 (leapfrog)", leapfrog.steps(), leapfrog.initialControls(), leapfrog::driver),
                new Case("lorenz96 K=4096 (RK4)", lorenz.steps(), lorenz.initialControls(), lorenz::driver));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
