package org.adjoint4j.solvers.burgers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.DotProductTest;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** burgers2d on several in-process ranks: exact transposes, second-order Taylor tests and the one-rank gradient. */
class Burgers2dDistributedTest {

    private static final int NX = 17; // splits unevenly over 2, 3 and 4 ranks
    private static final int NY = 13;
    private static final int T = 30;

    private static ProcessGrid periodic(int px, int py) {
        return ProcessGrid.of(px, py, true, true);
    }

    /** J, then dJ/du0, dJ/dv0, dJ/dforcing_u, dJ/dforcing_v gathered on rank 0, then dJ/dnu; null elsewhere. */
    static double[][] gathered(BurgersProblem p, GradientResult r) {
        Communicator comm = p.communicator();
        double[][] out = new double[6][];
        out[0] = new double[] {r.value()};
        for (int f = 0; f < 4; f++) {
            out[f + 1] = p.decomposition().gather(comm, r.gradient().fields().owned(f), 0);
        }
        out[5] = new double[] {r.gradient().scalar(Burgers2d.NU)};
        return comm.rank() == 0 ? out : null;
    }

    static final String[] NAMES = {"J", "dJ/du0", "dJ/dv0", "dJ/dforcing_u", "dJ/dforcing_v", "dJ/dnu"};

    private static double[][] onRanks(int px, int py, Schedule schedule) {
        AtomicReference<double[][]> result = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(px * py, (comm, args) -> {
            BurgersProblem p = BurgersProblem.builder().cells(NX, NY).steps(T).energyAt(9).communicator(comm)
                    .processGrid(periodic(px, py)).build();
            double[][] g = gathered(p, p.driver(schedule).gradient(p.initialControls()));
            if (comm.rank() == 0) {
                result.set(g);
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        return result.get();
    }

    @ParameterizedTest(name = "{0}x{1} ranks, {2}")
    @CsvSource({"2,1,binomial", "3,1,binomial", "1,3,store-all", "2,2,binomial", "4,1,store-all", "1,4,binomial"})
    void gradientOnSeveralRanksEqualsTheOneRankGradient(int px, int py, String kind) {
        Schedule schedule = kind.equals("store-all") ? StoreAllSchedule.of(T) : BinomialSchedule.of(T, 4);
        double[][] reference = onRanks(1, 1, StoreAllSchedule.of(T));
        double[][] distributed = onRanks(px, py, schedule);
        for (int k = 0; k < NAMES.length; k++) {
            assertClose(reference[k], distributed[k], NAMES[k] + " on " + px + "x" + py + " ranks");
        }
    }

    @ParameterizedTest(name = "{0}x{1} ranks, {2}x{3} cells")
    @CsvSource({"3,1,7,8", "1,3,7,8", "3,1,17,13", "1,3,17,13"})
    void distributedStepIsTheTransposeOfItsTangent(int px, int py, int nx, int ny) {
        AtomicReference<String> failure = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(px * py, (comm, args) -> {
            for (TimeScheme scheme : TimeScheme.values()) {
                BurgersProblem p = BurgersProblem.builder().cells(nx, ny).steps(10).scheme(scheme).communicator(comm)
                        .processGrid(periodic(px, py)).build();
                Controls m = p.initialControls();
                for (int step : new int[] {0, 5}) {
                    DotProductResult r = DotProductTest.builder(p.stepper()).step(step).at(Burgers2dTest.stateAt(p, m, step), m)
                            .seed(31 + step).communicator(comm).build().run();
                    if (!r.passed() && comm.rank() == 0) {
                        failure.compareAndSet(null, scheme + " step " + step + ": " + r);
                    }
                }
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        assertTrue(failure.get() == null, failure.get());
    }

    @ParameterizedTest(name = "{0} on {1}x{2} ranks, {3}x{4} cells")
    @CsvSource({"u0,3,1,12,10", "v0,3,1,12,10", "forcing_u,3,1,12,10", "forcing_v,3,1,12,10", "nu,3,1,12,10",
        "u0,1,3,21,16", "v0,1,3,21,16", "forcing_u,1,3,21,16", "forcing_v,1,3,21,16", "nu,1,3,21,16"})
    void distributedGradientPassesTheTaylorTestForEachControl(String control, int px, int py, int nx, int ny) {
        int steps = 30;
        AtomicReference<TaylorResult> result = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(px * py, (comm, args) -> {
            BurgersProblem p = BurgersProblem.builder().cells(nx, ny).steps(steps).energyAt(11).communicator(comm)
                    .processGrid(periodic(px, py)).build();
            Controls m = p.initialControls();
            Controls direction = BurgersDirections.only(p, control, 17);
            double h0 = BurgersDirections.firstStep(comm, m, direction);
            BurgersDirections.assertNoFaceSwitches(p, m, direction, h0);
            TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(steps, 4))).at(m).direction(direction)
                    .firstStep(h0).build().run();
            if (comm.rank() == 0) {
                result.set(r);
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        assertTrue(result.get().passed(), control + ": " + result.get());
    }

    /** Every value within 1e-12 of the largest reference value. */
    static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int k = 0; k < expected.length; k++) {
            if (Math.abs(expected[k] - actual[k]) > 1e-12 * scale) {
                throw new AssertionError(what + "[" + k + "]: expected " + expected[k] + ", was " + actual[k]
                        + " (relative difference " + Math.abs(expected[k] - actual[k]) / scale + ")");
            }
        }
    }
}
