package org.adjoint4j.solvers.heat;

import java.util.Objects;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TangentLinearStepper;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.HaloExchange;
import org.adjoint4j.solvers.linear.ConjugateGradient;
import org.adjoint4j.solvers.linear.JacobiPreconditioner;
import org.adjoint4j.solvers.linear.LinearOperator;

/**
 * The θ-method for ∂u/∂t = ∇·(κ∇u) on the grid of {@link Heat2d} (unit square, N×N cells, u = 0 in the
 * ghost cells outside the square, face diffusivity the mean of the two cells, the adjacent cell's κ on
 * the square's boundary):
 * <pre>
 *   M·u_{n+1} = B·u_n,      M = I − θ·dt·A(κ),   B = I + (1−θ)·dt·A(κ)
 *   (A(κ)u)_c = 1/h² · Σ_faces κ_f·(u_nb − u_c)
 * </pre>
 * θ = ½ is Crank–Nicolson, θ = 1 backward Euler; for θ in [½, 1] the step is unconditionally stable
 * (A is symmetric negative definite, so M⁻¹B has eigenvalues in [−1, 1]). M is solved by preconditioned
 * conjugate gradients ({@link ConjugateGradient}) over the distributed grid, with the Jacobi
 * preconditioner, whose diagonal 1 + θ·dt/h²·Σ<sub>faces</sub> κ<sub>f</sub> is cached by
 * {@link #prepare}; each matrix-vector product exchanges one ghost layer, overlapped with the interior.
 * The initial guess of a solve is the step's own input (u<sub>n</sub>, δu<sub>n</sub> or
 * λ<sub>n+1</sub>): nothing is carried between calls, so a step is a deterministic function of its
 * inputs and recomputed states are bit-identical.
 *
 * <p>State: field {@code u}. Controls: fields {@code kappa} and {@code u0} (the initial condition, used
 * by {@link Heat2dImplicitProblem}).
 *
 * <p><b>Tangent and adjoint.</b> Both first recompute u<sub>n+1</sub> by the forward solve, then form
 * w = (1−θ)·u<sub>n</sub> + θ·u<sub>n+1</sub>, through which both factors depend on κ:
 * <pre>
 *   tangent:  M·δu_{n+1} = B·δu_n + dt·A(δκ)·w
 *   adjoint:  M·μ = λ_{n+1}  (M is symmetric),   λ_n = B·μ,   dJ/dκ += dt·(∂(A(κ)w)/∂κ)ᵀ μ
 * </pre>
 * The κ gradient gathers, for each cell a and face f to neighbour b, ½·dt/h²·(w_b − w_a)(μ_a − μ_b),
 * doubled on the square's boundary faces whose coefficient is κ_a alone (as in {@link Heat2d}). So the
 * tangent and the adjoint cost two solves each, the forward one. Solves are exact only to the solver's
 * tolerance, which bounds how exactly the adjoint is the transpose of the tangent (see the model's
 * documentation).
 *
 * <p>Work arrays are allocated when the stepper is built; steps allocate nothing. Not thread-safe: one
 * stepper per rank.
 */
public final class Heat2dImplicit implements TangentLinearStepper {

    private static final String FORWARD = "forward";
    private static final String TANGENT = "tangent";
    private static final String ADJOINT = "adjoint";

    private final int n;
    private final double dt;
    private final double theta;
    private final double half;
    private final double halfExplicit;
    private final double halfImplicit;
    private final int finalStep;
    private final int nx;
    private final int ny;
    private final SquareBlock block;
    private final FieldSpec cells;
    private final FieldLayout stateLayout;
    private final ControlLayout controlLayout;
    private final HaloExchange halo;
    private final Heat2dKernel kernel = Heat2dKernel.best();
    private final JacobiPreconditioner jacobi;
    private final ConjugateGradient solver;
    private final LinearOperator implicitOperator = this::applyImplicit;
    private final SquareBlock.RectangleLoop explicitLoop;
    private final SquareBlock.RectangleLoop implicitLoop;
    private final double[] rhs;
    private final double[] next;
    private final double[] mixed;
    private final double[] work;
    private final double[] diagonal;
    private double[] kappa;

    private Heat2dImplicit(Builder b) {
        Decomposition2d decomposition = b.decomposition;
        this.n = decomposition.nx();
        this.dt = b.dt;
        this.theta = b.theta;
        this.finalStep = b.finalStep;
        this.half = 0.5 * dt * n * n;
        this.halfExplicit = (1 - theta) * half;
        this.halfImplicit = -theta * half;
        this.block = new SquareBlock(b.comm, decomposition);
        this.nx = block.nx;
        this.ny = block.ny;
        this.cells = block.cells;
        this.stateLayout = FieldLayout.of(cells);
        this.controlLayout = ControlLayout.ofFields(FieldSpec.of("kappa", nx, ny, 1), FieldSpec.of("u0", nx, ny, 0));
        this.halo = block.halo;
        int stride = cells.stride();
        this.explicitLoop = (i0, i1, j0, j1, x, k, y) -> kernel.apply(stride, i0, i1, j0, j1, halfExplicit, x, k, y);
        this.implicitLoop = (i0, i1, j0, j1, x, k, y) -> kernel.apply(stride, i0, i1, j0, j1, halfImplicit, x, k, y);
        this.jacobi = new JacobiPreconditioner(cells);
        this.solver = ConjugateGradient.builder(b.comm, cells).tolerance(b.tolerance).maxIterations(b.maxIterations)
                .preconditioner(jacobi).build();
        int length = cells.storedLength();
        this.rhs = new double[length];
        this.next = new double[length];
        this.mixed = new double[length];
        this.work = new double[length];
        this.diagonal = new double[length];
    }

    /**
     * A builder of this rank's stepper of a decomposed square; dt is required.
     *
     * @param comm          the job's ranks
     * @param decomposition an N×N grid over the job's process grid (not periodic), N &gt;= 2
     * @return a builder with θ = ½, tolerance 1e-14, at most 1000 iterations per solve and no final step;
     *         dt must still be set
     * @throws IllegalArgumentException naming the parameter if the grid is not square, has fewer than 2
     *         cells per side, is periodic, or does not match the communicator
     */
    public static Builder builder(Communicator comm, Decomposition2d decomposition) {
        return new Builder(comm, decomposition);
    }

    /**
     * Cells per side of the whole square.
     *
     * @return N, at least 2; the cell width is h = 1/N
     */
    public int cellsPerSide() {
        return n;
    }

    /**
     * The time step.
     *
     * @return dt, finite and &gt; 0
     */
    public double dt() {
        return dt;
    }

    /**
     * θ: ½ for Crank–Nicolson, 1 for backward Euler.
     *
     * @return θ, in [½, 1]
     */
    public double theta() {
        return theta;
    }

    /**
     * The linear solver, for its settings and iteration counts.
     *
     * @return this stepper's own solver (not a copy); its counters cover forward, tangent and adjoint solves
     */
    public ConjugateGradient solver() {
        return solver;
    }

    @Override
    public FieldLayout stateLayout() {
        return stateLayout;
    }

    @Override
    public ControlLayout controlLayout() {
        return controlLayout;
    }

    /**
     * Fills κ's ghost cells as {@link Heat2d} does (neighbours' values inside the square, the adjacent
     * cell's value on its boundary) and sets the Jacobi preconditioner to the diagonal of M. Collective.
     *
     * @throws IllegalArgumentException naming the cell if the diagonal of M is not finite and positive
     *         there (κ not finite, or negative enough to make M indefinite)
     */
    @Override
    public void prepare(Controls controls) {
        double[] k = controls.field("kappa");
        block.fillKappaGhosts(k);
        int s = cells.stride();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int c = cells.index(i, j);
                double kc = k[c];
                double d = 1 - halfImplicit * ((((kc + k[c + 1]) + (kc + k[c - 1])) + (kc + k[c + s])) + (kc + k[c - s]));
                if (!(d > 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("kappa: the diagonal of M = I - theta dt A(kappa) is " + d
                            + " at cell (" + (block.offsetX + i) + ", " + (block.offsetY + j) + "), from kappa there and at its four"
                            + " neighbours; kappa must be finite and non-negative");
                }
                diagonal[c] = d;
            }
        }
        jacobi.setDiagonal(diagonal);
    }

    /**
     * u<sub>n+1</sub> from u<sub>n</sub>: one product with B, one solve with M. Collective.
     *
     * @param in       u<sub>n</sub>: owned cells read; ghost cells overwritten
     * @param out      u<sub>n+1</sub>: owned cells written
     * @param controls κ read (its ghost cells as {@link #prepare} filled them)
     * @throws org.adjoint4j.solvers.linear.NotConvergedException naming the step if the solve does not converge
     */
    @Override
    public void forward(int step, Fields in, Fields out, Controls controls) {
        kappa = controls.field("kappa");
        solveNext(step, in.get(0), out.get(0), FORWARD);
    }

    /**
     * δu<sub>n+1</sub> from δu<sub>n</sub> and δκ, linearised at u<sub>n</sub> and κ: recomputes
     * u<sub>n+1</sub>, then solves M·δu<sub>n+1</sub> = B·δu<sub>n</sub> + dt·A(δκ)·w. Collective.
     *
     * @param in               u<sub>n</sub>: owned cells read; ghost cells overwritten
     * @param tangentIn        δu<sub>n</sub>: owned cells read; ghost cells overwritten
     * @param tangentOut       δu<sub>n+1</sub>: owned cells written
     * @param controls         κ read
     * @param controlDirection δκ: owned cells read, ghost cells filled as {@link #prepare} fills κ's
     */
    @Override
    public void tangent(int step, Fields in, Fields tangentIn, Fields tangentOut, Controls controls, Controls controlDirection) {
        kappa = controls.field("kappa");
        double[] u = in.get(0);
        double[] du = tangentIn.get(0);
        double[] dkappa = controlDirection.field("kappa");
        double[] result = tangentOut.get(0);
        solveNext(step, u, next, TANGENT);
        block.fillKappaGhosts(dkappa);
        mix(u, next);
        block.zeroOutsideGhosts(mixed);
        halo.exchange(mixed);
        // work = w + dt·A(δκ)·w, the kernel's form; subtracting w below leaves dt·A(δκ)·w with an absolute
        // rounding error of about eps·|w|, negligible unless δκ is many orders smaller than κ
        kernel.apply(cells.stride(), 0, nx, 0, ny, half, mixed, dkappa, work);
        applyWithHalo(du, kappa, explicitLoop, rhs);
        for (int j = 0; j < ny; j++) {
            int row = cells.index(0, j);
            for (int k = row; k < row + nx; k++) {
                rhs[k] += work[k] - mixed[k];
            }
        }
        copyOwned(du, result);
        solver.solve(implicitOperator, rhs, result, TANGENT, step);
    }

    /**
     * λ<sub>n</sub> = B·M⁻¹·λ<sub>n+1</sub> and the κ gradient (see the class comment). Collective.
     *
     * @param in       u<sub>n</sub>: owned cells read; ghost cells overwritten
     * @param adjOut   λ<sub>n+1</sub>: owned cells read
     * @param adjIn    λ<sub>n</sub>: owned cells written
     * @param controls κ read
     * @param gradient owned cells of {@code kappa} accumulated into
     */
    @Override
    public void adjoint(int step, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient) {
        kappa = controls.field("kappa");
        double[] u = in.get(0);
        double[] lam = adjOut.get(0);
        double[] result = adjIn.get(0);
        double[] g = gradient.field("kappa");
        solveNext(step, u, next, ADJOINT);
        copyOwned(lam, work);
        solver.solve(implicitOperator, lam, work, ADJOINT, step);
        applyWithHalo(work, kappa, explicitLoop, result);
        mix(u, next);
        block.zeroOutsideGhosts(mixed);
        halo.exchange(mixed);
        // work (μ) had its ghosts exchanged and zeroed on the boundary by the product with B
        kernel.addFaceProducts(cells.stride(), 0, nx, 0, ny, half, mixed, work, g);
        block.addBoundaryFaceTerms(half, mixed, work, g);
    }

    /** The run ends at step T, for online schedules that do not know T. */
    @Override
    public boolean isFinal(int step, Fields state, Controls controls) {
        return step >= finalStep;
    }

    /** x = M⁻¹·B·u with the initial guess u; u's ghost cells are overwritten. */
    private void solveNext(int step, double[] u, double[] x, String phase) {
        applyWithHalo(u, kappa, explicitLoop, rhs);
        copyOwned(u, x);
        solver.solve(implicitOperator, rhs, x, phase, step);
    }

    /** y = M·x, the solver's operator. */
    private void applyImplicit(double[] x, double[] y) {
        applyWithHalo(x, kappa, implicitLoop, y);
    }

    /**
     * y = x + coefficient·Σ<sub>faces</sub> (κ_c + κ_nb)(x_nb − x_c) on the owned cells, i.e.
     * (I + 2·coefficient·h²·A(κ))·x, with coefficient the one of {@code loop} (halfExplicit or
     * halfImplicit); x's ghosts are zeroed outside the square and exchanged meanwhile.
     */
    private void applyWithHalo(double[] x, double[] k, SquareBlock.RectangleLoop loop, double[] y) {
        block.zeroOutsideGhosts(x);
        halo.start(x);
        loop.run(1, nx - 1, 1, ny - 1, x, k, y);
        halo.finish();
        block.edges(loop, x, k, y);
    }

    /** mixed = (1−θ)·u + θ·v on the owned cells. */
    private void mix(double[] u, double[] v) {
        double a = 1 - theta;
        for (int j = 0; j < ny; j++) {
            int row = cells.index(0, j);
            for (int k = row; k < row + nx; k++) {
                mixed[k] = a * u[k] + theta * v[k];
            }
        }
    }

    private void copyOwned(double[] from, double[] to) {
        for (int j = 0; j < ny; j++) {
            int row = cells.index(0, j);
            System.arraycopy(from, row, to, row, nx);
        }
    }

    @Override
    public String toString() {
        return "heat2d-implicit(N=" + n + ", dt=" + dt + ", theta=" + theta + ", block " + nx + "x" + ny + ")";
    }

    /** Collects the settings of a {@link Heat2dImplicit}. */
    public static final class Builder {
        private final Communicator comm;
        private final Decomposition2d decomposition;
        private double dt = Double.NaN;
        private double theta = 0.5;
        private double tolerance = 1e-14;
        private int maxIterations = 1000;
        private int finalStep = Integer.MAX_VALUE;

        private Builder(Communicator comm, Decomposition2d decomposition) {
            this.comm = Objects.requireNonNull(comm, "comm");
            this.decomposition = Objects.requireNonNull(decomposition, "decomposition");
        }

        /**
         * The time step (required, finite and &gt; 0; any size: the scheme is unconditionally stable).
         *
         * @param dt the step length in the time unit of κ (the square has side 1)
         * @return this builder
         * @throws IllegalArgumentException if {@code dt} is not finite and &gt; 0
         */
        public Builder dt(double dt) {
            if (!(dt > 0) || Double.isInfinite(dt)) {
                throw new IllegalArgumentException("dt must be finite and > 0, was " + dt);
            }
            this.dt = dt;
            return this;
        }

        /**
         * θ in [½, 1] (default ½, Crank–Nicolson; 1 is backward Euler).
         *
         * @param theta the implicit weight, in [½, 1]
         * @return this builder
         * @throws IllegalArgumentException if {@code theta} is outside [½, 1]
         */
        public Builder theta(double theta) {
            if (!(theta >= 0.5 && theta <= 1)) {
                throw new IllegalArgumentException("theta must be in [0.5, 1], was " + theta);
            }
            this.theta = theta;
            return this;
        }

        /**
         * The solver's relative tolerance on ‖b − M·x‖ / ‖b‖ (default 1e-14, in (0, 1)). The adjoint is the
         * tangent's transpose only to about this tolerance; 1e-14 keeps the dot-product test within 1e-12.
         *
         * @param tolerance the relative residual every solve must reach, in (0, 1)
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
         * The most solver iterations of one solve (default 1000, at least 1).
         *
         * @param maxIterations the limit after which a step throws
         *                      {@link org.adjoint4j.solvers.linear.NotConvergedException}, at least 1
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
         * The last step T of a run, reported by {@link #isFinal} to online schedules (default: none).
         *
         * @param finalStep T, at least 1; without it {@link #isFinal} is never true
         * @return this builder
         * @throws IllegalArgumentException if {@code finalStep} is below 1
         */
        public Builder finalStep(int finalStep) {
            if (finalStep < 1) {
                throw new IllegalArgumentException("finalStep must be >= 1, was " + finalStep);
            }
            this.finalStep = finalStep;
            return this;
        }

        /**
         * The stepper.
         *
         * @return this rank's stepper, with its solver and work arrays allocated
         * @throws IllegalArgumentException if dt was not set, or the grid is not square with at least 2
         *         cells per side, is periodic, or does not match the communicator
         */
        public Heat2dImplicit build() {
            if (Double.isNaN(dt)) {
                throw new IllegalArgumentException("dt is required: call dt(...)");
            }
            if (decomposition.nx() != decomposition.ny()) {
                throw new IllegalArgumentException("heat2d-implicit needs a square grid, was " + decomposition.nx() + "x"
                        + decomposition.ny());
            }
            if (decomposition.nx() < 2) {
                throw new IllegalArgumentException("cells per side must be >= 2, was " + decomposition.nx());
            }
            if (decomposition.grid().periodicX() || decomposition.grid().periodicY()) {
                throw new IllegalArgumentException("heat2d-implicit has walls: the process grid must not be periodic, was "
                        + decomposition.grid());
            }
            if (decomposition.grid().size() != comm.size()) {
                throw new IllegalArgumentException("process grid " + decomposition.grid() + " has "
                        + decomposition.grid().size() + " ranks, the job " + comm.size());
            }
            return new Heat2dImplicit(this);
        }
    }
}
