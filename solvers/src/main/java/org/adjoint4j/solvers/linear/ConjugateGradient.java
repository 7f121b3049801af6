package org.adjoint4j.solvers.linear;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;

/**
 * The preconditioned conjugate gradient method for A·x = b, A symmetric positive definite, over a
 * field distributed by blocks: the operator and the preconditioner act on this rank's block, and the
 * inner products are summed over the ranks by an allreduce (two per iteration). The iteration stops
 * when the recursively updated residual satisfies ‖r‖<sub>2</sub> ≤ tolerance·‖b‖<sub>2</sub>.
 *
 * <pre>
 *   r = b − A·x;  z = P⁻¹r;  p = z
 *   repeat:  q = A·p;  α = (r·z)/(p·q);  x += α·p;  r −= α·q;  z = P⁻¹r;  β = (r·z)'/(r·z);  p = z + β·p
 * </pre>
 *
 * <p>The result is a deterministic function of b, the initial x and the operator: the same inputs give
 * bit-identical solutions (and the same ranks' sums in the same order), which checkpointed
 * recomputation relies on. Work vectors are allocated when the solver is built; solves allocate nothing.
 * Not thread-safe: one solver per rank.
 *
 * <pre>
 * ConjugateGradient cg = ConjugateGradient.builder(comm, spec).tolerance(1e-12).preconditioner(jacobi).build();
 * int iterations = cg.solve(operator, b, x, "forward", step);
 * </pre>
 */
public final class ConjugateGradient {

    private final Communicator comm;
    private final FieldSpec layout;
    private final double tolerance;
    private final int maxIterations;
    private final LinearOperator preconditioner;
    private final double[] r;
    private final double[] z;
    private final double[] p;
    private final double[] q;
    private final double[] sums = new double[2];
    private long totalIterations;
    private long solves;
    private int lastIterations;
    private double lastRelativeResidual;

    private ConjugateGradient(Builder b) {
        this.comm = b.comm;
        this.layout = b.layout;
        this.tolerance = b.tolerance;
        this.maxIterations = b.maxIterations;
        this.preconditioner = b.preconditioner != null ? b.preconditioner : this::copy;
        int length = layout.storedLength();
        this.r = new double[length];
        this.z = new double[length];
        this.p = new double[length];
        this.q = new double[length];
    }

    /**
     * A builder for vectors laid out as {@code layout} on this rank.
     *
     * @param comm   the ranks the vectors are distributed over
     * @param layout this rank's block: its owned cells enter the inner products
     * @return a builder with tolerance 1e-12, at most 1000 iterations and no preconditioner
     * @throws NullPointerException if {@code comm} or {@code layout} is null
     */
    public static Builder builder(Communicator comm, FieldSpec layout) {
        return new Builder(comm, layout);
    }

    /**
     * Solves A·x = b. A collective call: every rank calls it with its block.
     *
     * @param a     the operator, symmetric positive definite
     * @param b     owned cells read, not modified
     * @param x     owned cells: the initial guess on entry, the solution on return; ghost cells unspecified
     * @param phase what the solve is for, named in the error ("forward", "adjoint", ...)
     * @param step  the time step the solve belongs to, named in the error
     * @return the iterations of this solve (0 if the initial guess already satisfies the tolerance, or
     *         if b = 0, when x = 0 exactly)
     * @throws NotConvergedException if the tolerance is not reached within the maximum number of
     *         iterations, the residual is not finite, or A is found not to be positive definite
     */
    public int solve(LinearOperator a, double[] b, double[] x, String phase, int step) {
        int nx = layout.nx();
        double bNorm = Math.sqrt(globalSum(dot(b, b)));
        if (bNorm == 0) {
            for (int j = 0; j < layout.ny(); j++) {
                int row = layout.index(0, j);
                Arrays.fill(x, row, row + nx, 0.0);
            }
            return finished(0, 0.0);
        }
        a.apply(x, q);
        for (int j = 0; j < layout.ny(); j++) {
            int row = layout.index(0, j);
            for (int k = row; k < row + nx; k++) {
                r[k] = b[k] - q[k];
            }
        }
        preconditioner.apply(r, z);
        globalSums(dot(r, z), dot(r, r));
        double rz = sums[0];
        double target = tolerance * bNorm;
        double rNorm = Math.sqrt(sums[1]);
        copy(z, p);
        int k = 0;
        while (!(rNorm <= target)) {
            if (!Double.isFinite(rNorm)) {
                throw failure(phase, step, k, rNorm / bNorm, "the residual is not finite");
            }
            if (k == maxIterations) {
                throw failure(phase, step, k, rNorm / bNorm, "the limit of " + maxIterations + " iterations was reached");
            }
            a.apply(p, q);
            double pq = globalSum(dot(p, q));
            if (!(pq > 0)) {
                throw failure(phase, step, k, rNorm / bNorm, "p·Ap = " + pq + ": the operator is not positive definite");
            }
            double alpha = rz / pq;
            for (int j = 0; j < layout.ny(); j++) {
                int row = layout.index(0, j);
                for (int c = row; c < row + nx; c++) {
                    x[c] += alpha * p[c];
                    r[c] -= alpha * q[c];
                }
            }
            preconditioner.apply(r, z);
            globalSums(dot(r, z), dot(r, r));
            double beta = sums[0] / rz;
            rz = sums[0];
            rNorm = Math.sqrt(sums[1]);
            for (int j = 0; j < layout.ny(); j++) {
                int row = layout.index(0, j);
                for (int c = row; c < row + nx; c++) {
                    p[c] = z[c] + beta * p[c];
                }
            }
            k++;
        }
        return finished(k, rNorm / bNorm);
    }

    private int finished(int iterations, double relativeResidual) {
        solves++;
        totalIterations += iterations;
        lastIterations = iterations;
        lastRelativeResidual = relativeResidual;
        return iterations;
    }

    private NotConvergedException failure(String phase, int step, int iterations, double relative, String why) {
        return new NotConvergedException(String.format(Locale.ROOT,
                "conjugate gradients did not converge in the %s solve of step %d: relative residual %.3e after %d"
                        + " iterations, tolerance %.1e; %s", phase, step, relative, iterations, tolerance, why),
                step, iterations, Double.isFinite(relative) ? relative : Double.NaN);
    }

    /** Σ over this rank's owned cells of a·b. */
    private double dot(double[] a, double[] b) {
        double sum = 0;
        int nx = layout.nx();
        for (int j = 0; j < layout.ny(); j++) {
            int row = layout.index(0, j);
            for (int k = row; k < row + nx; k++) {
                sum += a[k] * b[k];
            }
        }
        return sum;
    }

    private void copy(double[] from, double[] to) {
        int nx = layout.nx();
        for (int j = 0; j < layout.ny(); j++) {
            int row = layout.index(0, j);
            System.arraycopy(from, row, to, row, nx);
        }
    }

    private double globalSum(double local) {
        sums[0] = local;
        comm.allreduce(sums, 0, 1, ReduceOp.SUM);
        return sums[0];
    }

    /** Both local sums reduced in one message; the results are left in {@code sums}. */
    private void globalSums(double first, double second) {
        sums[0] = first;
        sums[1] = second;
        comm.allreduce(sums, 0, 2, ReduceOp.SUM);
    }

    /**
     * The relative tolerance on ‖b − A·x‖ / ‖b‖.
     *
     * @return the tolerance, in (0, 1)
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * The most iterations one solve may take.
     *
     * @return the iteration limit, at least 1
     */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Iterations of all successful solves so far.
     *
     * @return the sum of the iterations of every solve that returned normally
     */
    public long totalIterations() {
        return totalIterations;
    }

    /**
     * Successful solves so far.
     *
     * @return the number of solves that returned normally (those that threw are not counted)
     */
    public long solves() {
        return solves;
    }

    /**
     * Iterations of the last successful solve.
     *
     * @return its iteration count; 0 before the first solve
     */
    public int lastIterations() {
        return lastIterations;
    }

    /**
     * ‖r‖ / ‖b‖ of the last successful solve (its recursively updated residual; 0 when b = 0, whose solution is 0).
     *
     * @return the relative residual, at most {@link #tolerance()} up to rounding; 0 before the first solve
     */
    public double lastRelativeResidual() {
        return lastRelativeResidual;
    }

    /** Collects the settings of a {@link ConjugateGradient}. */
    public static final class Builder {
        private final Communicator comm;
        private final FieldSpec layout;
        private double tolerance = 1e-12;
        private int maxIterations = 1000;
        private LinearOperator preconditioner;

        private Builder(Communicator comm, FieldSpec layout) {
            this.comm = Objects.requireNonNull(comm, "comm");
            this.layout = Objects.requireNonNull(layout, "layout");
        }

        /**
         * Stop when ‖b − A·x‖ ≤ tolerance·‖b‖ (default 1e-12, in (0, 1)).
         *
         * @param tolerance the relative residual to reach, in (0, 1)
         * @return this builder
         * @throws IllegalArgumentException if {@code tolerance} is not in (0, 1)
         */
        public Builder tolerance(double tolerance) {
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("tolerance must be in (0, 1), was " + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /**
         * The most iterations of one solve (default 1000, at least 1).
         *
         * @param maxIterations the limit after which a solve throws {@link NotConvergedException}, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code maxIterations} is below 1
         */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /**
         * A symmetric positive definite preconditioner P⁻¹, local or collective (default: none).
         *
         * @param preconditioner the map z = P⁻¹·r, applied to the residual once per iteration; it reads
         *                       r's owned cells and writes z's owned cells
         * @return this builder
         * @throws NullPointerException if {@code preconditioner} is null
         */
        public Builder preconditioner(LinearOperator preconditioner) {
            this.preconditioner = Objects.requireNonNull(preconditioner, "preconditioner");
            return this;
        }

        /**
         * The solver, with its work vectors allocated.
         *
         * @return a new solver with four work vectors of {@code layout.storedLength()} values
         */
        public ConjugateGradient build() {
            return new ConjugateGradient(this);
        }
    }
}
