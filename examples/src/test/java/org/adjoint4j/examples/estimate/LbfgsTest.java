package org.adjoint4j.examples.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.mpi.SerialCommunicator;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LbfgsTest {

    @Test
    void findsTheMinimumOfRosenbrocksFunctionFromTheClassicalStart() {
        TestFunctionals.Rosenbrock f = new TestFunctionals.Rosenbrock();
        Controls start = new Controls(TestFunctionals.Rosenbrock.LAYOUT);
        start.scalars()[0] = -1.2;
        start.scalars()[1] = 1.0;
        List<Iterate> iterates = new ArrayList<>();
        OptimizationResult r = Lbfgs.builder().gradientTolerance(1e-10).build().minimize(f, start,
                it -> iterates.add(it));
        assertEquals(Termination.GRADIENT_TOLERANCE, r.termination(), r.toString());
        assertEquals(1.0, r.controls().scalars()[0], 1e-8);
        assertEquals(1.0, r.controls().scalars()[1], 1e-8);
        assertTrue(r.iterations() < 60, "iterations " + r.iterations());
        assertEquals(r.iterations() + 1, iterates.size(), "the start and every iteration are reported");
        assertEquals(f.gradients, r.gradientEvaluations());
        for (int k = 1; k < iterates.size(); k++) {
            assertTrue(iterates.get(k).value() < iterates.get(k - 1).value(), "J decreases at every iteration");
        }
        assertEquals(-1.2, start.scalars()[0], "the start is not modified");
    }

    private static double[] minimiseOnRanks(int ranks, double blowUpAbove) {
        AtomicReference<double[]> out = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(ranks, (comm, args) -> {
            TestFunctionals.DistributedQuadratic f = new TestFunctionals.DistributedQuadratic(7, 5, comm, blowUpAbove);
            Controls start = new Controls(f.controlLayout());
            OptimizationResult r = Lbfgs.builder().gradientTolerance(1e-9).build().minimize(f, start, IterationListener.NONE);
            assertEquals(Termination.GRADIENT_TOLERANCE, r.termination());
            double[] global = f.decomposition.gather(comm, r.controls().fields().owned(0), 0);
            if (comm.rank() == 0) {
                double[] result = new double[global.length + 2];
                System.arraycopy(global, 0, result, 0, global.length);
                result[global.length] = r.controls().scalars()[0];
                result[global.length + 1] = r.iterations();
                out.set(result);
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        return out.get();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void findsTheMinimumOfAnIllConditionedQuadraticOverDistributedControls(int ranks) {
        double[] r = minimiseOnRanks(ranks, Double.POSITIVE_INFINITY);
        for (int c = 0; c < 35; c++) {
            assertEquals(TestFunctionals.DistributedQuadratic.target(c), r[c], 1e-7, "cell " + c);
        }
        assertEquals(3.0, r[35], 1e-7);
    }

    @Test
    void threeRanksTakeTheSameStepsAsOne() {
        double[] one = minimiseOnRanks(1, Double.POSITIVE_INFINITY);
        double[] three = minimiseOnRanks(3, Double.POSITIVE_INFINITY);
        assertEquals(one[36], three[36], "iterations");
        assertArrayEquals(one, three, 1e-12);
    }

    @Test
    void theLineSearchBacksOffFromStepsWhereTheModelBlowsUp() {
        // The minimum has m up to 1; steps that take any m above 1.05 "blow up".
        double[] r = minimiseOnRanks(1, 1.05);
        for (int c = 0; c < 35; c++) {
            assertEquals(TestFunctionals.DistributedQuadratic.target(c), r[c], 1e-7, "cell " + c);
        }
    }

    @Test
    void stopsAtTheIterationLimit() {
        Controls start = new Controls(TestFunctionals.Rosenbrock.LAYOUT);
        start.scalars()[0] = -1.2;
        start.scalars()[1] = 1.0;
        OptimizationResult r = Lbfgs.builder().maxIterations(3).build().minimize(new TestFunctionals.Rosenbrock(), start,
                IterationListener.NONE);
        assertEquals(Termination.MAX_ITERATIONS, r.termination());
        assertEquals(3, r.iterations());
    }

    @Test
    void stopsWhenJStopsDecreasing() {
        Controls start = new Controls(TestFunctionals.Rosenbrock.LAYOUT);
        start.scalars()[0] = -1.2;
        start.scalars()[1] = 1.0;
        List<Iterate> iterates = new ArrayList<>();
        OptimizationResult r = Lbfgs.builder().gradientTolerance(0).valueTolerance(0.5).build()
                .minimize(new TestFunctionals.Rosenbrock(), start, iterates::add);
        assertEquals(Termination.VALUE_TOLERANCE, r.termination());
        double last = iterates.get(iterates.size() - 1).value();
        double before = iterates.get(iterates.size() - 2).value();
        assertTrue(before - last <= 0.5 * before, "the last iteration decreased J by at most half");
    }

    @Test
    void aNonFiniteStartIsReported() {
        TestFunctionals.DistributedQuadratic f = new TestFunctionals.DistributedQuadratic(3, 3,
                SerialCommunicator.instance(), -1);
        Controls start = new Controls(f.controlLayout());
        assertThrows(org.adjoint4j.adjoint.NonFiniteValueException.class,
                () -> Lbfgs.builder().build().minimize(f, start, IterationListener.NONE));
    }

    @Test
    void settingsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lbfgs.builder().memory(0));
        assertEquals("memory must be >= 1, was 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.builder().gradientTolerance(-1));
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.builder().maxIterations(0));
    }
}
