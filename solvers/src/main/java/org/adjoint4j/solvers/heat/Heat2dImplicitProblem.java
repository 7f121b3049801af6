package org.adjoint4j.solvers.heat;

import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.InitialState;
import org.adjoint4j.adjoint.Objective;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.SerialCommunicator;

/**
 * The heat2d benchmark problem of {@link Heat2dProblem} (same grid, κ and u<sub>0</sub> controls, same
 * misfit J) stepped by the implicit {@link Heat2dImplicit}, with a time step beyond the explicit limit:
 * <ul>
 *   <li>dt = {@code dtFactor}·h²/(4·max κ), from the initial κ (default factor 10); h²/(4·max κ) is the
 *       largest step for which explicit Euler with this stencil is stable (Gershgorin: the spectrum of
 *       A lies in [−8·max κ/h², 0]);</li>
 *   <li>θ = ½ (Crank–Nicolson) by default, or backward Euler;</li>
 *   <li>the linear solves to a relative tolerance of 1e-14 by default.</li>
 * </ul>
 * On several ranks every rank builds the problem with its communicator and holds its block.
 */
public final class Heat2dImplicitProblem {

    private final Heat2dProblem explicit;
    private final Heat2dImplicit stepper;
    private final double explicitLimit;

    private Heat2dImplicitProblem(Builder b) {
        this.explicit = b.base.build();
        double[] kappa = explicit.initialControls().fields().owned(0);
        double localMax = 0;
        for (double k : kappa) {
            localMax = Math.max(localMax, k);
        }
        Communicator comm = explicit.communicator();
        double kappaMax = comm.allreduce(localMax, ReduceOp.MAX);
        double h = 1.0 / explicit.cells();
        this.explicitLimit = h * h / (4 * kappaMax);
        this.stepper = Heat2dImplicit.builder(comm, explicit.decomposition()).dt(b.dtFactor * explicitLimit).theta(b.theta)
                .tolerance(b.tolerance).maxIterations(b.maxIterations).finalStep(explicit.steps()).build();
    }

    /**
     * A builder with N = 64, T = 100, Crank–Nicolson, dt = 10× the explicit limit, tolerance 1e-14.
     *
     * @return a new builder on one rank ({@link SerialCommunicator}), with zero observations
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
        return explicit.cells();
    }

    /**
     * Number of time steps T.
     *
     * @return T, at least 1; the terminal misfit is taken after step T
     */
    public int steps() {
        return explicit.steps();
    }

    /**
     * The implicit time stepper.
     *
     * @return this rank's θ-method stepper, with final step T
     */
    public Heat2dImplicit stepper() {
        return stepper;
    }

    /**
     * h²/(4·max κ), the explicit Euler stability limit of the initial κ; dt is a multiple of it.
     *
     * @return the limit, in the time unit of κ; dt = {@code dtFactor}·limit
     */
    public double explicitLimit() {
        return explicitLimit;
    }

    /**
     * u<sub>0</sub> is the control field {@code u0}.
     *
     * @return an initial state that copies control {@code u0} into state field {@code u}, and adds λ<sub>0</sub>
     *         to the gradient of {@code u0} in the adjoint
     */
    public InitialState initialState() {
        return explicit.initialState();
    }

    /**
     * The misfit objective of {@link Heat2dProblem}.
     *
     * @return J = ½·h²·Σ (u − u<sub>obs</sub>)² at step T and at the chosen steps, over this rank's cells
     */
    public Objective objective() {
        return explicit.objective();
    }

    /**
     * A copy of the initial controls: κ (default or given) and the Gaussian u<sub>0</sub>.
     *
     * @return a new {@link Controls} holding this rank's block of {@code kappa} and {@code u0}, owned by the caller
     */
    public Controls initialControls() {
        return explicit.initialControls();
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
        return explicit.communicator();
    }

    /**
     * How the grid is split over the ranks.
     *
     * @return the N×N decomposition over the (non-periodic) process grid
     */
    public Decomposition2d decomposition() {
        return explicit.decomposition();
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
        return explicit.driverBuilder(schedule).stepper(stepper);
    }

    /** Collects the settings of a {@link Heat2dImplicitProblem}. */
    public static final class Builder {
        /** The grid, the controls and the objective: those of the explicit problem, validated there. */
        private final Heat2dProblem.Builder base = Heat2dProblem.builder().cells(64).steps(100);
        private double theta = 0.5;
        private double dtFactor = 10;
        private double tolerance = 1e-14;
        private int maxIterations = 1000;

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
            base.cells(cells);
            return this;
        }

        /**
         * Time steps T (default 100, at least 1).
         *
         * @param steps T, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code steps} is below 1
         */
        public Builder steps(int steps) {
            base.steps(steps);
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
         * dt as a multiple of the explicit limit h²/(4·max κ) (default 10, finite and &gt; 0).
         *
         * @param dtFactor dt / (h²/(4·max κ)), finite and &gt; 0; values above 1 are beyond explicit Euler's limit
         * @return this builder
         * @throws IllegalArgumentException if {@code dtFactor} is not finite and &gt; 0
         */
        public Builder dtFactor(double dtFactor) {
            if (!(dtFactor > 0) || Double.isInfinite(dtFactor)) {
                throw new IllegalArgumentException("dtFactor must be finite and > 0, was " + dtFactor);
            }
            this.dtFactor = dtFactor;
            return this;
        }

        /**
         * The linear solver's relative tolerance (default 1e-14, in (0, 1)).
         *
         * @param tolerance the relative residual ‖b − M·x‖ / ‖b‖ every solve must reach, in (0, 1)
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
         * The ranks of the job (default: one rank).
         *
         * @param comm the communicator every rank builds the problem with
         * @return this builder
         * @throws NullPointerException if {@code comm} is null
         */
        public Builder communicator(Communicator comm) {
            base.communicator(comm);
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
            base.processGrid(grid);
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
            base.kappa(kappa);
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
            base.terminalObservations(observations);
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
            base.observeAt(step, observations);
            return this;
        }

        /**
         * The problem. A collective call when there are several ranks.
         *
         * @return the problem, with this rank's block of the controls
         * @throws IllegalArgumentException naming the field if an array has the wrong length, or an
         *         observation step is beyond the run
         */
        public Heat2dImplicitProblem build() {
            return new Heat2dImplicitProblem(this);
        }
    }
}
