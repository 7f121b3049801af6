package org.adjoint4j.solvers.lorenz96;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
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
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lorenz-96 on several in-process ranks (uneven splits) gives the one-rank results. */
class Lorenz96DistributedTest {

    private static final int T = 20;

    private static Lorenz96Problem problem(Communicator comm, int variables) {
        return Lorenz96Problem.builder().variables(variables).steps(T).observeEvery(4).observationStride(2)
                .communicator(comm).build();
    }

    /** J, dJ/dF and dJ/dx0 (gathered) on rank 0: {J}, {dJ/dF}, dJ/dx0. */
    static double[][] gradient(Communicator comm, int variables, Schedule schedule) {
        Lorenz96Problem p = problem(comm, variables);
        GradientResult r = p.driver(schedule).gradient(p.initialControls());
        double[] x0 = p.decomposition().gather(comm, r.gradient().fields().owned(0), 0);
        return comm.rank() == 0 ? new double[][] {{r.value()}, {r.gradient().scalar("F")}, x0} : null;
    }

    static double[][] onRanks(int ranks, int variables, Schedule schedule) {
        AtomicReference<double[][]> result = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(ranks, (comm, args) -> {
            double[][] g = gradient(comm, variables, schedule);
            if (comm.rank() == 0) {
                result.set(g);
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        return result.get();
    }

    @ParameterizedTest(name = "K={0} on {1} ranks, {2}")
    @CsvSource({"40,2,binomial", "40,3,store-all", "37,3,binomial", "37,4,binomial", "40,4,store-all"})
    void gradientOnSeveralRanksEqualsTheOneRankGradient(int variables, int ranks, String kind) {
        Schedule schedule = kind.equals("store-all") ? StoreAllSchedule.of(T) : BinomialSchedule.of(T, 4);
        double[][] reference = onRanks(1, variables, StoreAllSchedule.of(T));
        double[][] distributed = onRanks(ranks, variables, schedule);
        assertClose(reference[0], distributed[0], "J");
        assertClose(reference[1], distributed[1], "dJ/dF");
        assertClose(reference[2], distributed[2], "dJ/dx0");
    }

    @Test
    void theSteadyStateIsKeptExactlyOnThreeRanks() {
        JobResult job = ThreadLauncher.run(3, (comm, args) -> {
            Decomposition2d d = Decomposition2d.of(37, 1, ProcessGrid.of(3, 1, true, false));
            Lorenz96 stepper = new Lorenz96(comm, d, 0.05, 30);
            Controls m = new Controls(stepper.controlLayout());
            m.setScalar("F", 8.0);
            double[] uniform = new double[d.block(comm.rank()).nx()];
            Arrays.fill(uniform, 8.0);
            Fields x = new Fields(stepper.stateLayout());
            x.setOwned(0, uniform);
            Fields next = new Fields(stepper.stateLayout());
            for (int n = 0; n < 30; n++) {
                stepper.forward(n, x, next, m);
                x.copyFrom(next);
            }
            assertArrayEquals(uniform, x.owned(0), "rank " + comm.rank());
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(job.ok(), job.message());
    }

    @ParameterizedTest(name = "K={0}")
    @ValueSource(ints = {40, 37})
    void distributedStepPassesTheDotProductAndTangentTests(int variables) {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        JobResult job = ThreadLauncher.run(3, (comm, args) -> {
            Lorenz96Problem p = problem(comm, variables);
            Controls m = p.initialControls();
            for (int step : new int[] {0, 9}) {
                Fields u = Lorenz96Test.stateAt(p, m, step);
                DotProductResult dot = DotProductTest.builder(p.stepper()).step(step).at(u, m).communicator(comm)
                        .seed(31 + step).build().run();
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

    @ParameterizedTest(name = "K={0}, control {1}")
    @CsvSource({"40,F", "40,x0", "37,F", "37,x0"})
    void distributedTaylorTestPassesForEachControl(int variables, String control) {
        AtomicReference<TaylorResult> result = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(3, (comm, args) -> {
            Lorenz96Problem p = problem(comm, variables);
            // h0 = 0.02 (not 1 % of max |m| ≈ 0.1): the cubic term of this chaotic model still shows at 0.1
            TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(T, 3))).at(p.initialControls())
                    .direction(Lorenz96Test.direction(p, control)).firstStep(0.02).build().run();
            if (comm.rank() == 0) {
                result.set(r);
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        assertTrue(result.get().passed(), result.get().toString());
    }

    @Test
    void tooFewVariablesPerRankAreRefusedOnEveryRank() {
        ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
        JobResult job = ThreadLauncher.run(3, (comm, args) -> {
            try {
                problem(comm, 5);
            } catch (IllegalArgumentException e) {
                messages.add(e.getMessage());
            }
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(job.ok(), job.message());
        assertEquals(3, messages.size());
        for (String m : messages) {
            assertEquals("lorenz96 needs at least 2 variables per rank (its halo is 2 wide): K=5 over 3 ranks leaves 1"
                    + " on some rank", m);
        }
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
