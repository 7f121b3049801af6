package org.adjoint4j.solvers.heat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
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
import org.junit.jupiter.api.Test;

/** heat2d on several in-process ranks gives the one-rank gradient. */
class Heat2dDistributedTest {

    private static final int N = 17; // splits unevenly over 2, 3 and 4 ranks
    private static final int T = 40;

    /** J, dJ/dκ and dJ/du0 gathered to rank 0: {J}, κ gradient, u0 gradient. */
    static double[][] gradient(Communicator comm, ProcessGrid grid, Schedule schedule) {
        double[] obs = new double[N * N];
        for (int k = 0; k < obs.length; k++) {
            obs[k] = 0.02 * Math.sin(k);
        }
        Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(T).communicator(comm).processGrid(grid)
                .observeAt(13, obs).terminalObservations(obs).build();
        GradientResult r = p.driver(schedule).gradient(p.initialControls());
        double[] kappa = p.decomposition().gather(comm, r.gradient().fields().owned(0), 0);
        double[] u0 = p.decomposition().gather(comm, r.gradient().fields().owned(1), 0);
        return comm.rank() == 0 ? new double[][] {{r.value()}, kappa, u0} : null;
    }

    static double[][] onRanks(int px, int py, Schedule schedule) {
        AtomicReference<double[][]> result = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(px * py, (comm, args) -> {
            double[][] g = gradient(comm, ProcessGrid.of(px, py, false, false), schedule);
            if (comm.rank() == 0) {
                result.set(g);
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        return result.get();
    }

    @ParameterizedTest(name = "{0}x{1} ranks, {2}")
    @CsvSource({"1,1,binomial", "2,1,binomial", "1,2,store-all", "3,1,binomial", "1,3,store-all", "2,2,binomial",
        "2,2,store-all", "4,1,binomial", "1,4,binomial"})
    void gradientOnSeveralRanksEqualsTheOneRankGradient(int px, int py, String kind) {
        Schedule schedule = kind.equals("store-all") ? StoreAllSchedule.of(T) : BinomialSchedule.of(T, 5);
        double[][] reference = onRanks(1, 1, StoreAllSchedule.of(T));
        double[][] distributed = onRanks(px, py, schedule);
        assertClose(reference[0], distributed[0], "J");
        assertClose(reference[1], distributed[1], "dJ/dkappa");
        assertClose(reference[2], distributed[2], "dJ/du0");
    }

    @Test
    void distributedStepPassesTheDotProductTest() {
        AtomicReference<DotProductResult> result = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(4, (comm, args) -> {
            Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(T).communicator(comm).build();
            Controls m = p.initialControls();
            Fields u = new Fields(p.stepper().stateLayout());
            p.initialState().evaluate(m, u);
            DotProductResult r = DotProductTest.builder(p.stepper()).step(2).at(u, m).communicator(comm).build().run();
            if (comm.rank() == 0) {
                result.set(r);
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        assertTrue(result.get().passed(), result.get().toString());
    }

    @Test
    void distributedTaylorTestPasses() {
        AtomicReference<TaylorResult> result = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(3, (comm, args) -> {
            Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(T).communicator(comm).build();
            TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(T, 4))).at(p.initialControls()).build().run();
            if (comm.rank() == 0) {
                result.set(r);
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        assertTrue(result.get().passed(), result.get().toString());
    }

    static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int k = 0; k < expected.length; k++) {
            if (Math.abs(expected[k] - actual[k]) > 1e-12 * scale) {
                throw new AssertionError(what + "[" + k + "]: one rank " + expected[k] + ", distributed " + actual[k]);
            }
        }
    }
}
