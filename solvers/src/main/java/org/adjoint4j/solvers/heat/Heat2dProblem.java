package org.adjoint4j.solvers.heat;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.InitialState;
import org.adjoint4j.adjoint.Objective;
import org.adjoint4j.adjoint.objective.FieldMisfit;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.SerialCommunicator;

/**
 * The heat2d benchmark problem, defined so that other implementations can reproduce it:
 * <ul>
 *   <li>unit square, N×N cells, h = 1/N, cell (i, j) centred at ((i+½)h, (j+½)h);</li>
 *   <li>κ(x, y) = 1 + 0.5·sin(2πx)·sin(2πy) at cell centres (the default control);</li>
 *   <li>u<sub>0</sub>(x, y) = exp(−100((x−½)² + (y−½)²)) (the default initial-condition control);</li>
 *   <li>dt = 0.2·h² / max κ, from the initial κ, fixed (not differentiated);</li>
 *   <li>J = ½·h²·Σ (u<sup>T</sup> − u<sub>obs</sub>)² after T steps, u<sub>obs</sub> = 0 unless given,
 *       plus optional terms of the same form at chosen steps.</li>
 * </ul>
 * The gradient is taken with respect to κ and u<sub>0</sub> (controls {@code kappa} and {@code u0}).
 * On several ranks every rank builds the problem with its communicator and holds its block of the
 * controls; given fields (κ, observations) are global arrays, the same on every rank.
 */
public final class Heat2dProblem {

    private final int cells;
    private final int steps;
    private final Communicator comm;
    private final Decomposition2d decomposition;
    private final Block block;
    private final Heat2d stepper;
    private final Controls initialControls;
    private final Objective objective;

    private Heat2dProblem(Builder b) {
        this.cells = b.cells;
        this.steps = b.steps;
        this.comm = b.comm;
        int n = cells;
        ProcessGrid grid = b.grid != null ? b.grid : ProcessGrid.balanced(comm.size(), n, n, false, false);
        if (grid.size() != comm.size()) {
            throw new IllegalArgumentException("process grid " + grid + " has " + grid.size() + " ranks, the job "
                    + comm.size());
        }
        this.decomposition = Decomposition2d.of(n, n, grid);
        this.block = decomposition.block(comm.rank());
        double h = 1.0 / n;
        double[] kappa = b.kappa != null ? local(b.kappa) : new double[block.cells()];
        double[] u0 = new double[block.cells()];
        for (int j = 0; j < block.ny(); j++) {
            for (int i = 0; i < block.nx(); i++) {
                double x = (block.offsetX() + i + 0.5) * h;
                double y = (block.offsetY() + j + 0.5) * h;
                if (b.kappa == null) {
                    kappa[j * block.nx() + i] = 1 + 0.5 * Math.sin(2 * Math.PI * x) * Math.sin(2 * Math.PI * y);
                }
                u0[j * block.nx() + i] = Math.exp(-100 * ((x - 0.5) * (x - 0.5) + (y - 0.5) * (y - 0.5)));
            }
        }
        double localMax = 0;
        for (double k : kappa) {
            localMax = Math.max(localMax, k);
        }
        double kappaMax = comm.allreduce(localMax, ReduceOp.MAX);
        if (!(kappaMax > 0) || Double.isInfinite(kappaMax)) {
            throw new IllegalArgumentException("kappa: the largest value must be finite and > 0, was " + kappaMax);
        }
        this.stepper = new Heat2d(comm, decomposition, 0.2 * h * h / kappaMax, steps);
        this.initialControls = new Controls(stepper.controlLayout());
        initialControls.fields().setOwned(0, kappa);
        initialControls.fields().setOwned(1, u0);
        FieldMisfit.Builder misfit = FieldMisfit.builder("u", h * h)
                .terminal(b.terminalObservations == null ? null : local(b.terminalObservations));
        b.observations.forEach((step, obs) -> misfit.at(step, obs == null ? null : local(obs)));
        this.objective = misfit.build();
    }

    /** This rank's block of a global field (N·N values, x fastest). */
    private double[] local(double[] global) {
        double[] part = new double[block.cells()];
        for (int j = 0; j < block.ny(); j++) {
            System.arraycopy(global, (block.offsetY() + j) * cells + block.offsetX(), part, j * block.nx(), block.nx());
        }
        return part;
    }

    /**
     * A builder with N = 64, T = 500, zero observations.
     *
     * @return a new builder on one rank ({@link SerialCommunicator})
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Cells per side N.
     *
     * @return N, at least 2
     */
    public int cells() {
        return cells;
    }

    /**
     * Number of time steps T.
     *
     * @return T, at least 1; the terminal misfit is taken after step T
     */
    public int steps() {
        return steps;
    }

    /**
     * The time stepper.
     *
     * @return this rank's explicit stepper, with dt = 0.2·h²/max κ and final step T
     */
    public Heat2d stepper() {
        return stepper;
    }

    /**
     * u<sub>0</sub> is the control field {@code u0}.
     *
     * @return an initial state that copies control {@code u0} into state field {@code u}, and adds λ<sub>0</sub>
     *         to the gradient of {@code u0} in the adjoint
     */
    public InitialState initialState() {
        return InitialState.fromControlField("u0", "u");
    }

    /**
     * The misfit objective.
     *
     * @return J = ½·h²·Σ (u − u<sub>obs</sub>)² at step T and at the chosen steps, over this rank's cells
     */
    public Objective objective() {
        return objective;
    }

    /**
     * A copy of the initial controls: κ (default or given) and the Gaussian u<sub>0</sub>.
     *
     * @return a new {@link Controls} holding this rank's block of {@code kappa} and {@code u0}, owned by the caller
     */
    public Controls initialControls() {
        return initialControls.copy();
    }

    /**
     * The layout of one control field on this rank, e.g. to build observations or directions.
     *
     * @return the layout of the state field {@code u} on this rank: the block's cells with one ghost layer
     */
    public FieldSpec cellsSpec() {
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
     * How the grid is split over the ranks.
     *
     * @return the N×N decomposition over the (non-periodic) process grid
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
     * A driver builder with stepper, initial state, objective and schedule set.
     *
     * @param schedule the checkpointing schedule of the run, of {@link #steps()} steps
     * @return a new builder, with the communicator set too, for further settings before
     *         {@link AdjointDriver.Builder#build()}
     * @throws IllegalArgumentException if the schedule's step count is not {@link #steps()}
     */
    public AdjointDriver.Builder driverBuilder(Schedule schedule) {
        if (schedule.steps() != steps) {
            throw new IllegalArgumentException("schedule has " + schedule.steps() + " steps, the problem " + steps);
        }
        return AdjointDriver.builder().stepper(stepper).initialState(initialState()).objective(objective).schedule(schedule)
                .communicator(comm);
    }

    /** Collects the settings of a {@link Heat2dProblem}. */
    public static final class Builder {
        private int cells = 64;
        private int steps = 500;
        private double[] kappa;
        private double[] terminalObservations;
        private Communicator comm = SerialCommunicator.instance();
        private ProcessGrid grid;
        private final Map<Integer, double[]> observations = new TreeMap<>();

        private Builder() {
        }

        /**
         * Cells per side N (default 64, at least 2).
         *
         * @param cells N, at least 2; every rank must get at least one cell per direction
         * @return this builder
         * @throws IllegalArgumentException if {@code cells} is below 2
         */
        public Builder cells(int cells) {
            if (cells < 2) {
                throw new IllegalArgumentException("cells must be >= 2, was " + cells);
            }
            this.cells = cells;
            return this;
        }

        /**
         * Time steps T (default 500, at least 1).
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
         * How ranks are arranged (default: {@link ProcessGrid#balanced}); must not be periodic.
         *
         * @param grid a non-periodic process grid with as many ranks as the communicator
         * @return this builder
         * @throws NullPointerException if {@code grid} is null
         */
        public Builder processGrid(ProcessGrid grid) {
            this.grid = Objects.requireNonNull(grid, "grid");
            return this;
        }

        /**
         * The initial κ, N·N values x fastest, the same on every rank (default the sine pattern); it also fixes dt.
         *
         * @param kappa the global diffusivity at cell centres, read and copied (later changes to the array
         *              are not seen); its largest value must be finite and &gt; 0
         * @return this builder
         * @throws NullPointerException if {@code kappa} is null
         */
        public Builder kappa(double[] kappa) {
            this.kappa = Objects.requireNonNull(kappa, "kappa").clone();
            return this;
        }

        /**
         * Terminal observations u<sub>obs</sub>, N·N values x fastest, the same on every rank (default zero).
         *
         * @param observations the global field u<sub>obs</sub> compared with u after step T, read and copied
         * @return this builder
         * @throws NullPointerException if {@code observations} is null
         */
        public Builder terminalObservations(double[] observations) {
            this.terminalObservations = Objects.requireNonNull(observations, "observations").clone();
            return this;
        }

        /**
         * An extra misfit term at {@code step} against global {@code observations} (N·N values; null: zero).
         *
         * @param step         the step whose state is compared, 0 ≤ step ≤ T (0 is u<sub>0</sub>); a repeated
         *                     step replaces the earlier observations
         * @param observations the global field, read and copied, or null for zero
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
         * The problem. A collective call when there are several ranks.
         *
         * @return the problem, with this rank's block of the controls
         * @throws IllegalArgumentException naming the field if an array has the wrong length; also if an
         *         observation step is beyond T, the process grid does not match the communicator or is
         *         periodic, or the largest κ is not finite and &gt; 0
         */
        public Heat2dProblem build() {
            int values = cells * cells;
            if (kappa != null && kappa.length != values) {
                throw new IllegalArgumentException("kappa: expected " + values + " values (" + cells + "x" + cells
                        + "), got " + kappa.length);
            }
            if (terminalObservations != null && terminalObservations.length != values) {
                throw new IllegalArgumentException("terminal observations: expected " + values + " values (" + cells + "x"
                        + cells + "), got " + terminalObservations.length);
            }
            for (Map.Entry<Integer, double[]> e : observations.entrySet()) {
                if (e.getKey() > steps) {
                    throw new IllegalArgumentException("observation step " + e.getKey() + " is beyond " + steps + " steps");
                }
            }
            return new Heat2dProblem(this);
        }
    }
}
