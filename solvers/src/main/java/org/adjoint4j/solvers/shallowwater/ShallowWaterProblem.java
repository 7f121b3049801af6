package org.adjoint4j.solvers.shallowwater;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.InitialState;
import org.adjoint4j.adjoint.Objective;
import org.adjoint4j.adjoint.TangentLinearStepper;
import org.adjoint4j.adjoint.objective.FieldMisfit;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.SerialCommunicator;

/**
 * A shallow-water sensitivity problem: a bump of water released from rest over a seamount (or a
 * ridge, or a flat bottom), and the mean squared elevation it causes in a region of interest at the
 * final step. Nondimensional by default: lengths in units of the basin width L, depths in units of the
 * reference depth H<sub>0</sub>, g = 1, so that time is in units of L/√(gH<sub>0</sub>).
 * <ul>
 *   <li>domain [0, L<sub>x</sub>] × [0, L<sub>y</sub>] = [0, 2] × [0, 1], N<sub>x</sub> × N<sub>y</sub>
 *       cells (default 64 × 32), walls in both directions unless periodic;</li>
 *   <li>bathymetry D: {@link Topography#SEAMOUNT} (depth 1, a seamount rising to 0.4) unless given;</li>
 *   <li>initial elevation η<sub>0</sub> = 0.05·exp(−|x − x<sub>b</sub>|²/(2σ²)), x<sub>b</sub> =
 *       (0.25L<sub>x</sub>, 0.5L<sub>y</sub>), σ = 0.04L<sub>x</sub>; u = v = 0;</li>
 *   <li>bottom drag r = 0.05/D (a linear drag coefficient 0.05 over the depth), f-plane f = 0.5;</li>
 *   <li>dt = C/(√(g·max D)·√(1/dx² + 1/dy²)) with Courant number C = 0.4, from the initial D, fixed;</li>
 *   <li>J = mean of η<sub>T</sub>² over the cells whose centres lie in the region of interest (default
 *       [0.8L<sub>x</sub>, 0.95L<sub>x</sub>] × [0.35L<sub>y</sub>, 0.65L<sub>y</sub>]), plus optional terms
 *       ½·dx·dy·Σ(η<sub>n</sub> − η<sup>obs</sup><sub>n</sub>)² at chosen steps.</li>
 * </ul>
 * The gradient is taken with respect to D, η<sub>0</sub> and r (control fields {@code bathymetry},
 * {@code eta0}, {@code drag}). On several ranks every rank builds the problem with its communicator;
 * given fields are global arrays (N<sub>x</sub>·N<sub>y</sub> values, x fastest), the same on every rank.
 */
public final class ShallowWaterProblem {

    private final int cellsX;
    private final int cellsY;
    private final int steps;
    private final ShallowWaterIntegrator integrator;
    private final double courantNumber;
    private final Communicator comm;
    private final Decomposition2d decomposition;
    private final Block block;
    private final ShallowWaterParameters parameters;
    private final TangentLinearStepper stepper;
    private final InitialState initialState;
    private final Controls initialControls;
    private final Objective objective;
    private final int[] regionCells;

    private ShallowWaterProblem(Builder b) {
        this.cellsX = b.cellsX;
        this.cellsY = b.cellsY;
        this.steps = b.steps;
        this.integrator = b.integrator;
        this.courantNumber = b.courantNumber;
        this.comm = b.comm;
        ProcessGrid grid = b.px > 0 ? ProcessGrid.of(b.px, b.py, b.periodicX, b.periodicY)
                : ProcessGrid.balanced(comm.size(), cellsX, cellsY, b.periodicX, b.periodicY);
        if (grid.size() != comm.size()) {
            throw new IllegalArgumentException("process grid " + grid + " has " + grid.size() + " ranks, the job "
                    + comm.size());
        }
        this.decomposition = Decomposition2d.of(cellsX, cellsY, grid);
        this.block = decomposition.block(comm.rank());
        double dx = b.lengthX / cellsX;
        double dy = b.lengthY / cellsY;

        double[] depth = b.bathymetry != null ? local(b.bathymetry) : new double[block.cells()];
        double[] eta0 = b.initialElevation != null ? local(b.initialElevation) : new double[block.cells()];
        double[] drag = b.drag != null ? local(b.drag) : new double[block.cells()];
        double sigma = 0.04 * b.lengthX;
        for (int j = 0; j < block.ny(); j++) {
            for (int i = 0; i < block.nx(); i++) {
                int k = j * block.nx() + i;
                double x = (block.offsetX() + i + 0.5) * dx;
                double y = (block.offsetY() + j + 0.5) * dy;
                if (b.bathymetry == null) {
                    depth[k] = b.topography.depth(x, y, b.lengthX, b.lengthY);
                }
                if (b.initialElevation == null) {
                    double rx = x - 0.25 * b.lengthX;
                    double ry = y - 0.5 * b.lengthY;
                    eta0[k] = 0.05 * Math.exp(-(rx * rx + ry * ry) / (2 * sigma * sigma));
                }
                if (b.drag == null) {
                    drag[k] = 0.05 / depth[k];
                }
            }
        }
        double maxDepth = checkFields(depth, eta0, drag);
        double dt = courantNumber / (Math.sqrt(b.gravity * maxDepth) * Math.sqrt(1 / (dx * dx) + 1 / (dy * dy)));
        this.parameters = ShallowWaterParameters.builder().domain(b.lengthX, b.lengthY).gravity(b.gravity)
                .coriolis(b.coriolisF0, b.coriolisBeta).timeStep(dt).build();
        if (integrator == ShallowWaterIntegrator.RK3) {
            this.stepper = new ShallowWaterRk3(comm, decomposition, parameters, steps);
            this.initialState = new RestingInitialState("eta");
        } else {
            this.stepper = new ShallowWaterLeapfrog(comm, decomposition, parameters, b.asselin, steps);
            this.initialState = new RestingInitialState("eta", "eta_previous");
        }
        this.initialControls = new Controls(stepper.controlLayout());
        initialControls.fields().setOwned(0, depth);
        initialControls.fields().setOwned(1, eta0);
        initialControls.fields().setOwned(2, drag);

        this.regionCells = regionCells(b);
        List<Objective> terms = new ArrayList<>();
        terms.add(MeanSquareElevation.overCells(decomposition, comm.rank(), regionCells[0], regionCells[1], regionCells[2],
                regionCells[3]));
        if (!b.observations.isEmpty()) {
            FieldMisfit.Builder misfit = FieldMisfit.builder("eta", dx * dy);
            b.observations.forEach((step, obs) -> misfit.at(step, obs == null ? null : local(obs)));
            terms.add(misfit.build());
        }
        this.objective = terms.size() == 1 ? terms.get(0) : Objective.sum(terms.toArray(new Objective[0]));
    }

    /**
     * Checks the controls on every rank and agrees on the outcome, so that all ranks throw alike.
     *
     * @return the largest depth over all ranks
     */
    private double checkFields(double[] depth, double[] eta0, double[] drag) {
        double minDepth = Double.POSITIVE_INFINITY;
        double minTotal = Double.POSITIVE_INFINITY;
        double minDrag = Double.POSITIVE_INFINITY;
        double maxDepth = 0;
        boolean finite = true;
        for (int k = 0; k < depth.length; k++) {
            finite &= Double.isFinite(depth[k]) && Double.isFinite(eta0[k]) && Double.isFinite(drag[k]);
            minDepth = Math.min(minDepth, depth[k]);
            minTotal = Math.min(minTotal, depth[k] + eta0[k]);
            minDrag = Math.min(minDrag, drag[k]);
            maxDepth = Math.max(maxDepth, depth[k]);
        }
        double notFinite = comm.allreduce(finite ? 0 : 1, ReduceOp.MAX);
        minDepth = comm.allreduce(minDepth, ReduceOp.MIN);
        minTotal = comm.allreduce(minTotal, ReduceOp.MIN);
        minDrag = comm.allreduce(minDrag, ReduceOp.MIN);
        maxDepth = comm.allreduce(maxDepth, ReduceOp.MAX);
        // depth first: a zero depth also makes the default drag 0.05/D infinite
        if (!(minDepth > 0)) {
            throw new IllegalArgumentException("bathymetry: every depth must be > 0, the smallest was " + minDepth);
        }
        if (notFinite > 0) {
            throw new IllegalArgumentException("bathymetry, initial elevation and drag must be finite everywhere");
        }
        if (!(minTotal > 0)) {
            throw new IllegalArgumentException("initial elevation: the total depth D + eta0 must be > 0 everywhere (no"
                    + " dry cells), the smallest was " + minTotal);
        }
        if (!(minDrag >= 0)) {
            throw new IllegalArgumentException("drag: every value must be >= 0, the smallest was " + minDrag);
        }
        return maxDepth;
    }

    /** The cells of the builder's region (or of the default one). */
    private static int[] regionCells(Builder b) {
        double[] r = b.region != null ? b.region
                : new double[] {0.8 * b.lengthX, 0.95 * b.lengthX, 0.35 * b.lengthY, 0.65 * b.lengthY};
        return cellsInRegion(b.cellsX, b.cellsY, b.lengthX, b.lengthY, r[0], r[1], r[2], r[3]);
    }

    /**
     * The cells of an nx × ny grid over [0, lengthX] × [0, lengthY] whose centres lie in the rectangle
     * [x0, x1] × [y0, y1].
     *
     * @param nx      cells in x, at least 1
     * @param ny      cells in y, at least 1
     * @param lengthX L<sub>x</sub>, the domain's length in x
     * @param lengthY L<sub>y</sub>, the domain's length in y
     * @param x0      the rectangle's left edge, 0 ≤ x0 &lt; x1
     * @param x1      the rectangle's right edge, at most L<sub>x</sub>
     * @param y0      the rectangle's bottom edge, 0 ≤ y0 &lt; y1
     * @param y1      the rectangle's top edge, at most L<sub>y</sub>
     * @return {iStart, iEnd, jStart, jEnd}, ends exclusive
     * @throws IllegalArgumentException naming the rectangle if it leaves the domain or holds no cell centre
     */
    public static int[] cellsInRegion(int nx, int ny, double lengthX, double lengthY, double x0, double x1, double y0,
                                      double y1) {
        if (!(x0 >= 0 && x0 < x1 && x1 <= lengthX && y0 >= 0 && y0 < y1 && y1 <= lengthY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "region of interest [%s, %s] x [%s, %s] must lie"
                    + " within the domain [0, %s] x [0, %s]", x0, x1, y0, y1, lengthX, lengthY));
        }
        double dx = lengthX / nx;
        double dy = lengthY / ny;
        // cell i has its centre at (i + ½)dx
        int i0 = (int) Math.ceil(x0 / dx - 0.5);
        int i1 = Math.min((int) Math.floor(x1 / dx - 0.5) + 1, nx);
        int j0 = (int) Math.ceil(y0 / dy - 0.5);
        int j1 = Math.min((int) Math.floor(y1 / dy - 0.5) + 1, ny);
        if (i0 >= i1 || j0 >= j1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "region of interest [%s, %s] x [%s, %s] contains"
                    + " no cell centre of the %dx%d grid (cell width %s x %s)", x0, x1, y0, y1, nx, ny, dx, dy));
        }
        return new int[] {i0, i1, j0, j1};
    }

    /** This rank's block of a global field (Nx·Ny values, x fastest). */
    private double[] local(double[] global) {
        double[] part = new double[block.cells()];
        for (int j = 0; j < block.ny(); j++) {
            System.arraycopy(global, (block.offsetY() + j) * cellsX + block.offsetX(), part, j * block.nx(), block.nx());
        }
        return part;
    }

    /**
     * A builder with the defaults listed in the class description.
     *
     * @return a new builder on one rank ({@link SerialCommunicator}), RK3, 150 steps
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Cells N<sub>x</sub> in x.
     *
     * @return N<sub>x</sub>, at least 2
     */
    public int cellsX() {
        return cellsX;
    }

    /**
     * Cells N<sub>y</sub> in y.
     *
     * @return N<sub>y</sub>, at least 2
     */
    public int cellsY() {
        return cellsY;
    }

    /**
     * Number of time steps T.
     *
     * @return T, at least 1
     */
    public int steps() {
        return steps;
    }

    /**
     * The integrator.
     *
     * @return which time scheme {@link #stepper()} uses
     */
    public ShallowWaterIntegrator integrator() {
        return integrator;
    }

    /**
     * The Courant number C that fixed dt.
     *
     * @return C, &gt; 0 and at most the integrator's {@link ShallowWaterIntegrator#courantLimit}
     */
    public double courantNumber() {
        return courantNumber;
    }

    /**
     * Domain, gravity, Coriolis parameter and dt.
     *
     * @return the stepper's parameters, dt included
     */
    public ShallowWaterParameters parameters() {
        return parameters;
    }

    /**
     * The time step.
     *
     * @return dt = C/(√(g·max D)·√(1/dx² + 1/dy²)), from the initial bathymetry
     */
    public double dt() {
        return parameters.timeStep();
    }

    /**
     * Cell width in x.
     *
     * @return dx = L<sub>x</sub>/N<sub>x</sub>
     */
    public double dx() {
        return parameters.lengthX() / cellsX;
    }

    /**
     * Cell width in y.
     *
     * @return dy = L<sub>y</sub>/N<sub>y</sub>
     */
    public double dy() {
        return parameters.lengthY() / cellsY;
    }

    /**
     * The time stepper: a {@link ShallowWaterRk3} or a {@link ShallowWaterLeapfrog}.
     *
     * @return this rank's stepper, as {@link #integrator()} says, with final step T
     */
    public TangentLinearStepper stepper() {
        return stepper;
    }

    /**
     * Water at rest with elevation η<sub>0</sub> (in both time levels for leapfrog).
     *
     * @return the initial state: elevation fields copied from control {@code eta0}, velocities zero; its
     *         adjoint adds the elevations' λ to the gradient of {@code eta0}
     */
    public InitialState initialState() {
        return initialState;
    }

    /**
     * J: the mean squared elevation in the region of interest at step T, plus the misfit terms.
     *
     * @return J, summed by each rank over the cells it owns
     */
    public Objective objective() {
        return objective;
    }

    /**
     * The global cells of the region of interest, {iStart, iEnd, jStart, jEnd}, ends exclusive.
     *
     * @return a new array of four indices, owned by the caller
     */
    public int[] regionCells() {
        return regionCells.clone();
    }

    /**
     * A copy of the initial controls: bathymetry, η<sub>0</sub> and drag.
     *
     * @return a new {@link Controls} holding this rank's block of {@code bathymetry}, {@code eta0} and
     *         {@code drag}, owned by the caller
     */
    public Controls initialControls() {
        return initialControls.copy();
    }

    /**
     * The layout of one field on this rank, e.g. to build observations or directions.
     *
     * @return the layout of the state field {@code eta} on this rank: the block's cells with one ghost layer
     */
    public FieldSpec cellSpec() {
        return stepper.stateLayout().get(0);
    }

    /**
     * The job's ranks.
     *
     * @return the communicator the problem was built with
     */
    public Communicator communicator() {
        return comm;
    }

    /**
     * How the grid is split over the ranks (its periodic directions are the periodic boundaries).
     *
     * @return the N<sub>x</sub>×N<sub>y</sub> decomposition over the process grid
     */
    public Decomposition2d decomposition() {
        return decomposition;
    }

    /**
     * A driver for this problem under {@code schedule}, which must have {@link #steps()} steps.
     *
     * @param schedule the checkpointing schedule of the run, of {@link #steps()} steps
     * @return a new driver with stepper, initial state, objective, schedule and communicator set
     * @throws IllegalArgumentException if the schedule's step count is not {@link #steps()}
     */
    public AdjointDriver driver(Schedule schedule) {
        return driverBuilder(schedule).build();
    }

    /**
     * A driver builder with stepper, initial state, objective, schedule and communicator set.
     *
     * @param schedule the checkpointing schedule of the run, of {@link #steps()} steps
     * @return a new builder for further settings before {@link AdjointDriver.Builder#build()}
     * @throws IllegalArgumentException if the schedule's step count is not {@link #steps()}
     */
    public AdjointDriver.Builder driverBuilder(Schedule schedule) {
        if (schedule.steps() != steps) {
            throw new IllegalArgumentException("schedule has " + schedule.steps() + " steps, the problem " + steps);
        }
        return AdjointDriver.builder().stepper(stepper).initialState(initialState).objective(objective).schedule(schedule)
                .communicator(comm);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "shallow-water %s: %dx%d cells, T=%d, dt=%.4e, %s", integrator, cellsX, cellsY,
                steps, dt(), decomposition);
    }

    /** Collects the settings of a {@link ShallowWaterProblem}. */
    public static final class Builder {
        private int cellsX = 64;
        private int cellsY = 32;
        private int steps = 150;
        private ShallowWaterIntegrator integrator = ShallowWaterIntegrator.RK3;
        private double asselin = ShallowWaterLeapfrog.DEFAULT_ASSELIN;
        private double courantNumber = 0.4;
        private double lengthX = 2;
        private double lengthY = 1;
        private double gravity = 1;
        private double coriolisF0 = 0.5;
        private double coriolisBeta;
        private boolean periodicX;
        private boolean periodicY;
        private Topography topography = Topography.SEAMOUNT;
        private double[] bathymetry;
        private double[] initialElevation;
        private double[] drag;
        private double[] region;
        private Communicator comm = SerialCommunicator.instance();
        private int px;
        private int py;
        private final Map<Integer, double[]> observations = new TreeMap<>();

        private Builder() {
        }

        /**
         * Cells in x and y (default 64 × 32, each at least 2).
         *
         * @param cellsX N<sub>x</sub>, at least 2
         * @param cellsY N<sub>y</sub>, at least 2
         * @return this builder
         * @throws IllegalArgumentException if a count is below 2
         */
        public Builder cells(int cellsX, int cellsY) {
            if (cellsX < 2 || cellsY < 2) {
                throw new IllegalArgumentException("cells must be >= 2 in each direction, were cellsX=" + cellsX
                        + ", cellsY=" + cellsY);
            }
            this.cellsX = cellsX;
            this.cellsY = cellsY;
            return this;
        }

        /**
         * Time steps T (default 150, at least 1).
         *
         * @param steps T, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code steps} is below 1
         */
        public Builder steps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, was " + steps);
            }
            this.steps = steps;
            return this;
        }

        /**
         * The integrator (default RK3).
         *
         * @param integrator the time scheme of the stepper; it bounds the Courant number
         * @return this builder
         * @throws NullPointerException if {@code integrator} is null
         */
        public Builder integrator(ShallowWaterIntegrator integrator) {
            this.integrator = Objects.requireNonNull(integrator, "integrator");
            return this;
        }

        /**
         * The Robert–Asselin coefficient ν of the leapfrog integrator (default 0.1), in [0, 0.5).
         *
         * @param asselin ν, in [0, 0.5); ignored by RK3
         * @return this builder
         * @throws IllegalArgumentException if {@code asselin} is outside [0, 0.5)
         */
        public Builder asselin(double asselin) {
            if (!(asselin >= 0 && asselin < 0.5)) {
                throw new IllegalArgumentException("asselin must be in [0, 0.5), was " + asselin);
            }
            this.asselin = asselin;
            return this;
        }

        /**
         * The Courant number C that fixes dt (default 0.4); at most the integrator's limit
         * ({@link ShallowWaterIntegrator#courantLimit}), checked by {@link #build()}.
         *
         * @param courantNumber C, finite and &gt; 0
         * @return this builder
         * @throws IllegalArgumentException if {@code courantNumber} is not finite and &gt; 0
         */
        public Builder courantNumber(double courantNumber) {
            if (!(courantNumber > 0) || Double.isInfinite(courantNumber)) {
                throw new IllegalArgumentException("courantNumber must be finite and > 0, was " + courantNumber);
            }
            this.courantNumber = courantNumber;
            return this;
        }

        /**
         * The domain [0, lengthX] × [0, lengthY] (default 2 × 1).
         *
         * @param lengthX L<sub>x</sub>, finite and &gt; 0
         * @param lengthY L<sub>y</sub>, finite and &gt; 0
         * @return this builder
         * @throws IllegalArgumentException if a length is not finite and &gt; 0
         */
        public Builder domain(double lengthX, double lengthY) {
            if (!(lengthX > 0) || !(lengthY > 0) || Double.isInfinite(lengthX) || Double.isInfinite(lengthY)) {
                throw new IllegalArgumentException("domain lengths must be finite and > 0, were lengthX=" + lengthX
                        + ", lengthY=" + lengthY);
            }
            this.lengthX = lengthX;
            this.lengthY = lengthY;
            return this;
        }

        /**
         * Gravity g (default 1).
         *
         * @param gravity g, finite and &gt; 0
         * @return this builder
         * @throws IllegalArgumentException if {@code gravity} is not finite and &gt; 0
         */
        public Builder gravity(double gravity) {
            if (!(gravity > 0) || Double.isInfinite(gravity)) {
                throw new IllegalArgumentException("gravity must be finite and > 0, was " + gravity);
            }
            this.gravity = gravity;
            return this;
        }

        /**
         * The β-plane f = f0 + β(y − L<sub>y</sub>/2) (default f0 = 0.5, β = 0).
         *
         * @param f0   f at mid-basin y = L<sub>y</sub>/2, finite
         * @param beta β = df/dy, finite; 0 for an f-plane
         * @return this builder
         * @throws IllegalArgumentException if {@code f0} or {@code beta} is not finite
         */
        public Builder coriolis(double f0, double beta) {
            if (!Double.isFinite(f0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("coriolis f0 and beta must be finite, were f0=" + f0 + ", beta=" + beta);
            }
            this.coriolisF0 = f0;
            this.coriolisBeta = beta;
            return this;
        }

        /**
         * Which directions are periodic (default neither: walls all round).
         *
         * @param x true for periodic in x, false for walls at x = 0 and x = L<sub>x</sub>
         * @param y true for periodic in y, false for walls at y = 0 and y = L<sub>y</sub>
         * @return this builder
         */
        public Builder periodic(boolean x, boolean y) {
            this.periodicX = x;
            this.periodicY = y;
            return this;
        }

        /**
         * The shape of the default bathymetry (default {@link Topography#SEAMOUNT}).
         *
         * @param topography the shape; ignored if {@link #bathymetry} is given
         * @return this builder
         * @throws NullPointerException if {@code topography} is null
         */
        public Builder topography(Topography topography) {
            this.topography = Objects.requireNonNull(topography, "topography");
            return this;
        }

        /**
         * The bathymetry D, Nx·Ny values x fastest, the same on every rank; replaces the topography.
         *
         * @param depth the resting depth at cell centres, finite and &gt; 0, read and copied
         * @return this builder
         * @throws NullPointerException if {@code depth} is null
         */
        public Builder bathymetry(double[] depth) {
            this.bathymetry = Objects.requireNonNull(depth, "depth").clone();
            return this;
        }

        /**
         * The initial elevation η<sub>0</sub>, Nx·Ny values x fastest (default the Gaussian bump).
         *
         * @param eta0 the elevation at cell centres, finite with D + η<sub>0</sub> &gt; 0 everywhere, read and copied
         * @return this builder
         * @throws NullPointerException if {@code eta0} is null
         */
        public Builder initialElevation(double[] eta0) {
            this.initialElevation = Objects.requireNonNull(eta0, "eta0").clone();
            return this;
        }

        /**
         * The bottom drag r, Nx·Ny values x fastest (default 0.05/D).
         *
         * @param drag the linear drag rate at cell centres, in 1/time, finite and &gt;= 0, read and copied
         * @return this builder
         * @throws NullPointerException if {@code drag} is null
         */
        public Builder drag(double[] drag) {
            this.drag = Objects.requireNonNull(drag, "drag").clone();
            return this;
        }

        /**
         * The region of interest [x0, x1] × [y0, y1] in domain coordinates: J averages over the cells
         * whose centres lie in it (default [0.8L<sub>x</sub>, 0.95L<sub>x</sub>] × [0.35L<sub>y</sub>,
         * 0.65L<sub>y</sub>]). {@link #build()} checks that it lies in the domain and holds a cell centre.
         *
         * @param x0 left edge, at least 0
         * @param x1 right edge, above {@code x0} and at most L<sub>x</sub>
         * @param y0 bottom edge, at least 0
         * @param y1 top edge, above {@code y0} and at most L<sub>y</sub>
         * @return this builder
         * @throws IllegalArgumentException if a bound is not finite, or x0 ≥ x1 or y0 ≥ y1
         */
        public Builder regionOfInterest(double x0, double x1, double y0, double y1) {
            if (!Double.isFinite(x0) || !Double.isFinite(x1) || !Double.isFinite(y0) || !Double.isFinite(y1) || x0 >= x1
                    || y0 >= y1) {
                throw new IllegalArgumentException("region of interest needs finite x0 < x1 and y0 < y1, was x0=" + x0
                        + ", x1=" + x1 + ", y0=" + y0 + ", y1=" + y1);
            }
            this.region = new double[] {x0, x1, y0, y1};
            return this;
        }

        /**
         * An extra term ½·dx·dy·Σ(η_n − obs)² at {@code step} (observations Nx·Ny values; null: zero).
         *
         * @param step         the step whose elevation is compared, 0 ≤ step ≤ T; a repeated step replaces
         *                     the earlier observations
         * @param observations the global elevation field, x fastest, read and copied, or null for zero
         * @return this builder
         * @throws IllegalArgumentException if {@code step} is negative
         */
        public Builder observeAt(int step, double[] observations) {
            if (step < 0) {
                throw new IllegalArgumentException("observation step must be >= 0, was " + step);
            }
            this.observations.put(step, observations == null ? null : observations.clone());
            return this;
        }

        /**
         * The ranks of the job (default: one rank).
         *
         * @param comm the communicator every rank builds the problem with
         * @return this builder
         * @throws NullPointerException if {@code comm} is null
         */
        public Builder communicator(Communicator comm) {
            this.comm = Objects.requireNonNull(comm, "comm");
            return this;
        }

        /**
         * How ranks are arranged, px × py (default {@link ProcessGrid#balanced}).
         *
         * @param px ranks in x, at least 1
         * @param py ranks in y, at least 1; px·py must be the communicator's size
         * @return this builder
         * @throws IllegalArgumentException if {@code px} or {@code py} is below 1
         */
        public Builder processGrid(int px, int py) {
            if (px < 1 || py < 1) {
                throw new IllegalArgumentException("process grid dimensions must be >= 1, were px=" + px + ", py=" + py);
            }
            this.px = px;
            this.py = py;
            return this;
        }

        /**
         * The problem. A collective call.
         *
         * @return the problem, with this rank's block of the controls
         * @throws IllegalArgumentException naming the setting if an array has the wrong length, the
         *         Courant number exceeds the integrator's limit, the region is outside the domain or
         *         empty, a depth or total depth is not positive, a drag is negative, or an observation
         *         step is beyond the run; also if a bathymetry, elevation or drag value is not finite, or
         *         the process grid does not match the communicator
         */
        public ShallowWaterProblem build() {
            int values = cellsX * cellsY;
            String shape = " (" + cellsX + "x" + cellsY + ")";
            for (Object[] f : new Object[][] {{"bathymetry", bathymetry}, {"initial elevation", initialElevation},
                {"drag", drag}}) {
                double[] a = (double[]) f[1];
                if (a != null && a.length != values) {
                    throw new IllegalArgumentException(f[0] + ": expected " + values + " values" + shape + ", got " + a.length);
                }
            }
            double limit = integrator.courantLimit(asselin);
            if (courantNumber > limit) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "courantNumber must be <= %.4f for %s%s, was %s",
                        limit, integrator, integrator == ShallowWaterIntegrator.LEAPFROG ? " with asselin " + asselin : "",
                        courantNumber));
            }
            for (Map.Entry<Integer, double[]> e : observations.entrySet()) {
                if (e.getKey() > steps) {
                    throw new IllegalArgumentException("observation step " + e.getKey() + " is beyond " + steps + " steps");
                }
                if (e.getValue() != null && e.getValue().length != values) {
                    throw new IllegalArgumentException("observations at step " + e.getKey() + ": expected " + values
                            + " values" + shape + ", got " + e.getValue().length);
                }
            }
            return new ShallowWaterProblem(this);
        }
    }
}
