package org.adjoint4j.solvers.heat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.DotProductTest;
import org.adjoint4j.adjoint.verify.TangentLinearResult;
import org.adjoint4j.adjoint.verify.TangentLinearTest;
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

/** The implicit heat2d on several in-process ranks (uneven splits) gives the one-rank results. */
class Heat2dImplicitDistributedTest {

    private static final int T = 16;

    private static Heat2dImplicitProblem problem(Communicator comm, ProcessGrid grid, int cells) {
        double[] obs = new double[cells * cells];
        for (int k = 0; k < obs.length; k++) {
            obs[k] = 0.02 * Math.sin(k);
        }
        return Heat2dImplicitProblem.builder().cells(cells).steps(T).communicator(comm).processGrid(grid).observeAt(5, obs)
                .terminalObservations(obs).build();
    }

    /** J, dJ/dκ and dJ/du0 gathered to rank 0. */
    private static double[][] onRanks(int px, int py, int cells, Schedule schedule) {
        AtomicReference<double[][]> result = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(px * py, (comm, args) -> {
            Heat2dImplicitProblem p = problem(comm, ProcessGrid.of(px, py, false, false), cells);
            GradientResult r = p.driver(schedule).gradient(p.initialControls());
            double[] kappa = p.decomposition().gather(comm, r.gradient().fields().owned(0), 0);
            double[] u0 = p.decomposition().gather(comm, r.gradient().fields().owned(1), 0);
            if (comm.rank() == 0) {
                result.set(new double[][] {{r.value()}, kappa, u0});
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        return result.get();
    }

    @ParameterizedTest(name = "{0}x{1} ranks, N={2}")
    @CsvSource({"3,1,13", "1,3,13", "2,2,13", "4,1,17", "3,1,17"})
    void gradientOnSeveralRanksEqualsTheOneRankGradient(int px, int py, int cells) {
        double[][] reference = onRanks(1, 1, cells, StoreAllSchedule.of(T));
        double[][] distributed = onRanks(px, py, cells, BinomialSchedule.of(T, 4));
        Heat2dDistributedTest.assertClose(reference[0], distributed[0], "J");
        Heat2dDistributedTest.assertClose(reference[1], distributed[1], "dJ/dkappa");
        Heat2dDistributedTest.assertClose(reference[2], distributed[2], "dJ/du0");
    }

    @ParameterizedTest(name = "{0}x{1} ranks, N={2}")
    @CsvSource({"3,1,10", "1,3,10", "3,1,17", "1,3,17"})
    void distributedStepPassesTheDotProductAndTangentTests(int px, int py, int cells) {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        JobResult job = ThreadLauncher.run(px * py, (comm, args) -> {
            Heat2dImplicitProblem p = problem(comm, ProcessGrid.of(px, py, false, false), cells);
            Controls m = p.initialControls();
            for (int step : new int[] {0, 5}) {
                Fields u = Heat2dImplicitTest.stateAt(p, m, step);
                DotProductResult dot = DotProductTest.builder(p.stepper()).step(step).at(u, m).communicator(comm)
                        .seed(3 + step).build().run();
                TangentLinearResult tangent = TangentLinearTest.builder(p.stepper()).step(step).at(u, m)
                        .communicator(comm).build().run();
                if (!dot.passed() || !tangent.passed()) {
                    failures.add("rank " + comm.rank() + " step " + step + ": " + dot + "\n" + tangent);
                }
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @ParameterizedTest(name = "N={0}, control {1}")
    @CsvSource({"10,kappa", "10,u0", "17,kappa", "17,u0"})
    void distributedTaylorTestPassesForEachControl(int cells, String control) {
        AtomicReference<TaylorResult> result = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(3, (comm, args) -> {
            Heat2dImplicitProblem p = problem(comm, ProcessGrid.of(3, 1, false, false), cells);
            TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(T, 3))).at(p.initialControls())
                    .direction(Heat2dImplicitTest.direction(p, control)).build().run();
            if (comm.rank() == 0) {
                result.set(r);
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        assertTrue(result.get().passed(), result.get().toString());
    }
}
