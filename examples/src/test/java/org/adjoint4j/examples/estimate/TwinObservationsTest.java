package org.adjoint4j.examples.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.adjoint4j.solvers.heat.Heat2dProblem;
import org.junit.jupiter.api.Test;

class TwinObservationsTest {

    private static final int N = 9;
    private static final int T = 12;
    private static final TreeSet<Integer> STEPS = new TreeSet<>(List.of(0, 5, 12));

    /** The observations at every step, gathered to rank 0 (global arrays), from a run on {@code ranks} ranks. */
    private static double[][] observe(int ranks, double sigma) {
        AtomicReference<double[][]> out = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(ranks, (comm, args) -> {
            Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(T).communicator(comm).build();
            Block b = p.decomposition().block(comm.rank());
            Map<Integer, double[]> y = TwinObservations.synthesise(p.stepper(), p.initialState(), p.initialControls(), T,
                    "u", STEPS, sigma, 42, b.offsetX(), b.offsetY());
            double[][] global = new double[STEPS.size()][];
            int k = 0;
            for (int n : STEPS) {
                global[k++] = p.decomposition().gather(comm, y.get(n), 0);
            }
            if (comm.rank() == 0) {
                out.set(global);
            }
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(job.ok(), job.message());
        return out.get();
    }

    @Test
    void withoutNoiseTheObservationsAreTheStatesOfAForwardRun() {
        Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(T).build();
        Controls m = p.initialControls();
        p.stepper().prepare(m);
        Fields u = new Fields(p.stepper().stateLayout());
        Fields next = new Fields(p.stepper().stateLayout());
        p.initialState().evaluate(m, u);
        double[][] y = observe(1, 0);
        int k = 0;
        for (int n = 0; n <= T; n++) {
            if (STEPS.contains(n)) {
                assertArrayEquals(u.owned(0), y[k++], "step " + n);
            }
            if (n < T) {
                p.stepper().forward(n, u, next, m);
                Fields s = u;
                u = next;
                next = s;
            }
        }
    }

    @Test
    void theNoiseIsTheSameOnAnyNumberOfRanksAndHasTheGivenSpread() {
        double[][] clean = observe(1, 0);
        double[][] one = observe(1, 0.01);
        double[][] three = observe(3, 0.01);
        for (int k = 0; k < one.length; k++) {
            assertArrayEquals(one[k], three[k], 0.0, "step index " + k);
        }
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int k = 0; k < one.length; k++) {
            for (int c = 0; c < one[k].length; c++) {
                double d = (one[k][c] - clean[k][c]) / 0.01;
                sum += d;
                squares += d * d;
                count++;
            }
        }
        // 243 standard normal draws: the mean within 4 standard errors of 0, the variance within 30 % of 1
        assertEquals(0.0, sum / count, 4 / Math.sqrt(count));
        assertEquals(1.0, squares / count, 0.3);
    }

    @Test
    void stepsOutsideTheRunAreRejected() {
        Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(T).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TwinObservations.synthesise(p.stepper(), p.initialState(), p.initialControls(), T, "u",
                        new TreeSet<>(List.of(3, 13)), 0, 1, 0, 0));
        assertEquals("observation steps must be in [0, 12], were [3, 13]", e.getMessage());
    }
}
