package org.adjoint4j.examples.cli.model;

import java.util.List;
import java.util.Locale;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ValueTypes;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.solvers.lorenz96.Lorenz96Problem;

/**
 * {@code model.type = "lorenz96"}: the Lorenz-96 twin experiment of {@link Lorenz96Problem} (RK4 on a
 * circle of K variables; controls F and x0; J the misfit to a truth run's observations at every
 * {@code observe_every}-th step). The variables form a K×1 grid of unit cells.
 */
public final class Lorenz96ModelFactory implements ModelFactory {
    /** Creates the factory; {@link ModelRegistry} holds one of each. */
    public Lorenz96ModelFactory() {
    }

    /** Variables K. The upper bound keeps the field with its four ghost cells within one Java array. */
    public static final ConfigKey<Integer> VARIABLES = ConfigKey.optional("model.variables",
            ValueTypes.integer(4, Integer.MAX_VALUE - 12), 40, "variables K on the circle, at least 2 per rank");
    /** Time steps. */
    public static final ConfigKey<Integer> STEPS = ConfigKey.optional("model.steps",
            ValueTypes.integer(1, Integer.MAX_VALUE), 10, "time steps T of the assimilation window");
    /** The forcing. */
    public static final ConfigKey<Double> FORCING = ConfigKey.optional("model.forcing", ValueTypes.nonNegativeNumber(), 8.0,
            "forcing F of the truth run and of the first guess (8 is chaotic)");
    /** The time step. */
    public static final ConfigKey<Double> DT = ConfigKey.optional("model.dt", ValueTypes.numberAbove(0), 0.05,
            "RK4 time step (0.05 is 6 hours in Lorenz's scaling)");
    /** The spin-up. */
    public static final ConfigKey<Double> SPIN_UP_TIME = ConfigKey.optional("model.spin_up_time",
            ValueTypes.nonNegativeNumber(), 20.0, "model time of the spin-up from x = F (x_0 + 0.01) to the truth's initial state");
    /** Observation times. */
    public static final ConfigKey<Integer> OBSERVE_EVERY = ConfigKey.optional("model.observe_every",
            ValueTypes.integer(1, Integer.MAX_VALUE), 5, "observations at steps e, 2e, ... <= model.steps");
    /** Observed variables. */
    public static final ConfigKey<Integer> OBSERVATION_STRIDE = ConfigKey.optional("model.observation_stride",
            ValueTypes.integer(1, Integer.MAX_VALUE), 1, "observed variables k with k mod stride = 0 (1: all, 2: every other one)");

    @Override
    public String type() {
        return "lorenz96";
    }

    @Override
    public String summary() {
        return "Lorenz-96 4D-Var twin experiment (RK4); gradient with respect to the forcing F and the initial state x0";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(VARIABLES, STEPS, FORCING, DT, SPIN_UP_TIME, OBSERVE_EVERY, OBSERVATION_STRIDE);
    }

    @Override
    public Model build(Configuration configuration, Communicator comm) {
        int variables = configuration.get(VARIABLES);
        int steps = configuration.get(STEPS);
        double forcing = configuration.get(FORCING);
        double dt = configuration.get(DT);
        int every = configuration.get(OBSERVE_EVERY);
        int stride = configuration.get(OBSERVATION_STRIDE);
        if (variables / comm.size() < 2) {
            throw ConfigurationException.notAllowed(VARIABLES.name(), Integer.toString(variables),
                    "at least 2 variables per rank (the halo is 2 wide): >= " + 2 * comm.size() + " on " + comm.size()
                            + " ranks", configuration.origin(VARIABLES));
        }
        if (every > steps) {
            throw ConfigurationException.notAllowed(OBSERVE_EVERY.name(), Integer.toString(every),
                    "at most model.steps = " + steps + ", or nothing is observed", configuration.origin(OBSERVE_EVERY)
                            + "; " + STEPS.name() + " = " + steps + " " + configuration.origin(STEPS));
        }
        double spinUpSteps = Math.rint(configuration.get(SPIN_UP_TIME) / dt);
        if (spinUpSteps > Integer.MAX_VALUE) {
            throw ConfigurationException.notAllowed(SPIN_UP_TIME.name(), Double.toString(configuration.get(SPIN_UP_TIME)),
                    "at most " + Integer.MAX_VALUE + " steps of model.dt", configuration.origin(SPIN_UP_TIME));
        }
        Lorenz96Problem problem = Lorenz96Problem.builder().variables(variables).steps(steps).forcing(forcing).dt(dt)
                .spinUpSteps((int) spinUpSteps).observeEvery(every).observationStride(stride).communicator(comm).build();
        String description = String.format(Locale.ROOT, "lorenz96: K=%d, F=%s, dt=%s, T=%d, observed every %d steps, stride %d",
                variables, forcing, dt, steps, every, stride);
        return Model.builder()
                .name(type(), description)
                .stepper(problem.stepper(), steps)
                .initialState(problem.initialState())
                .objective(problem.objective(), new FieldInfo("J", "misfit 1/2 sum (x - y)^2 over the observation steps"
                        + " and the observed variables", "1"))
                .initialControls(problem.initialControls())
                .grid(new Grid2d(variables, 1, 1.0, 1.0, 0, 0, "1"))
                .distribution(comm, problem.decomposition())
                .field(new FieldInfo("x", "Lorenz-96 variable", "1"))
                .field(new FieldInfo("x0", "initial state", "1"))
                .build();
    }
}
