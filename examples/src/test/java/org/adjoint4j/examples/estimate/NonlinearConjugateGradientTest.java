package org.adjoint4j.examples.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonlinearConjugateGradientTest {

    @Test
    void findsTheMinimumOfRosenbrocksFunction() {
        TestFunctionals.Rosenbrock f = new TestFunctionals.Rosenbrock();
        Controls start = new Controls(TestFunctionals.Rosenbrock.LAYOUT);
        start.scalars()[0] = -1.2;
        start.scalars()[1] = 1.0;
        List<Iterate> iterates = new ArrayList<>();
        OptimizationResult r = NonlinearConjugateGradient.builder(Decomposition2d.of(1, 1, ProcessGrid.of(1, 1, false, false)),
                Set.of("x", "y")).maxIterations(2000).gradientTolerance(1e-6).lineSearchTolerance(1e-8).build()
                .minimize(f, start, iterates::add);
        assertEquals(Termination.GRADIENT_TOLERANCE, r.termination(), r.toString());
        assertEquals(1.0, r.controls().scalars()[0], 1e-4);
        assertEquals(1.0, r.controls().scalars()[1], 1e-4);
        assertEquals(r.iterations() + 1, iterates.size());
        assertEquals(f.values, r.valueEvaluations());
        assertEquals(f.gradients, r.gradientEvaluations());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void findsTheMinimumOfAQuadraticOverDistributedControls(int ranks) {
        AtomicReference<double[]> out = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(ranks, (comm, args) -> {
            TestFunctionals.DistributedQuadratic f = new TestFunctionals.DistributedQuadratic(7, 5, comm, 1.05);
            OptimizationResult r = NonlinearConjugateGradient.builder(f.decomposition, Set.of("m", "s"))
                    .gradientTolerance(1e-8).lineSearchTolerance(1e-8).maxIterations(500).build()
                    .minimize(f, new Controls(f.controlLayout()), IterationListener.NONE);
            assertEquals(Termination.GRADIENT_TOLERANCE, r.termination(), r.toString());
            double[] global = f.decomposition.gather(comm, r.controls().fields().owned(0), 0);
            if (comm.rank() == 0) {
                double[] result = java.util.Arrays.copyOf(global, global.length + 1);
                result[global.length] = r.controls().scalars()[0];
                out.set(result);
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        for (int c = 0; c < 35; c++) {
            assertEquals(TestFunctionals.DistributedQuadratic.target(c), out.get()[c], 1e-6, "cell " + c);
        }
        assertEquals(3.0, out.get()[35], 1e-6);
    }

    @Test
    void onlyTheEstimatedControlsMove() {
        TestFunctionals.DistributedQuadratic quadratic = new TestFunctionals.DistributedQuadratic(4, 3,
                org.adjoint4j.mpi.SerialCommunicator.instance(), Double.POSITIVE_INFINITY);
        EstimationFunctional f = new EstimationFunctional(quadratic, List.of(), Set.of("s"));
        OptimizationResult r = NonlinearConjugateGradient.builder(quadratic.decomposition, Set.of("s")).build()
                .minimize(f, new Controls(quadratic.controlLayout()), IterationListener.NONE);
        assertEquals(3.0, r.controls().scalars()[0], 1e-6);
        for (double v : r.controls().fields().owned(0)) {
            assertEquals(0.0, v);
        }
    }

    @Test
    void settingsAreValidated() {
        Decomposition2d d = Decomposition2d.of(1, 1, ProcessGrid.of(1, 1, false, false));
        assertThrows(IllegalArgumentException.class, () -> NonlinearConjugateGradient.builder(d, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> NonlinearConjugateGradient.builder(d, Set.of("x"))
                .lineSearchTolerance(0));
    }
}
