package org.adjoint4j.solvers.burgers;

import java.util.Objects;
import java.util.TreeSet;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.InitialState;
import org.adjoint4j.adjoint.Objective;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.SerialCommunicator;

/**
 * The burgers2d problem, defined so that other implementations can reproduce it:
 * <ul>
 *   <li>the doubly periodic rectangle [0, L<sub>x</sub>) × [0, L<sub>y</sub>), N<sub>x</sub>×N<sub>y</sub>
 *       cells, Δx = L<sub>x</sub>/N<sub>x</sub>, Δy = L<sub>y</sub>/N<sub>y</sub>, cell (i, j) centred at
 *       ((i+½)Δx, (j+½)Δy);</li>
 *   <li>initial velocity (the default controls {@code u0}, {@code v0}): a mean flow (1, ½) carrying a
 *       cellular vortex pattern, u<sub>0</sub> = 1 + ¼·sin(2πx/L<sub>x</sub>)·cos(2πy/L<sub>y</sub>),
 *       v<sub>0</sub> = ½ − ¼·cos(2πx/L<sub>x</sub>)·sin(2πy/L<sub>y</sub>), so u ≥ ¾ and v ≥ ¼;</li>
 *   <li>forcing (controls {@code forcing_u}, {@code forcing_v}): a Kolmogorov shear force
 *       f<sub>u</sub> = 0.1·sin(2πy/L<sub>y</sub>), f<sub>v</sub> = 0;</li>
 *   <li>viscosity (scalar control {@code nu}): 0.05 unless given, so that at 64 cells it dominates the
 *       upwind scheme's numerical viscosity |u|Δx/2 ≈ 0.01;</li>
 *   <li>dt = C / (max|u<sub>0</sub>|/Δx + max|v<sub>0</sub>|/Δy + 2ν(1/Δx² + 1/Δy²)) with the CFL number
 *       C = 0.5 unless given: the forward-Euler stability (and positivity) limit of the upwind scheme,
 *       advective and viscous together, which the SSP schemes share; fixed from the initial controls;</li>
 *   <li>J = Σ<sub>n</sub> ½ΔxΔy·Σ<sub>region</sub>(u<sub>n</sub>² + v<sub>n</sub>²), the kinetic energy in a
 *       rectangle of cells (default the central quarter, cells [N<sub>x</sub>/4, 3N<sub>x</sub>/4) ×
 *       [N<sub>y</sub>/4, 3N<sub>y</sub>/4)) at the last step T and at optional chosen steps.</li>
 * </ul>
 * On several ranks every rank builds the problem with its communicator and holds its block of the
 * controls; given fields are global arrays (N<sub>x</sub>·N<sub>y</sub> values, x fastest), the same on
 * every rank.
 */
public final class BurgersProblem {

    private static final double MEAN_U = 1.0;
    private static final double MEAN_V = 0.5;
    private static final double VORTEX_AMPLITUDE = 0.25;
    private static final double FORCING_AMPLITUDE = 0.1;

    private final int cellsX;
    private final int cellsY;
    private final int steps;
    private final Communicator comm;
    private final Decomposition2d decomposition;
    private final Block block;
    private final Burgers2d stepper;
    private final Controls initialControls;
    private final Objective objective;

    private BurgersProblem(Builder b) {
        this.cellsX = b.cellsX;
        this.cellsY = b.cellsY;
        this.steps = b.steps;
        this.comm = b.comm;
        ProcessGrid grid = b.grid != null ? b.grid : ProcessGrid.balanced(comm.size(), cellsX, cellsY, true, true);
        if (grid.size() != comm.size()) {
            throw new IllegalArgumentException("process grid " + grid + " has " + grid.size() + " ranks, the job "
                    + comm.size());
        }
        this.decomposition = Decomposition2d.of(cellsX, cellsY, grid);
        this.block = decomposition.block(comm.rank());
        double dx = b.lengthX / cellsX;
        double dy = b.lengthY / cellsY;
        double[] u0 = b.u0 != null ? local(b.u0) : new double[block.cells()];
        double[] v0 = b.v0 != null ? local(b.v0) : new double[block.cells()];
        double[] fu = b.forcingU != null ? local(b.forcingU) : new double[block.cells()];
        double[] fv = b.forcingV != null ? local(b.forcingV) : new double[block.cells()];
        for (int j = 0; j < block.ny(); j++) {
            for (int i = 0; i < block.nx(); i++) {
                double x = 2 * Math.PI * (block.offsetX() + i + 0.5) / cellsX;
                double y = 2 * Math.PI * (block.offsetY() + j + 0.5) / cellsY;
                int k = j * block.nx() + i;
                if (b.u0 == null) {
                    u0[k] = MEAN_U + VORTEX_AMPLITUDE * Math.sin(x) * Math.cos(y);
                    v0[k] = MEAN_V - VORTEX_AMPLITUDE * Math.cos(x) * Math.sin(y);
                }
                if (b.forcingU == null) {
                    fu[k] = FORCING_AMPLITUDE * Math.sin(y);
                }
            }
        }
        double speedX = comm.allreduce(maxAbs(u0), ReduceOp.MAX);
        double speedY = comm.allreduce(maxAbs(v0), ReduceOp.MAX);
        double rate = speedX / dx + speedY / dy + 2 * b.viscosity * (1 / (dx * dx) + 1 / (dy * dy));
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("initial velocity: the time-step limit needs finite velocities and a"
                    + " moving flow or ν > 0, was max|u0| = " + speedX + ", max|v0| = " + speedY + ", ν = " + b.viscosity);
        }
        this.stepper = Burgers2d.builder(comm, decomposition).lengths(b.lengthX, b.lengthY).dt(b.cfl / rate)
                .scheme(b.scheme).finalStep(steps).build();
        this.initialControls = new Controls(stepper.controlLayout());
        initialControls.fields().setOwned(0, u0);
        initialControls.fields().setOwned(1, v0);
        initialControls.fields().setOwned(2, fu);
        initialControls.fields().setOwned(3, fv);
        initialControls.setScalar(Burgers2d.NU, b.viscosity);
        int[] region = b.region != null ? b.region
                : new int[] {cellsX / 4, (3 * cellsX) / 4, cellsY / 4, (3 * cellsY) / 4};
        this.objective = new RegionKineticEnergy(dx * dy, region, block,
                b.energySteps.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            if (!(Math.abs(v) <= max)) {
                max = Math.abs(v);
            }
        }
        return max;
    }

    /** This rank's block of a global field (N<sub>x</sub>·N<sub>y</sub> values, x fastest). */
    private double[] local(double[] global) {
        double[] part = new double[block.cells()];
        for (int j = 0; j < block.ny(); j++) {
            System.arraycopy(global, (block.offsetY() + j) * cellsX + block.offsetX(), part, j * block.nx(), block.nx());
        }
        return part;
    }

    /**
     * A builder with 64×64 cells on the unit square, T = 200, ν = 0.05, C = 0.5, SSP-RK2.
     *
     * @return a new builder on one rank ({@link SerialCommunicator}), with the default fields and region
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Cells N<sub>x</sub>.
     *
     * @return N<sub>x</sub>, at least 2
     */
    public int cellsX() {
        return cellsX;
    }

    /**
     * Cells N<sub>y</sub>.
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
     * The time stepper.
     *
     * @return this rank's stepper, with dt fixed from the initial controls and final step T
     */
    public Burgers2d stepper() {
        return stepper;
    }

    /**
     * u<sub>0</sub> = (u0, v0), the control fields.
     *
     * @return a new initial state that copies controls {@code u0}, {@code v0} into state fields {@code u},
     *         {@code v}, and adds λ<sub>0</sub> to their gradients in the adjoint
     */
    public InitialState initialState() {
        return new VelocityInitialState();
    }

    /**
     * The kinetic-energy objective.
     *
     * @return J, summed by each rank over the region's cells it owns
     */
    public Objective objective() {
        return objective;
    }

    /**
     * A copy of the initial controls: u0, v0, forcing_u, forcing_v and nu.
     *
     * @return a new {@link Controls} holding this rank's block of the four fields and the scalar ν, owned
     *         by the caller
     */
    public Controls initialControls() {
        return initialControls.copy();
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
     * How the grid is split over the ranks.
     *
     * @return the N<sub>x</sub>×N<sub>y</sub> decomposition over the doubly periodic process grid
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
        return AdjointDriver.builder().stepper(stepper).initialState(initialState()).objective(objective).schedule(schedule)
                .communicator(comm);
    }

    /** Collects the settings of a {@link BurgersProblem}. */
    public static final class Builder {
        private int cellsX = 64;
        private int cellsY = 64;
        private double lengthX = 1;
        private double lengthY = 1;
        private int steps = 200;
        private double viscosity = 0.05;
        private double cfl = 0.5;
        private TimeScheme scheme = TimeScheme.SSP_RK2;
        private Communicator comm = SerialCommunicator.instance();
        private ProcessGrid grid;
        private double[] u0;
        private double[] v0;
        private double[] forcingU;
        private double[] forcingV;
        private int[] region;
        private final TreeSet<Integer> energySteps = new TreeSet<>();

        private Builder() {
        }

        /**
         * Cells N<sub>x</sub> × N<sub>y</sub> (default 64 × 64), each at least 2.
         *
         * @param cellsX N<sub>x</sub>, at least 2 and at least the process grid's ranks in x
         * @param cellsY N<sub>y</sub>, at least 2 and at least the process grid's ranks in y
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
         * The domain's lengths L<sub>x</sub>, L<sub>y</sub> (default 1 × 1), each finite and &gt; 0.
         *
         * @param lengthX L<sub>x</sub>, the period in x
         * @param lengthY L<sub>y</sub>, the period in y
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
         * Time steps T (default 200, at least 1).
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
         * The initial viscosity ν (default 0.05), finite and &gt;= 0; it also enters dt.
         *
         * @param viscosity ν, in units of length²/time, finite and &gt;= 0; the value of the scalar control {@code nu}
         * @return this builder
         * @throws IllegalArgumentException if {@code viscosity} is negative or not finite
         */
        public Builder viscosity(double viscosity) {
            if (!(viscosity >= 0) || Double.isInfinite(viscosity)) {
                throw new IllegalArgumentException("viscosity must be finite and >= 0, was " + viscosity);
            }
            this.viscosity = viscosity;
            return this;
        }

        /**
         * The CFL number C of dt (default 0.5), in (0, 1].
         *
         * @param cfl C, in (0, 1]: dt is C times the forward-Euler limit of the initial flow
         * @return this builder
         * @throws IllegalArgumentException if {@code cfl} is outside (0, 1]
         */
        public Builder cfl(double cfl) {
            if (!(cfl > 0) || cfl > 1) {
                throw new IllegalArgumentException("cfl must be in (0, 1], was " + cfl);
            }
            this.cfl = cfl;
            return this;
        }

        /**
         * The time integration scheme (default {@link TimeScheme#SSP_RK2}).
         *
         * @param scheme the Runge–Kutta scheme of the stepper
         * @return this builder
         * @throws NullPointerException if {@code scheme} is null
         */
        public Builder scheme(TimeScheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
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
         * How ranks are arranged (default: {@link ProcessGrid#balanced}); must be periodic in x and y.
         *
         * @param grid a doubly periodic process grid with as many ranks as the communicator
         * @return this builder
         * @throws NullPointerException if {@code grid} is null
         */
        public Builder processGrid(ProcessGrid grid) {
            this.grid = Objects.requireNonNull(grid, "grid");
            return this;
        }

        /**
         * The initial velocity (default the vortices on the mean flow), global arrays; it also fixes dt.
         *
         * @param u0 the x velocity at cell centres, N<sub>x</sub>·N<sub>y</sub> finite values x fastest, read and copied
         * @param v0 the y velocity at cell centres, N<sub>x</sub>·N<sub>y</sub> finite values x fastest, read and copied
         * @return this builder
         * @throws NullPointerException if {@code u0} or {@code v0} is null
         */
        public Builder initialVelocity(double[] u0, double[] v0) {
            this.u0 = Objects.requireNonNull(u0, "u0").clone();
            this.v0 = Objects.requireNonNull(v0, "v0").clone();
            return this;
        }

        /**
         * The forcing (default the Kolmogorov shear force), global arrays.
         *
         * @param forcingU f<sub>u</sub>, an acceleration (velocity/time) at cell centres,
         *                 N<sub>x</sub>·N<sub>y</sub> finite values x fastest, read and copied
         * @param forcingV f<sub>v</sub>, likewise
         * @return this builder
         * @throws NullPointerException if {@code forcingU} or {@code forcingV} is null
         */
        public Builder forcing(double[] forcingU, double[] forcingV) {
            this.forcingU = Objects.requireNonNull(forcingU, "forcingU").clone();
            this.forcingV = Objects.requireNonNull(forcingV, "forcingV").clone();
            return this;
        }

        /**
         * The region of the kinetic energy: global cells [i0, i1) × [j0, j1) (default the central quarter).
         *
         * @param i0 first cell in x, at least 0
         * @param i1 end in x (exclusive), above {@code i0} and at most N<sub>x</sub> (checked by {@link #build()})
         * @param j0 first cell in y, at least 0
         * @param j1 end in y (exclusive), above {@code j0} and at most N<sub>y</sub> (checked by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if the region is empty or starts below 0
         */
        public Builder energyRegion(int i0, int i1, int j0, int j1) {
            if (i0 < 0 || j0 < 0 || i1 <= i0 || j1 <= j0) {
                throw new IllegalArgumentException("energy region must be non-empty with i0, j0 >= 0, was [" + i0 + ", "
                        + i1 + ") x [" + j0 + ", " + j1 + ")");
            }
            this.region = new int[] {i0, i1, j0, j1};
            return this;
        }

        /**
         * An extra kinetic-energy term at {@code step}, besides the one at the last step.
         *
         * @param step the step whose state enters J, 0 ≤ step ≤ T (0 is u<sub>0</sub>; T adds a second
         *             term at the last step); repeating a step adds nothing
         * @return this builder
         * @throws IllegalArgumentException if {@code step} is negative
         */
        public Builder energyAt(int step) {
            if (step < 0) {
                throw new IllegalArgumentException("energy step must be >= 0, was " + step);
            }
            energySteps.add(step);
            return this;
        }

        /**
         * The problem.
         *
         * @return the problem, with this rank's block of the controls; a collective call when there are
         *         several ranks
         * @throws IllegalArgumentException naming the field if an array has the wrong length or a
         *         non-finite value, if the region leaves the grid, an energy step is beyond the run, the
         *         process grid is not periodic, or a rank would own no cells; also if the process grid
         *         does not match the communicator, or the initial flow is at rest with ν = 0 (no time-step
         *         limit)
         */
        public BurgersProblem build() {
            int values = cellsX * cellsY;
            checkField("u0", u0, values);
            checkField("v0", v0, values);
            checkField("forcing_u", forcingU, values);
            checkField("forcing_v", forcingV, values);
            if (region != null && (region[1] > cellsX || region[3] > cellsY)) {
                throw new IllegalArgumentException("energy region [" + region[0] + ", " + region[1] + ") x [" + region[2]
                        + ", " + region[3] + ") leaves the " + cellsX + "x" + cellsY + " grid");
            }
            if (!energySteps.isEmpty() && energySteps.last() > steps) {
                throw new IllegalArgumentException("energy step " + energySteps.last() + " is beyond " + steps + " steps");
            }
            if (grid != null && (!grid.periodicX() || !grid.periodicY())) {
                throw new IllegalArgumentException("burgers2d is periodic: the process grid must be periodic in x and y, was "
                        + grid);
            }
            ProcessGrid g = grid != null ? grid : ProcessGrid.balanced(comm.size(), cellsX, cellsY, true, true);
            if (cellsX < g.px() || cellsY < g.py()) {
                throw new IllegalArgumentException("too few cells per rank: " + cellsX + "x" + cellsY + " cells over "
                        + g.px() + "x" + g.py() + " ranks; every rank needs at least one cell in each direction");
            }
            return new BurgersProblem(this);
        }

        private void checkField(String name, double[] field, int values) {
            if (field == null) {
                return;
            }
            if (field.length != values) {
                throw new IllegalArgumentException(name + ": expected " + values + " values (" + cellsX + "x" + cellsY
                        + "), got " + field.length);
            }
            for (int k = 0; k < field.length; k++) {
                if (!Double.isFinite(field[k])) {
                    throw new IllegalArgumentException(name + ": cell (" + k % cellsX + ", " + k / cellsX + ") is "
                            + field[k]);
                }
            }
        }
    }
}
