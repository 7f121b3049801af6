package org.adjoint4j.examples.cli.model;

import java.util.List;
import java.util.Locale;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ValueTypes;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.solvers.heat.Heat2dProblem;

/**
 * {@code model.type = "heat2d"}: the heat2d benchmark problem of {@link Heat2dProblem} (explicit
 * diffusion on the unit square; controls κ and u<sub>0</sub>; J = ½h²Σ(u<sup>T</sup>)² plus optional
 * terms of the same form at chosen steps).
 */
public final class Heat2dModelFactory implements ModelFactory {
    /** Creates the factory; {@link ModelRegistry} holds one of each. */
    public Heat2dModelFactory() {
    }

    /**
     * Cells per side. The upper bound keeps an N×N field with its ghost cells within one Java array.
     */
    public static final ConfigKey<Integer> CELLS = ConfigKey.optional("model.cells", ValueTypes.integer(2, 46338), 64,
            "cells per side N of the unit square (h = 1/N)");
    /** Time steps. */
    public static final ConfigKey<Integer> STEPS = ConfigKey.optional("model.steps",
            ValueTypes.integer(1, Integer.MAX_VALUE), 500, "time steps T of a run");
    /** Extra misfit terms. */
    public static final ConfigKey<List<Integer>> OBSERVATION_STEPS = ConfigKey.optional("model.observation_steps",
            ValueTypes.integerList(0, Integer.MAX_VALUE), List.of(),
            "steps n at which J gets an extra term ½h²Σ(u_n)², each in [0, model.steps]");

    @Override
    public String type() {
        return "heat2d";
    }

    @Override
    public String summary() {
        return "explicit diffusion on the unit square; gradient with respect to the diffusivity kappa and the initial state u0";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(CELLS, STEPS, OBSERVATION_STEPS);
    }

    @Override
    public Model build(Configuration configuration, Communicator comm) {
        int cells = configuration.get(CELLS);
        int steps = configuration.get(STEPS);
        List<Integer> observed = configuration.get(OBSERVATION_STEPS);
        if (cells < comm.size()) {
            throw ConfigurationException.notAllowed(CELLS.name(), Integer.toString(cells),
                    "at least one cell per rank in each direction: >= " + comm.size() + " on " + comm.size() + " ranks",
                    configuration.origin(CELLS));
        }
        Heat2dProblem.Builder b = Heat2dProblem.builder().cells(cells).steps(steps).communicator(comm);
        for (int n : observed) {
            if (n > steps) {
                String origin = configuration.origin(OBSERVATION_STEPS) + "; " + STEPS.name() + " = " + steps + " "
                        + configuration.origin(STEPS);
                throw ConfigurationException.notAllowed(OBSERVATION_STEPS.name(), Integer.toString(n),
                        "steps in [0, " + steps + "]", origin);
            }
            b.observeAt(n, null);
        }
        Heat2dProblem problem = b.build();
        String description = String.format(Locale.ROOT, "heat2d: N=%d, T=%d, dt=%.4e%s", cells, steps,
                problem.stepper().dt(), observed.isEmpty() ? "" : ", extra misfit terms at steps " + observed);
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
