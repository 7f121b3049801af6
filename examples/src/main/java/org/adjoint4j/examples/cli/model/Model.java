package org.adjoint4j.examples.cli.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.InitialState;
import org.adjoint4j.adjoint.Objective;
import org.adjoint4j.adjoint.TimeStepper;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;

/**
 * A problem the command-line tool can differentiate, built by a {@link ModelFactory} from the
 * configuration: the time stepper, the initial state as a function of the controls, the objective,
 * the controls to differentiate at, and what the output files need to know (grid, field names and units).
 */
public final class Model {

    private final String type;
    private final String description;
    private final int steps;
    private final TimeStepper stepper;
    private final InitialState initialState;
    private final Objective objective;
    private final FieldInfo objectiveInfo;
    private final Controls initialControls;
    private final Grid2d grid;
    private final Map<String, FieldInfo> fields;
    private final Communicator comm;
    private final Decomposition2d decomposition;

    private Model(Builder b) {
        this.type = b.type;
        this.description = b.description;
        this.steps = b.steps;
        this.stepper = b.stepper;
        this.initialState = b.initialState;
        this.objective = b.objective;
        this.objectiveInfo = b.objectiveInfo;
        this.initialControls = b.initialControls.copy();
        this.grid = b.grid;
        this.fields = Map.copyOf(b.fields);
        this.comm = b.comm;
        this.decomposition = b.decomposition;
    }

    /**
     * A builder; every setting is required except the field descriptions.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The model type, as in the configuration key {@code model.type}.
     *
     * @return the type, e.g. "heat2d"
     */
    public String type() {
        return type;
    }

    /**
     * One line naming the model and its parameters, e.g. "heat2d: N=32, T=100, dt=4.9e-05".
     *
     * @return the description, for reports and plot titles
     */
    public String description() {
        return description;
    }

    /**
     * The number of time steps of a run.
     *
     * @return T, at least 1
     */
    public int steps() {
        return steps;
    }

    /**
     * The time stepper.
     *
     * @return this rank's stepper, shared (not copied)
     */
    public TimeStepper stepper() {
        return stepper;
    }

    /**
     * u<sub>0</sub> as a function of the controls.
     *
     * @return the initial state, shared (not copied)
     */
    public InitialState initialState() {
        return initialState;
    }

    /**
     * The objective J.
     *
     * @return the objective, shared (not copied)
     */
    public Objective objective() {
        return objective;
    }

    /**
     * The name and units of J.
     *
     * @return the description of J for reports and output files
     */
    public FieldInfo objectiveInfo() {
        return objectiveInfo;
    }

    /**
     * A fresh copy of the controls at which the gradient is taken.
     *
     * @return this rank's part of the controls; the caller owns it and may modify it
     */
    public Controls initialControls() {
        return initialControls.copy();
    }

    /**
     * The global grid of the model's two-dimensional fields.
     *
     * @return the grid, the same on every rank
     */
    public Grid2d grid() {
        return grid;
    }

    /**
     * The ranks the model runs on.
     *
     * @return the communicator; a serial one when the model was built on one rank
     */
    public Communicator communicator() {
        return comm;
    }

    /**
     * How the model's grid is split over the ranks.
     *
     * @return the decomposition of the global grid over the ranks of {@link #communicator()}
     */
    public Decomposition2d decomposition() {
        return decomposition;
    }

    /**
     * Gathers a field given as this rank's owned cells (x fastest) into the global field on rank 0. A
     * collective call.
     *
     * @param local this rank's owned cells of the field, x fastest; read, not modified
     * @return the global field on rank 0, {@code null} on the other ranks
     */
    public double[] gather(double[] local) {
        return decomposition.gather(comm, local, 0);
    }

    /**
     * The description of the state or control field called {@code name}; its name and units "1" if none was given.
     *
     * @param name the field's name in the state or control layout
     * @return the field's description, never null
     */
    public FieldInfo field(String name) {
        return fields.getOrDefault(name, new FieldInfo(name, name, "1"));
    }

    /** Collects the parts of a {@link Model}. */
    public static final class Builder {
        private String type;
        private String description;
        private int steps;
        private TimeStepper stepper;
        private InitialState initialState;
        private Objective objective;
        private FieldInfo objectiveInfo;
        private Controls initialControls;
        private Grid2d grid;
        private final Map<String, FieldInfo> fields = new LinkedHashMap<>();
        private Communicator comm;
        private Decomposition2d decomposition;

        private Builder() {
        }

        /**
         * The model type and a one-line description with its parameters.
         *
         * @param type        the value of {@code model.type}, e.g. "heat2d"
         * @param description one line naming the model and its parameters
         * @return this builder
         */
        public Builder name(String type, String description) {
            this.type = Objects.requireNonNull(type, "type");
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * The time stepper and the number of steps of a run (at least 1).
         *
         * @param stepper this rank's time stepper
         * @param steps   T, the number of steps of a run
         * @return this builder
         * @throws IllegalArgumentException if {@code steps < 1}
         */
        public Builder stepper(TimeStepper stepper, int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, was " + steps);
            }
            this.stepper = Objects.requireNonNull(stepper, "stepper");
            this.steps = steps;
            return this;
        }

        /**
         * u<sub>0</sub> as a function of the controls.
         *
         * @param initialState the initial state
         * @return this builder
         */
        public Builder initialState(InitialState initialState) {
            this.initialState = Objects.requireNonNull(initialState, "initialState");
            return this;
        }

        /**
         * The objective and its name and units.
         *
         * @param objective the objective J
         * @param info      J's name, long name and units
         * @return this builder
         */
        public Builder objective(Objective objective, FieldInfo info) {
            this.objective = Objects.requireNonNull(objective, "objective");
            this.objectiveInfo = Objects.requireNonNull(info, "info");
            return this;
        }

        /**
         * The controls at which the gradient is taken (copied).
         *
         * @param controls this rank's part of the controls; their layout must be the stepper's
         * @return this builder
         */
        public Builder initialControls(Controls controls) {
            this.initialControls = Objects.requireNonNull(controls, "controls").copy();
            return this;
        }

        /**
         * The global grid of the two-dimensional fields.
         *
         * @param grid the grid; its size must match the decomposition's
         * @return this builder
         */
        public Builder grid(Grid2d grid) {
            this.grid = Objects.requireNonNull(grid, "grid");
            return this;
        }

        /**
         * The ranks and how the grid is split over them.
         *
         * @param comm          the ranks the model runs on
         * @param decomposition how the global grid is split over the ranks of {@code comm}
         * @return this builder
         */
        public Builder distribution(Communicator comm, Decomposition2d decomposition) {
            this.comm = Objects.requireNonNull(comm, "comm");
            this.decomposition = Objects.requireNonNull(decomposition, "decomposition");
            return this;
        }

        /**
         * Describes a state or control field.
         *
         * @param info the description; replaces an earlier one of the same name
         * @return this builder
         */
        public Builder field(FieldInfo info) {
            fields.put(info.name(), info);
            return this;
        }

        /**
         * The model.
         *
         * @return a new model; it copies the controls
         * @throws IllegalArgumentException naming the first missing part, or if the controls do not
         *         fit the stepper
         */
        public Model build() {
            require(type, "name");
            require(stepper, "stepper");
            require(initialState, "initialState");
            require(objective, "objective");
            require(initialControls, "initialControls");
            require(grid, "grid");
            require(comm, "distribution");
            if (decomposition.nx() != grid.nx() || decomposition.ny() != grid.ny()) {
                throw new IllegalArgumentException("decomposition " + decomposition + " does not cover the grid "
                        + grid.nx() + "x" + grid.ny());
            }
            if (!initialControls.layout().equals(stepper.controlLayout())) {
                throw new IllegalArgumentException("initialControls: layout " + initialControls.layout()
                        + " does not match the stepper's " + stepper.controlLayout());
            }
            return new Model(this);
        }

        private static void require(Object o, String name) {
            if (o == null) {
                throw new IllegalArgumentException(name + " is required");
            }
        }
    }
}
