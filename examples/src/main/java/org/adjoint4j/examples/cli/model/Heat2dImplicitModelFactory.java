package org.adjoint4j.examples.cli.model;

import java.util.List;
import java.util.Locale;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ValueTypes;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.solvers.heat.Heat2dImplicitProblem;

/**
 * {@code model.type = "heat2d-implicit"}: the heat2d benchmark problem stepped by the θ-method
 * ({@link Heat2dImplicitProblem}: Crank–Nicolson or backward Euler, conjugate-gradient solves, a time step
 * that is a multiple of the explicit limit). Controls κ and u<sub>0</sub>, J as for heat2d.
 */
public final class Heat2dImplicitModelFactory implements ModelFactory {
    /** Creates the factory; {@link ModelRegistry} holds one of each. */
    public Heat2dImplicitModelFactory() {
    }

    /** Cells per side; the upper bound keeps an N×N field with its ghost cells within one Java array. */
    public static final ConfigKey<Integer> CELLS = ConfigKey.optional("model.cells", ValueTypes.integer(2, 46338), 32,
            "cells per side N of the unit square (h = 1/N)");
    /** Time steps. */
    public static final ConfigKey<Integer> STEPS = ConfigKey.optional("model.steps",
            ValueTypes.integer(1, Integer.MAX_VALUE), 50, "time steps T of a run");
    /** Extra misfit terms. */
    public static final ConfigKey<List<Integer>> OBSERVATION_STEPS = ConfigKey.optional("model.observation_steps",
            ValueTypes.integerList(0, Integer.MAX_VALUE), List.of(),
            "steps n at which J gets an extra term ½h²Σ(u_n)², each in [0, model.steps]");
    /** θ. */
    public static final ConfigKey<Double> THETA = ConfigKey.optional("model.theta", ValueTypes.numberAbove(0), 0.5,
            "theta in [0.5, 1]: 0.5 is Crank-Nicolson, 1 backward Euler");
    /** The time step as a multiple of the explicit limit. */
    public static final ConfigKey<Double> DT_FACTOR = ConfigKey.optional("model.dt_factor", ValueTypes.numberAbove(0), 10.0,
            "dt as a multiple of the explicit Euler limit h²/(4 max kappa); any size is stable");
    /** The solver's tolerance. */
    public static final ConfigKey<Double> TOLERANCE = ConfigKey.optional("model.tolerance", ValueTypes.numberAbove(0), 1e-14,
            "relative residual at which a conjugate-gradient solve stops, below 1; the adjoint is exact to about this");
    /** The solver's iteration limit. */
    public static final ConfigKey<Integer> MAX_ITERATIONS = ConfigKey.optional("model.max_iterations",
            ValueTypes.integer(1, Integer.MAX_VALUE), 1000, "the most conjugate-gradient iterations of one solve");

    @Override
    public String type() {
        return "heat2d-implicit";
    }

    @Override
    public String summary() {
        return "implicit (Crank-Nicolson) diffusion on the unit square with conjugate-gradient solves; gradient with"
                + " respect to kappa and u0";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(CELLS, STEPS, OBSERVATION_STEPS, THETA, DT_FACTOR, TOLERANCE, MAX_ITERATIONS);
    }

    @Override
    public Model build(Configuration configuration, Communicator comm) {
        int cells = configuration.get(CELLS);
        int steps = configuration.get(STEPS);
        List<Integer> observed = configuration.get(OBSERVATION_STEPS);
        double theta = configuration.get(THETA);
        double tolerance = configuration.get(TOLERANCE);
        if (cells < comm.size()) {
            throw ConfigurationException.notAllowed(CELLS.name(), Integer.toString(cells),
                    "at least one cell per rank in each direction: >= " + comm.size() + " on " + comm.size() + " ranks",
                    configuration.origin(CELLS));
        }
        if (theta < 0.5 || theta > 1) {
            throw ConfigurationException.notAllowed(THETA.name(), Double.toString(theta), "a number in [0.5, 1]",
                    configuration.origin(THETA));
        }
        if (tolerance >= 1) {
            throw ConfigurationException.notAllowed(TOLERANCE.name(), Double.toString(tolerance), "a number in (0, 1)",
                    configuration.origin(TOLERANCE));
        }
        Heat2dImplicitProblem.Builder b = Heat2dImplicitProblem.builder().cells(cells).steps(steps).theta(theta)
                .dtFactor(configuration.get(DT_FACTOR)).tolerance(tolerance)
                .maxIterations(configuration.get(MAX_ITERATIONS)).communicator(comm);
        for (int n : observed) {
            if (n > steps) {
                String origin = configuration.origin(OBSERVATION_STEPS) + "; " + STEPS.name() + " = " + steps + " "
                        + configuration.origin(STEPS);
                throw ConfigurationException.notAllowed(OBSERVATION_STEPS.name(), Integer.toString(n),
                        "steps in [0, " + steps + "]", origin);
            }
            b.observeAt(n, null);
        }
        Heat2dImplicitProblem problem = b.build();
        String description = String.format(Locale.ROOT, "heat2d-implicit: N=%d, T=%d, theta=%s, dt=%.4e (%sx the explicit"
                + " limit), tolerance %.0e%s", cells, steps, theta, problem.stepper().dt(), configuration.get(DT_FACTOR),
                tolerance, observed.isEmpty() ? "" : ", extra misfit terms at steps " + observed);
        return Model.builder()
                .name(type(), description)
                .stepper(problem.stepper(), steps)
                .initialState(problem.initialState())
                .objective(problem.objective(), new FieldInfo("J", "misfit 1/2 h^2 sum(u^2) at the final step"
                        + (observed.isEmpty() ? "" : " and the observation steps"), "1"))
                .initialControls(problem.initialControls())
                .grid(Grid2d.unitSquare(cells))
                .distribution(comm, problem.decomposition())
                .field(new FieldInfo("u", "temperature", "1"))
                .field(new FieldInfo("kappa", "diffusivity", "1"))
                .field(new FieldInfo("u0", "initial temperature", "1"))
                .build();
    }
}
