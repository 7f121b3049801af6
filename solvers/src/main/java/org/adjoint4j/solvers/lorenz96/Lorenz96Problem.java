package org.adjoint4j.solvers.lorenz96;

import java.util.Objects;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.InitialState;
import org.adjoint4j.adjoint.Objective;
import org.adjoint4j.adjoint.objective.FieldMisfit;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.SerialCommunicator;

/**
 * A Lorenz-96 twin experiment in the style of 4D-Var, defined so that other implementations can
 * reproduce it:
 * <ul>
 *   <li>K variables (default 40), forcing F (default 8), RK4 with dt (default 0.05), T steps;</li>
 *   <li>spin-up: x<sub>k</sub> = F for all k, then x<sub>0</sub> += 0.01, then S RK4 steps (default
 *       S = round(20/dt), 20 time units) give the spun-up state x<sup>s</sup>;</li>
 *   <li>truth: the run of T steps from x<sup>s</sup> with forcing F; observations y(n) are its states at
 *       n = e, 2e, … ≤ T (e = {@code observeEvery}, default 5), of the variables k with
 *       k mod {@code observationStride} = 0 (default 1: every variable; 2: every other one);</li>
 *   <li>the default controls, the first guess: F, and x0<sub>k</sub> = x<sup>s</sup><sub>k</sub> +
 *       0.5·sin(6πk/K);</li>
 *   <li>J = ½·Σ<sub>n observed</sub> Σ<sub>k observed</sub> (x<sub>k</sub>(n) − y<sub>k</sub>(n))².</li>
 * </ul>
 * The gradient is taken with respect to the forcing (scalar control {@code F}) and the initial state
 * (field control {@code x0}). On several ranks every rank builds the problem with its communicator
 * (the spin-up and truth runs are collective) and holds its block of the variables.
 */
public final class Lorenz96Problem {

    /** Amplitude of the first guess's initial-state error 0.5·sin(6πk/K). */
    private static final double FIRST_GUESS_ERROR = 0.5;
    /** Size of the perturbation of x<sub>0</sub> that starts the spin-up. */
    private static final double SPIN_UP_PERTURBATION = 0.01;
    /** Length of the default spin-up in model time units. */
    private static final double SPIN_UP_TIME = 20.0;

    private final int variables;
    private final int steps;
    private final double forcing;
    private final Communicator comm;
    private final Decomposition2d decomposition;
    private final Block block;
    private final Lorenz96 stepper;
    private final Controls initialControls;
    private final Objective objective;

    private Lorenz96Problem(Builder b) {
        this.variables = b.variables;
        this.steps = b.steps;
        this.forcing = b.forcing;
        this.comm = b.comm;
        ProcessGrid grid = b.grid != null ? b.grid : ProcessGrid.of(comm.size(), 1, true, false);
        if (grid.size() != comm.size()) {
            throw new IllegalArgumentException("process grid " + grid + " has " + grid.size() + " ranks, the job "
                    + comm.size());
        }
        Lorenz96.checkSplit(variables, grid.px());
        this.decomposition = Decomposition2d.of(variables, 1, grid);
        this.block = decomposition.block(comm.rank());
        this.stepper = new Lorenz96(comm, decomposition, b.dt, steps);
        int spinUpSteps = b.spinUpSteps >= 0 ? b.spinUpSteps : (int) Math.round(SPIN_UP_TIME / b.dt);

        Controls truthControls = new Controls(stepper.controlLayout());
        truthControls.setScalar("F", forcing);
        Fields x = new Fields(stepper.stateLayout());
        Fields next = new Fields(stepper.stateLayout());
        double[] start = new double[block.nx()];
        for (int i = 0; i < start.length; i++) {
            start[i] = forcing + (block.offsetX() + i == 0 ? SPIN_UP_PERTURBATION : 0.0);
        }
        x.setOwned(0, start);
        stepper.prepare(truthControls);
        for (int n = 0; n < spinUpSteps; n++) {
            stepper.forward(n, x, next, truthControls);
            Fields t = x;
            x = next;
            next = t;
        }
        double[] firstGuess = x.owned(0);

        boolean[] observed = new boolean[block.nx()];
        for (int i = 0; i < observed.length; i++) {
            observed[i] = (block.offsetX() + i) % b.observationStride == 0;
        }
        FieldMisfit.Builder misfit = FieldMisfit.builder("x", 1.0).mask(observed);
        for (int n = 0; n < steps; n++) {
            stepper.forward(n, x, next, truthControls);
            Fields t = x;
            x = next;
            next = t;
            if ((n + 1) % b.observeEvery == 0) {
                misfit.at(n + 1, x.owned(0));
            }
        }
        this.objective = misfit.build();

        this.initialControls = new Controls(stepper.controlLayout());
        initialControls.setScalar("F", forcing);
        for (int i = 0; i < firstGuess.length; i++) {
            firstGuess[i] += FIRST_GUESS_ERROR * Math.sin(6 * Math.PI * (block.offsetX() + i) / variables);
        }
        initialControls.fields().setOwned(0, firstGuess);
    }

    /**
     * A builder with K = 40, F = 8, dt = 0.05, T = 10, observations of every variable every 5 steps.
     *
     * @return a new builder on one rank ({@link SerialCommunicator}), with the default spin-up of 20 time units
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The number of variables K.
     *
     * @return K, at least 4
     */
    public int variables() {
        return variables;
    }

    /**
     * Number of time steps T.
     *
     * @return T, the length of the assimilation window in steps, at least 1
     */
    public int steps() {
        return steps;
    }

    /**
     * The forcing F of the truth run and of the default controls.
     *
     * @return F, finite
     */
    public double forcing() {
        return forcing;
    }

    /**
     * The time stepper.
     *
     * @return this rank's RK4 stepper, with final step T
     */
    public Lorenz96 stepper() {
        return stepper;
    }

    /**
     * x<sub>0</sub> is the control field {@code x0}.
     *
     * @return an initial state that copies control {@code x0} into state field {@code x}, and adds
     *         λ<sub>0</sub> to the gradient of {@code x0} in the adjoint
     */
    public InitialState initialState() {
        return InitialState.fromControlField("x0", "x");
    }

    /**
     * The 4D-Var-like misfit against the truth run's observations.
     *
     * @return J, summed by each rank over the observed variables it owns
     */
    public Objective objective() {
        return objective;
    }

    /**
     * A copy of the default controls: F and the first guess x<sup>s</sup> + 0.5·sin(6πk/K).
     *
     * @return a new {@link Controls} holding the scalar F and this rank's block of {@code x0}, owned by the caller
     */
    public Controls initialControls() {
        return initialControls.copy();
    }

    /**
     * The layout of the control field {@code x0} on this rank, e.g. to build directions.
     *
     * @return this rank's block of variables as one row, without ghost cells
     */
    public FieldSpec variablesSpec() {
        return stepper.controlLayout().fields().get(0);
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
     * How the variables are split over the ranks.
     *
     * @return the K×1 decomposition over the P×1 process grid, periodic in x
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

    /** Collects the settings of a {@link Lorenz96Problem}. */
    public static final class Builder {
        private int variables = 40;
        private int steps = 10;
        private double forcing = 8.0;
        private double dt = 0.05;
        private int spinUpSteps = -1;
        private int observeEvery = 5;
        private int observationStride = 1;
        private Communicator comm = SerialCommunicator.instance();
        private ProcessGrid grid;

        private Builder() {
        }

        /**
         * The number of variables K (default 40, at least 4).
         *
         * @param variables K, at least 4 and at least 2 per rank
         * @return this builder
         * @throws IllegalArgumentException if {@code variables} is below 4
         */
        public Builder variables(int variables) {
            if (variables < 4) {
                throw new IllegalArgumentException("variables must be >= 4, was " + variables);
            }
            this.variables = variables;
            return this;
        }

        /**
         * Time steps T of the assimilation window (default 10, at least 1).
         *
         * @param steps T, at least 1 and at least {@code observeEvery}
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
         * The forcing F of the truth and of the default controls (default 8).
         *
         * @param forcing F, finite; it is also the resting state x = F the spin-up starts from
         * @return this builder
         * @throws IllegalArgumentException if {@code forcing} is not finite
         */
        public Builder forcing(double forcing) {
            if (!Double.isFinite(forcing)) {
                throw new IllegalArgumentException("forcing must be finite, was " + forcing);
            }
            this.forcing = forcing;
            return this;
        }

        /**
         * The time step (default 0.05; RK4 is stable for dt up to about 0.1 at F = 8).
         *
         * @param dt the step in model time units, finite and &gt; 0
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
         * Steps of the spin-up from x = F (default round(20/dt)); 0 starts the truth at x = F, x<sub>0</sub> + 0.01.
         *
         * @param spinUpSteps S, the RK4 steps run before the truth, at least 0
         * @return this builder
         * @throws IllegalArgumentException if {@code spinUpSteps} is negative
         */
        public Builder spinUpSteps(int spinUpSteps) {
            if (spinUpSteps < 0) {
                throw new IllegalArgumentException("spinUpSteps must be >= 0, was " + spinUpSteps);
            }
            this.spinUpSteps = spinUpSteps;
            return this;
        }

        /**
         * Observations at every {@code every}-th step, n = every, 2·every, … ≤ T (default 5, at least 1).
         *
         * @param every e, the steps between observations, at least 1 and at most T
         * @return this builder
         * @throws IllegalArgumentException if {@code every} is below 1
         */
        public Builder observeEvery(int every) {
            if (every < 1) {
                throw new IllegalArgumentException("observeEvery must be >= 1, was " + every);
            }
            this.observeEvery = every;
            return this;
        }

        /**
         * Observe the variables k with k mod stride = 0 (default 1: all; 2: every other one).
         *
         * @param stride the spacing of the observed variables, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code stride} is below 1
         */
        public Builder observationStride(int stride) {
            if (stride < 1) {
                throw new IllegalArgumentException("observationStride must be >= 1, was " + stride);
            }
            this.observationStride = stride;
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
         * How ranks are arranged (default P×1, periodic in x); must be P×1 and periodic in x.
         *
         * @param grid a P×1 process grid periodic in x only, with as many ranks as the communicator
         * @return this builder
         * @throws NullPointerException if {@code grid} is null
         */
        public Builder processGrid(ProcessGrid grid) {
            this.grid = Objects.requireNonNull(grid, "grid");
            return this;
        }

        /**
         * The problem. Collective: runs the spin-up and the truth on every rank.
         *
         * @return the problem, with the truth's observations and this rank's block of the controls
         * @throws IllegalArgumentException if no step is observed (observeEvery &gt; steps), or the
         *         variables cannot be split over the ranks (fewer than 2 per rank); also if the process
         *         grid does not match the communicator or is not P×1 and periodic in x only
         */
        public Lorenz96Problem build() {
            if (observeEvery > steps) {
                throw new IllegalArgumentException("observeEvery " + observeEvery + " exceeds the " + steps
                        + " steps: nothing would be observed");
            }
            return new Lorenz96Problem(this);
        }
    }
}
