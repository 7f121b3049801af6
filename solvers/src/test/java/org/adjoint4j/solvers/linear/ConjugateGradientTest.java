package org.adjoint4j.solvers.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.HaloExchange;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.SerialCommunicator;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.Test;

/**
 * Conjugate gradients on the 1-D operator (A·x)_i = d_i·x_i − x_{i−1} − x_{i+1} with x = 0 beyond both
 * ends, d_i ≥ 3 (symmetric, strictly diagonally dominant, so positive definite); with d_i = 3 the
 * right-hand side of an integer solution is exact in floating point.
 */
class ConjugateGradientTest {

    private static final int N = 23;

    /** The diagonal: 3·s^(i/(N−1)), from 3 to 3·s, badly scaled for large s. */
    private static double diagonal(int i, double scale) {
        return 3 * Math.pow(scale, (double) i / (N - 1));
    }

    /** A on this rank's block of N cells, ghosts exchanged with the neighbours (zero at both ends). */
    private static LinearOperator operator(Communicator comm, Decomposition2d d, FieldSpec spec, double scale) {
        HaloExchange halo = HaloExchange.builder(comm, d).width(1).ghost(1).ghostRows(0).build();
        Block b = d.block(comm.rank());
        return (x, y) -> {
            if (b.offsetX() == 0) {
                x[spec.index(-1, 0)] = 0;
            }
            if (b.offsetX() + b.nx() == N) {
                x[spec.index(b.nx(), 0)] = 0;
            }
            halo.exchange(x);
            for (int i = 0; i < b.nx(); i++) {
                int k = spec.index(i, 0);
                y[k] = diagonal(b.offsetX() + i, scale) * x[k] - x[k - 1] - x[k + 1];
            }
        };
    }

    /** The exact solution x*_i = (i mod 5) − 2 and b = A·x*, both on this rank's block. */
    private static double[][] problem(Block b, FieldSpec spec, double scale) {
        double[] exact = new double[spec.storedLength()];
        double[] rhs = new double[spec.storedLength()];
        for (int i = 0; i < b.nx(); i++) {
            int g = b.offsetX() + i;
            double left = g > 0 ? (g - 1) % 5 - 2 : 0;
            double right = g < N - 1 ? (g + 1) % 5 - 2 : 0;
            exact[spec.index(i, 0)] = g % 5 - 2;
            rhs[spec.index(i, 0)] = diagonal(g, scale) * (g % 5 - 2) - left - right;
        }
        return new double[][] {exact, rhs};
    }

    /** Solves on {@code ranks} ranks; returns the gathered solution and the iterations of rank 0. */
    private static double[] solve(int ranks, double scale, boolean jacobi, double tolerance) {
        AtomicReference<double[]> out = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(ranks, (comm, args) -> {
            Decomposition2d d = Decomposition2d.of(N, 1, ProcessGrid.of(ranks, 1, false, false));
            Block b = d.block(comm.rank());
            FieldSpec spec = new FieldSpec("x", b.nx(), 1, 1, 0);
            ConjugateGradient.Builder builder = ConjugateGradient.builder(comm, spec).tolerance(tolerance);
            if (jacobi) {
                JacobiPreconditioner p = new JacobiPreconditioner(spec);
                double[] diag = new double[spec.storedLength()];
                for (int i = 0; i < b.nx(); i++) {
                    diag[spec.index(i, 0)] = diagonal(b.offsetX() + i, scale);
                }
                p.setDiagonal(diag);
                builder.preconditioner(p);
            }
            ConjugateGradient cg = builder.build();
            double[][] pb = problem(b, spec, scale);
            double[] x = new double[spec.storedLength()];
            int iterations = cg.solve(operator(comm, d, spec, scale), pb[1], x, "test", 4);
            double[] owned = new double[b.nx()];
            for (int i = 0; i < b.nx(); i++) {
                owned[i] = x[spec.index(i, 0)];
            }
            double[] all = d.gather(comm, owned, 0);
            if (comm.rank() == 0) {
                double[] result = new double[N + 1];
                System.arraycopy(all, 0, result, 0, N);
                result[N] = iterations;
                out.set(result);
            }
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(job.ok(), job.message());
        return out.get();
    }

    @Test
    void findsTheExactSolutionOnOneAndOnThreeRanks() {
        for (int ranks : new int[] {1, 3}) {
            double[] x = solve(ranks, 1.0, false, 1e-14);
            for (int i = 0; i < N; i++) {
                // ‖A⁻¹‖ ≤ 1 (every eigenvalue ≥ 3 − 2): the error is at most the residual, 1e-14·‖b‖ ≈ 1e-12
                assertEquals(i % 5 - 2, x[i], 1e-12, "x_" + i + " on " + ranks + " ranks");
            }
            assertTrue(x[N] <= N, "at most N iterations in exact arithmetic, took " + x[N]);
        }
    }

    @Test
    void jacobiPreconditioningCutsTheIterationsOfABadlyScaledSystem() {
        // d from 3 to 3e4: cond(A) ≈ 1e4, but D^(-1/2)·A·D^(-1/2) has its spectrum in [1/3, 5/3]
        double plain = solve(1, 1e4, false, 1e-10)[N];
        double preconditioned = solve(3, 1e4, true, 1e-10)[N];
        assertTrue(preconditioned < plain / 2, "Jacobi " + preconditioned + " iterations, none " + plain);
    }

    @Test
    void aZeroRightHandSideGivesZeroWithoutIterating() {
        FieldSpec spec = new FieldSpec("x", 4, 1, 1, 0);
        ConjugateGradient cg = ConjugateGradient.builder(SerialCommunicator.instance(), spec).build();
        double[] x = {9, 1, 2, 3, 4, 9};
        assertEquals(0, cg.solve((in, out) -> { throw new AssertionError("no product needed"); }, new double[6], x, "test", 0));
        assertArrayEquals(new double[] {9, 0, 0, 0, 0, 9}, x, "owned cells zero, ghosts untouched");
        assertEquals(0.0, cg.lastRelativeResidual());
    }

    @Test
    void countsIterationsAndSolves() {
        FieldSpec spec = new FieldSpec("x", 3, 1, 1, 0);
        ConjugateGradient cg = ConjugateGradient.builder(SerialCommunicator.instance(), spec).tolerance(1e-14).build();
        LinearOperator twice = (in, out) -> {
            for (int i = 1; i <= 3; i++) {
                out[i] = 2 * in[i];
            }
        };
        double[] x = new double[5];
        // A = 2I: the first step is exact, one iteration
        assertEquals(1, cg.solve(twice, new double[] {0, 2, 4, 6, 0}, x, "test", 0));
        assertArrayEquals(new double[] {1, 2, 3}, new double[] {x[1], x[2], x[3]});
        assertEquals(0, cg.solve(twice, new double[] {0, 2, 4, 6, 0}, x, "test", 1), "the initial guess is the solution");
        assertEquals(2, cg.solves());
        assertEquals(1, cg.totalIterations());
        assertEquals(0, cg.lastIterations());
    }

    @Test
    void aSolveThatDoesNotConvergeNamesThePhaseStepAndResidual() {
        FieldSpec spec = new FieldSpec("x", N, 1, 1, 0);
        Decomposition2d d = Decomposition2d.of(N, 1, ProcessGrid.of(1, 1, false, false));
        Block b = d.block(0);
        ConjugateGradient cg = ConjugateGradient.builder(SerialCommunicator.instance(), spec).maxIterations(3).build();
        double[][] pb = problem(b, spec, 1.0);
        NotConvergedException e = assertThrows(NotConvergedException.class, () -> cg.solve(
                operator(SerialCommunicator.instance(), d, spec, 1.0), pb[1], new double[spec.storedLength()], "adjoint", 17));
        assertEquals(17, e.step());
        assertEquals(3, e.iterations());
        assertTrue(e.relativeResidual() > 1e-12 && e.relativeResidual() < 1, e.toString());
        assertTrue(e.getMessage().startsWith("conjugate gradients did not converge in the adjoint solve of step 17: relative"
                + " residual "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" after 3 iterations, tolerance 1.0e-12; the limit of 3 iterations was reached"),
                e.getMessage());
    }

    @Test
    void anIndefiniteOperatorOrANonFiniteRightHandSideIsReported() {
        FieldSpec spec = new FieldSpec("x", 2, 1, 1, 0);
        ConjugateGradient cg = ConjugateGradient.builder(SerialCommunicator.instance(), spec).build();
        LinearOperator negative = (in, out) -> {
            out[1] = -in[1];
            out[2] = -in[2];
        };
        NotConvergedException e = assertThrows(NotConvergedException.class,
                () -> cg.solve(negative, new double[] {0, 1, 1, 0}, new double[4], "forward", 2));
        assertTrue(e.getMessage().endsWith("p·Ap = -2.0: the operator is not positive definite"), e.getMessage());
        NotConvergedException nan = assertThrows(NotConvergedException.class,
                () -> cg.solve(negative, new double[] {0, Double.NaN, 1, 0}, new double[4], "forward", 5));
        assertTrue(nan.getMessage().endsWith("the residual is not finite"), nan.getMessage());
        assertTrue(Double.isNaN(nan.relativeResidual()));
    }

    @Test
    void badSettingsAndDiagonalsNameTheValue() {
        FieldSpec spec = new FieldSpec("x", 2, 1, 1, 0);
        ConjugateGradient.Builder b = ConjugateGradient.builder(SerialCommunicator.instance(), spec);
        assertEquals("tolerance must be in (0, 1), was 0.0", assertThrows(IllegalArgumentException.class,
                () -> b.tolerance(0)).getMessage());
        assertEquals("maxIterations must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> b.maxIterations(0)).getMessage());
        JacobiPreconditioner p = new JacobiPreconditioner(spec);
        assertEquals("diagonal must be finite and > 0, was -1.0 at cell (1, 0)", assertThrows(IllegalArgumentException.class,
                () -> p.setDiagonal(new double[] {0, 2, -1, 0})).getMessage());
        p.setDiagonal(new double[] {0, 2, 4, 0});
        double[] z = new double[4];
        p.apply(new double[] {7, 1, 1, 7}, z);
        assertArrayEquals(new double[] {0, 0.5, 0.25, 0}, z);
        assertThrows(IllegalArgumentException.class, () -> p.setDiagonal(new double[] {0, 8, Double.NaN, 0}));
        p.apply(new double[] {7, 1, 1, 7}, z);
        assertArrayEquals(new double[] {0, 0.5, 0.25, 0}, z, "a refused diagonal leaves the previous one");
    }
}
