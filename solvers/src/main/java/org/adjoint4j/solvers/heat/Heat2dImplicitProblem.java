package org.adjoint4j.solvers.heat;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
        Heat2dProblem.Builder base = Heat2dProblem.builder().cells(b.cells).steps(b.steps).communicator(b.comm);
        if (b.grid != null) {
            base.processGrid(b.grid);
        }
        if (b.kappa != null) {
            base.kappa(b.kappa);
        }
        if (b.terminalObservations != null) {
            base.terminalObservations(b.terminalObservations);
        }
        b.observations.forEach(base::observeAt);
        this.explicit = base.build();
        double[] kappa = explicit.initialControls().fields().owned(0);
        double localMax = 0;
        for (double k : kappa) {
            localMax = Math.max(localMax, k);
        }
        double kappaMax = b.comm.allreduce(localMax, ReduceOp.MAX);
        double h = 1.0 / b.cells;
        this.explicitLimit = h * h / (4 * kappaMax);
        this.stepper = Heat2dImplicit.builder(b.comm, explicit.decomposition()).dt(b.dtFactor * explicitLimit).theta(b.theta)
                .tolerance(b.tolerance).maxIterations(b.maxIterations).finalStep(b.steps).build();
    }

    /** A builder with N = 64, T = 100, Crank–Nicolson, dt = 10× the explicit limit, tolerance 1e-14. */
    public static Builder builder() {
        return new Builder();
    }

    /** Cells per side N. */
    public int cells() {
        return explicit.cells();
    }

    /** Number of time steps T. */
    public int steps() {
        return explicit.steps();
    }

    /** The implicit time stepper. */
    public Heat2dImplicit stepper() {
        return stepper;
    }

    /** h²/(4·max κ), the explicit Euler stability limit of the initial κ; dt is a multiple of it. */
    public double explicitLimit() {
        return explicitLimit;
    }

    /** u<sub>0</sub> is the control field {@code u0}. */
    public InitialState initialState() {
        return explicit.initialState();
    }

    /** The misfit objective of {@link Heat2dProblem}. */
    public Objective objective() {
        return explicit.objective();
    }

    /** A copy of the initial controls: κ (default or given) and the Gaussian u<sub>0</sub>. */
    public Controls initialControls() {
        return explicit.initialControls();
    }

    /** The layout of one control field on this rank, e.g. to build observations or directions. */
    public FieldSpec cellsSpec() {
        return stepper.stateLayout().get(0);
    }

    /** The job's ranks. */
    public Communicator communicator() {
        return explicit.communicator();
    }

    /** How the grid is split over the ranks. */
    public Decomposition2d decomposition() {
        return explicit.decomposition();
    }

    /** A driver for this problem under {@code schedule}, which must have {@link #steps()} steps. */
    public AdjointDriver driver(Schedule schedule) {
        return driverBuilder(schedule).build();
    }

    /** A driver builder with stepper, initial state, objective, schedule and communicator set. */
    public AdjointDriver.Builder driverBuilder(Schedule schedule) {
        return explicit.driverBuilder(schedule).stepper(stepper);
    }

    /** Collects the settings of a {@link Heat2dImplicitProblem}. */
    public static final class Builder {
        private int cells = 64;
        private int steps = 100;
        private double theta = 0.5;
        private double dtFactor = 10;
        private double tolerance = 1e-14;
        private int maxIterations = 1000;
        private double[] kappa;
        private double[] terminalObservations;
        private Communicator comm = SerialCommunicator.instance();
        private ProcessGrid grid;
        private final Map<Integer, double[]> observations = new TreeMap<>();

        private Builder() {
        }

        /** Cells per side N (default 64, at least 2). */
        public Builder cells(int cells) {
            if (cells < 2) {
                throw new IllegalArgumentException("cells must be >= 2, was " + cells);
            }
            this.cells = cells;
            return this;
        }

        /** Time steps T (default 100, at least 1). */
        public Builder steps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, was " + steps);
            }
            this.steps = steps;
            return this;
        }

        /** θ in [½, 1] (default ½, Crank–Nicolson; 1 is backward Euler). */
        public Builder theta(double theta) {
            if (!(theta >= 0.5 && theta <= 1)) {
                throw new IllegalArgumentException("theta must be in [0.5, 1], was " + theta);
            }
            this.theta = theta;
            return this;
        }

        /** dt as a multiple of the explicit limit h²/(4·max κ) (default 10, finite and &gt; 0). */
        public Builder dtFactor(double dtFactor) {
            if (!(dtFactor > 0) || Double.isInfinite(dtFactor)) {
                throw new IllegalArgumentException("dtFactor must be finite and > 0, was " + dtFactor);
            }
            this.dtFactor = dtFactor;
            return this;
        }

        /** The linear solver's relative tolerance (default 1e-14, in (0, 1)). */
        public Builder tolerance(double tolerance) {
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("tolerance must be in (0, 1), was " + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /** The most iterations of one solve (default 1000, at least 1). */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /** The ranks of the job (default: one rank). */
        public Builder communicator(Communicator comm) {
            this.comm = Objects.requireNonNull(comm, "comm");
            return this;
        }

        /** How ranks are arranged (default: {@link ProcessGrid#balanced}); must not be periodic. */
        public Builder processGrid(ProcessGrid grid) {
            this.grid = Objects.requireNonNull(grid, "grid");
            return this;
        }

        /** The initial κ, N·N values x fastest, the same on every rank (default the sine pattern); it also fixes dt. */
        public Builder kappa(double[] kappa) {
            this.kappa = Objects.requireNonNull(kappa, "kappa").clone();
            return this;
        }

        /** Terminal observations u<sub>obs</sub>, N·N values x fastest, the same on every rank (default zero). */
        public Builder terminalObservations(double[] observations) {
            this.terminalObservations = Objects.requireNonNull(observations, "observations").clone();
            return this;
        }

        /** An extra misfit term at {@code step} against global {@code observations} (N·N values; null: zero). */
        public Builder observeAt(int step, double[] observations) {
            if (step < 0) {
                throw new IllegalArgumentException("observation step must be >= 0, was " + step);
            }
            this.observations.put(step, observations == null ? null : observations.clone());
            return this;
        }

        /**
         * The problem.
         *
         * @throws IllegalArgumentException naming the field if an array has the wrong length, or an
         *         observation step is beyond the run
         */
        public Heat2dImplicitProblem build() {
            return new Heat2dImplicitProblem(this);
        }
    }
}
