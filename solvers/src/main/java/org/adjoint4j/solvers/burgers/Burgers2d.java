package org.adjoint4j.solvers.burgers;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TangentLinearStepper;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.HaloExchange;

/**
 * One time step of the two-dimensional viscous Burgers system in conservative form for the velocity
 * (u, v), on a doubly periodic rectangle L<sub>x</sub>×L<sub>y</sub> of N<sub>x</sub>×N<sub>y</sub>
 * cells:
 * <pre>
 *   ∂u/∂t + ∂(u²/2)/∂x + ∂(uv)/∂y   = ν∇²u + f_u
 *   ∂v/∂t + ∂(uv)/∂x   + ∂(v²/2)/∂y = ν∇²v + f_v
 * </pre>
 * Finite volumes: L(w) = f − ∇·F(w) + ν∇²w with the first-order upwind face fluxes of {@link
 * BurgersKernel} (central flux plus dissipation ½|ā|·jump with the face speed ā, the mean normal
 * velocity) and the five-point Laplacian, time integration by a {@link TimeScheme} in Shu–Osher form.
 * The flux form conserves Σu and Σv exactly up to rounding when f = 0.
 *
 * <p><b>State</b>: fields {@code u}, {@code v} (one ghost layer). <b>Controls</b>: fields {@code u0},
 * {@code v0} (the initial velocity, used by {@link BurgersProblem}'s initial state, not by the step),
 * {@code forcing_u}, {@code forcing_v} (a steady body force), and the replicated scalar {@code nu}.
 * dt is fixed (not a control).
 *
 * <p><b>Parallel.</b> Each rank holds its block of a {@link Decomposition2d} over a process grid periodic
 * in x and y; every ghost cell comes from a halo exchange (the wrap-around included), started before the
 * block's interior is computed and finished before its edge rows and columns.
 *
 * <p><b>Tangent and adjoint.</b> Both recompute the stages w<sub>1</sub> … w<sub>s−1</sub> from
 * u<sub>n</sub> (tangent: alongside; adjoint: first, then backwards). Stage k, w<sub>k</sub> = a<sub>k</sub>u<sub>n</sub>
 * + b<sub>k</sub>E(w<sub>k−1</sub>), is transposed as λ<sub>k−1</sub> = b<sub>k</sub>E'(w<sub>k−1</sub>)<sup>T</sup>λ<sub>k</sub>
 * with λ<sub>n</sub> += a<sub>k</sub>λ<sub>k</sub>, dJ/df += b<sub>k</sub>·dt·λ<sub>k</sub> and dJ/dν +=
 * b<sub>k</sub>·dt·Σλ<sub>k</sub>·∇²w<sub>k−1</sub>. E'<sup>T</sup> is written in gather form (each cell collects
 * its faces' transposed terms from its own and its neighbours' λ and w), so it needs λ's ghosts, filled
 * by a forward halo exchange, and produces no ghost adjoints. It is the exact transpose of the tangent,
 * which a dot-product test checks to rounding error.
 *
 * <p><b>Non-differentiable points.</b> The flux is piecewise smooth: |ā| switches branch where a face's
 * mean normal velocity ā is zero (sonic or stagnation faces). Tangent and adjoint differentiate the
 * branch taken at the linearisation point (ā ≥ 0 counts as positive), which is the derivative wherever
 * no face has ā = 0. Flows whose velocities stay bounded away from zero, like {@link BurgersProblem}'s
 * default, never reach that set.
 *
 * <p>Every work array is allocated by the constructor; the steps allocate nothing. Not thread-safe: one
 * stepper per rank.
 */
public final class Burgers2d implements TangentLinearStepper {

    /** The control fields, in layout order, and the scalar. */
    static final String U0 = "u0";
    static final String V0 = "v0";
    static final String FORCING_U = "forcing_u";
    static final String FORCING_V = "forcing_v";
    static final String NU = "nu";

    private static final int FORCE_FIELD = 2;

    private final int cellsX;
    private final int cellsY;
    private final double dt;
    private final TimeScheme scheme;
    private final int finalStep;
    private final int nx;
    private final int ny;
    private final FieldSpec cells;
    private final FieldLayout stateLayout;
    private final ControlLayout controlLayout;
    private final HaloExchange halo;
    private final BurgersKernel kernel;
    private final int stages;

    // chain[k] = w_k as {u, v}: chain[0] = u_n and chain[s] = u_{n+1} are the caller's arrays
    private final double[][][] chain;
    private final double[][][] tangentChain;
    private final double[][][] adjointChain;
    private final double[][] accumulated;
    private final double[][] force = new double[2][];
    private final double[][] forceDirection = new double[2][];
    private final double[][] forceGradient = new double[2][];
    private final double[][] exchangePair = new double[2][];
    private final double[][] exchangeQuad = new double[4][];

    // the arrays and weights of the sweep in progress, read by the rectangle loops
    private double a;
    private double b;
    private double viscosityDirection;
    private double[][] previous;
    private double[][] input;
    private double[][] output;
    private double[][] tangentPrevious;
    private double[][] tangentInput;
    private double[][] tangentOutput;
    private double[][] adjointInput;
    private double[][] adjointOutput;
    private boolean withStage;
    private double viscositySum;
    private final RectangleLoop stageLoop = this::stageRectangle;
    private final RectangleLoop tangentLoop = this::tangentRectangle;
    private final RectangleLoop adjointLoop = this::adjointRectangle;

    private Burgers2d(Builder builder) {
        Communicator comm = builder.comm;
        Decomposition2d d = builder.decomposition;
        this.cellsX = d.nx();
        this.cellsY = d.ny();
        this.dt = builder.dt;
        this.scheme = builder.scheme;
        this.finalStep = builder.finalStep;
        Block block = d.block(comm.rank());
        this.nx = block.nx();
        this.ny = block.ny();
        this.cells = FieldSpec.of("u", nx, ny, 1);
        this.stateLayout = FieldLayout.of(cells, FieldSpec.of("v", nx, ny, 1));
        this.controlLayout = new ControlLayout(FieldLayout.of(FieldSpec.of(U0, nx, ny, 0), FieldSpec.of(V0, nx, ny, 0),
                FieldSpec.of(FORCING_U, nx, ny, 0), FieldSpec.of(FORCING_V, nx, ny, 0)), List.of(NU));
        this.halo = HaloExchange.builder(comm, d).width(1).ghost(1).build();
        this.kernel = new BurgersKernel(nx, dt, builder.lengthX / cellsX, builder.lengthY / cellsY);
        this.stages = scheme.stages();
        int length = cells.storedLength();
        this.chain = new double[stages + 1][][];
        this.tangentChain = new double[stages + 1][][];
        this.adjointChain = new double[stages + 1][][];
        chain[0] = new double[2][];
        tangentChain[0] = new double[2][];
        adjointChain[0] = new double[2][];
        for (int k = 1; k < stages; k++) {
            chain[k] = new double[2][length];
            tangentChain[k] = new double[2][length];
            adjointChain[k] = new double[2][length];
        }
        chain[stages] = new double[2][];
        tangentChain[stages] = new double[2][];
        adjointChain[stages] = new double[2][];
        this.accumulated = new double[2][length];
    }

    /**
     * A builder for this rank's stepper.
     *
     * @param comm          the job's ranks
     * @param decomposition the N<sub>x</sub>×N<sub>y</sub> grid over a process grid periodic in x and y
     * @return a builder with the unit square, {@link TimeScheme#SSP_RK2} and no final step; dt must still
     *         be set, and {@link Builder#build()} checks the grid
     * @throws NullPointerException if {@code comm} or {@code decomposition} is null
     */
    public static Builder builder(Communicator comm, Decomposition2d decomposition) {
        return new Builder(comm, decomposition);
    }

    /**
     * Cells of the whole grid in x.
     *
     * @return N<sub>x</sub>, at least 2
     */
    public int cellsX() {
        return cellsX;
    }

    /**
     * Cells of the whole grid in y.
     *
     * @return N<sub>y</sub>, at least 2
     */
    public int cellsY() {
        return cellsY;
    }

    /**
     * The time step.
     *
     * @return dt, finite and &gt; 0, in the time unit of the velocities and lengths
     */
    public double dt() {
        return dt;
    }

    /**
     * The time integration scheme.
     *
     * @return the scheme each step applies; its stage count is the number of halo exchanges per step
     */
    public TimeScheme scheme() {
        return scheme;
    }

    @Override
    public FieldLayout stateLayout() {
        return stateLayout;
    }

    @Override
    public ControlLayout controlLayout() {
        return controlLayout;
    }

    /** Caches the viscosity-dependent coefficients dt·ν/Δx², dt·ν/Δy². Control fields have no ghosts. */
    @Override
    public void prepare(Controls controls) {
        kernel.viscosity(controls.scalars()[0]);
    }

    /** u<sub>n+1</sub> = w<sub>s</sub>; a collective call with the neighbours (s halo exchanges). */
    @Override
    public void forward(int n, Fields in, Fields out, Controls controls) {
        bind(chain, in);
        bind(chain[stages], out);
        bindForce(force, controls.fields());
        for (int k = 1; k <= stages; k++) {
            runStage(k, chain[k - 1], chain[k]);
            sweep(stageLoop, pair(chain[k - 1]));
        }
        release();
    }

    /**
     * δu<sub>n+1</sub> = δw<sub>s</sub>, with δw<sub>k</sub> = a<sub>k</sub>δu<sub>n</sub> +
     * b<sub>k</sub>E'(w<sub>k−1</sub>)[δw<sub>k−1</sub>, δν, δf] and the stages w<sub>k</sub> computed alongside.
     */
    @Override
    public void tangent(int n, Fields in, Fields tangentIn, Fields tangentOut, Controls controls,
                        Controls controlDirection) {
        bind(chain, in);
        bind(tangentChain, tangentIn);
        bind(tangentChain[stages], tangentOut);
        bindForce(force, controls.fields());
        bindForce(forceDirection, controlDirection.fields());
        viscosityDirection = controlDirection.scalars()[0];
        for (int k = 1; k <= stages; k++) {
            runStage(k, chain[k - 1], chain[k]);
            tangentPrevious = tangentChain[0];
            tangentInput = tangentChain[k - 1];
            tangentOutput = tangentChain[k];
            withStage = k < stages;
            double[][] w = chain[k - 1];
            double[][] dw = tangentChain[k - 1];
            exchangeQuad[0] = w[0];
            exchangeQuad[1] = w[1];
            exchangeQuad[2] = dw[0];
            exchangeQuad[3] = dw[1];
            sweep(tangentLoop, exchangeQuad);
        }
        release();
    }

    /**
     * λ<sub>n</sub> from λ<sub>n+1</sub> through the stages in reverse, after recomputing
     * w<sub>1</sub> … w<sub>s−1</sub> from u<sub>n</sub>; adds dJ/df and dJ/dν (this rank's part).
     */
    @Override
    public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient) {
        bind(chain, in);
        bind(adjointChain[stages], adjOut);
        bind(adjointChain, adjIn);
        bindForce(force, controls.fields());
        bindForce(forceGradient, gradient.fields());
        for (int k = 1; k < stages; k++) {
            runStage(k, chain[k - 1], chain[k]);
            sweep(stageLoop, pair(chain[k - 1]));
        }
        Arrays.fill(accumulated[0], 0.0);
        Arrays.fill(accumulated[1], 0.0);
        viscositySum = 0;
        for (int k = stages; k >= 1; k--) {
            a = scheme.previousWeight(k);
            b = scheme.stepWeight(k);
            input = chain[k - 1];
            adjointInput = adjointChain[k];
            adjointOutput = adjointChain[k - 1];
            if (k == stages) {
                // w_{s-1}'s ghosts are not filled yet: they travel with λ_s's
                exchangeQuad[0] = input[0];
                exchangeQuad[1] = input[1];
                exchangeQuad[2] = adjointInput[0];
                exchangeQuad[3] = adjointInput[1];
                sweep(adjointLoop, exchangeQuad);
            } else {
                sweep(adjointLoop, pair(adjointInput));
            }
        }
        addOwned(accumulated, adjointChain[0]);
        gradient.scalars()[0] += viscositySum;
        release();
    }

    /** The run ends at step T, for online schedules that do not know T. */
    @Override
    public boolean isFinal(int n, Fields state, Controls controls) {
        return n >= finalStep;
    }

    // ---- sweeps ------------------------------------------------------------------------------------

    /** A loop of the kernel over a rectangle of owned cells. */
    @FunctionalInterface
    private interface RectangleLoop {
        void run(int i0, int i1, int j0, int j1);
    }

    private void runStage(int k, double[][] w, double[][] target) {
        a = scheme.previousWeight(k);
        b = scheme.stepWeight(k);
        previous = chain[0];
        input = w;
        output = target;
    }

    private void stageRectangle(int i0, int i1, int j0, int j1) {
        kernel.stage(i0, i1, j0, j1, a, b, previous, input, force, output);
    }

    private void tangentRectangle(int i0, int i1, int j0, int j1) {
        if (withStage) {
            kernel.stage(i0, i1, j0, j1, a, b, previous, input, force, output);
        }
        kernel.tangentStage(i0, i1, j0, j1, a, b, viscosityDirection, input, tangentInput, tangentPrevious, forceDirection,
                tangentOutput);
    }

    private void adjointRectangle(int i0, int i1, int j0, int j1) {
        viscositySum += kernel.adjointStage(i0, i1, j0, j1, a, b, input, adjointInput, adjointOutput, accumulated,
                forceGradient);
    }

    /**
     * Exchanges the ghosts of {@code exchanged} while {@code loop} runs over the interior cells, then
     * runs it over the edge rows and columns, each cell once.
     */
    private void sweep(RectangleLoop loop, double[][] exchanged) {
        halo.start(exchanged);
        if (nx > 2 && ny > 2) {
            loop.run(1, nx - 1, 1, ny - 1);
        }
        halo.finish();
        loop.run(0, nx, 0, 1);
        if (ny > 1) {
            loop.run(0, nx, ny - 1, ny);
        }
        if (ny > 2) {
            loop.run(0, 1, 1, ny - 1);
            if (nx > 1) {
                loop.run(nx - 1, nx, 1, ny - 1);
            }
        }
    }

    private double[][] pair(double[][] w) {
        exchangePair[0] = w[0];
        exchangePair[1] = w[1];
        return exchangePair;
    }

    private static void bind(double[][][] target, Fields fields) {
        bind(target[0], fields);
    }

    private static void bind(double[][] target, Fields fields) {
        target[0] = fields.get(0);
        target[1] = fields.get(1);
    }

    private static void bindForce(double[][] target, Fields controlFields) {
        target[0] = controlFields.get(FORCE_FIELD);
        target[1] = controlFields.get(FORCE_FIELD + 1);
    }

    private void addOwned(double[][] source, double[][] target) {
        for (int f = 0; f < 2; f++) {
            double[] s = source[f];
            double[] t = target[f];
            for (int j = 0; j < ny; j++) {
                int row = cells.index(0, j);
                for (int k = row; k < row + nx; k++) {
                    t[k] += s[k];
                }
            }
        }
    }

    /** Drops the references to the caller's arrays. */
    private void release() {
        clear(chain[0]);
        clear(chain[stages]);
        clear(tangentChain[0]);
        clear(tangentChain[stages]);
        clear(adjointChain[0]);
        clear(adjointChain[stages]);
        clear(force);
        clear(forceDirection);
        clear(forceGradient);
        clear(exchangePair);
        clear(exchangeQuad);
        previous = null;
        input = null;
        output = null;
        tangentPrevious = null;
        tangentInput = null;
        tangentOutput = null;
        adjointInput = null;
        adjointOutput = null;
    }

    private static void clear(double[][] references) {
        Arrays.fill(references, null);
    }

    @Override
    public String toString() {
        return "burgers2d(" + cellsX + "x" + cellsY + ", dt=" + dt + ", " + scheme + ", block " + nx + "x" + ny + ")";
    }

    /** Collects the settings of a {@link Burgers2d}. */
    public static final class Builder {
        private final Communicator comm;
        private final Decomposition2d decomposition;
        private double lengthX = 1;
        private double lengthY = 1;
        private double dt = Double.NaN;
        private TimeScheme scheme = TimeScheme.SSP_RK2;
        private int finalStep = Integer.MAX_VALUE;

        private Builder(Communicator comm, Decomposition2d decomposition) {
            this.comm = Objects.requireNonNull(comm, "comm");
            this.decomposition = Objects.requireNonNull(decomposition, "decomposition");
        }

        /**
         * The domain's lengths L<sub>x</sub>, L<sub>y</sub> (default 1 × 1), each finite and &gt; 0.
         *
         * @param lengthX L<sub>x</sub>, the period in x; Δx = L<sub>x</sub>/N<sub>x</sub>
         * @param lengthY L<sub>y</sub>, the period in y; Δy = L<sub>y</sub>/N<sub>y</sub>
         * @return this builder
         * @throws IllegalArgumentException if a length is not finite and &gt; 0
         */
        public Builder lengths(double lengthX, double lengthY) {
            if (!(lengthX > 0) || !(lengthY > 0) || Double.isInfinite(lengthX) || Double.isInfinite(lengthY)) {
                throw new IllegalArgumentException("lengths must be finite and > 0, were lengthX=" + lengthX + ", lengthY="
                        + lengthY);
            }
            this.lengthX = lengthX;
            this.lengthY = lengthY;
            return this;
        }

        /**
         * The time step (required), finite and &gt; 0; fixed, not a control.
         *
         * @param dt the step length; stability needs it below the forward-Euler limit of the upwind scheme
         *           (see {@link BurgersProblem}), which is not checked here
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
         * The time integration scheme (default {@link TimeScheme#SSP_RK2}).
         *
         * @param scheme the Shu–Osher Runge–Kutta scheme of each step
         * @return this builder
         * @throws NullPointerException if {@code scheme} is null
         */
        public Builder scheme(TimeScheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        /**
         * The last step T of a run, reported by {@link Burgers2d#isFinal} (default: never).
         *
         * @param finalStep T, at least 1
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
         * This rank's stepper.
         *
         * @return a new stepper for this rank's block, its work arrays allocated
         * @throws IllegalArgumentException if dt is missing, the process grid is not periodic in both
         *         directions or does not match the communicator, or the grid has fewer than 2 cells in a
         *         direction
         */
        public Burgers2d build() {
            if (Double.isNaN(dt)) {
                throw new IllegalArgumentException("dt is required: call dt(...)");
            }
            if (!decomposition.grid().periodicX() || !decomposition.grid().periodicY()) {
                throw new IllegalArgumentException("burgers2d is periodic: the process grid must be periodic in x and y, was "
                        + decomposition.grid());
            }
            if (decomposition.nx() < 2 || decomposition.ny() < 2) {
                throw new IllegalArgumentException("burgers2d needs at least 2 cells in each direction, was "
                        + decomposition.nx() + "x" + decomposition.ny());
            }
            if (comm.size() != decomposition.grid().size()) {
                throw new IllegalArgumentException("communicator has " + comm.size() + " ranks, the process grid "
                        + decomposition.grid() + " has " + decomposition.grid().size());
            }
            return new Burgers2d(this);
        }
    }
}
