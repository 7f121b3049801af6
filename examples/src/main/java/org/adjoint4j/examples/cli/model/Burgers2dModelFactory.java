package org.adjoint4j.examples.cli.model;

import java.util.List;
import java.util.Locale;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ValueTypes;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.solvers.burgers.BurgersProblem;
import org.adjoint4j.solvers.burgers.TimeScheme;

/**
 * {@code model.type = "burgers2d"}: the viscous Burgers problem of {@link BurgersProblem} (velocity
 * (u, v) on a doubly periodic rectangle; controls the initial velocity, the forcing and the viscosity;
 * J the kinetic energy in the central quarter at the last step and at chosen steps).
 */
public final class Burgers2dModelFactory implements ModelFactory {
    /** Creates the factory; {@link ModelRegistry} holds one of each. */
    public Burgers2dModelFactory() {
    }

    /** Cells in x; with the bound on y, a field with its ghost cells stays within one Java array. */
    public static final ConfigKey<Integer> CELLS_X = ConfigKey.optional("model.cells_x", ValueTypes.integer(2, 46338), 64,
            "cells N_x along x");
    /** Cells in y. */
    public static final ConfigKey<Integer> CELLS_Y = ConfigKey.optional("model.cells_y", ValueTypes.integer(2, 46338), 64,
            "cells N_y along y");
    /** Domain length in x. */
    public static final ConfigKey<Double> LENGTH_X = ConfigKey.optional("model.length_x", ValueTypes.numberAbove(0), 1.0,
            "length L_x of the periodic domain along x");
    /** Domain length in y. */
    public static final ConfigKey<Double> LENGTH_Y = ConfigKey.optional("model.length_y", ValueTypes.numberAbove(0), 1.0,
            "length L_y of the periodic domain along y");
    /** Time steps. */
    public static final ConfigKey<Integer> STEPS = ConfigKey.optional("model.steps",
            ValueTypes.integer(1, Integer.MAX_VALUE), 200, "time steps T of a run");
    /** Initial viscosity. */
    public static final ConfigKey<Double> VISCOSITY = ConfigKey.optional("model.viscosity", ValueTypes.nonNegativeNumber(),
            0.05, "viscosity nu at which the gradient is taken (the control nu); it also enters dt");
    /** CFL number. */
    public static final ConfigKey<Double> CFL = ConfigKey.optional("model.cfl", ValueTypes.numberAbove(0), 0.5,
            "CFL number C of dt = C / (max abs(u0)/dx + max abs(v0)/dy + 2 nu (1/dx^2 + 1/dy^2)), at most 1");
    /** Time scheme. */
    public static final ConfigKey<String> SCHEME = ConfigKey.optional("model.scheme",
            ValueTypes.oneOf(List.of("forward-euler", "ssp-rk2", "ssp-rk3")), "ssp-rk2",
            "explicit time integration: forward Euler or the strong-stability-preserving Runge-Kutta scheme of order 2 or 3");
    /** Extra energy terms. */
    public static final ConfigKey<List<Integer>> ENERGY_STEPS = ConfigKey.optional("model.energy_steps",
            ValueTypes.integerList(0, Integer.MAX_VALUE), List.of(),
            "steps n at which J gets an extra term, the kinetic energy in the region at step n, each in [0, model.steps]");

    @Override
    public String type() {
        return "burgers2d";
    }

    @Override
    public String summary() {
        return "viscous Burgers flow on a periodic rectangle; gradient of the kinetic energy in a region with respect to"
                + " the initial velocity u0, v0, the forcing forcing_u, forcing_v and the viscosity nu";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(CELLS_X, CELLS_Y, LENGTH_X, LENGTH_Y, STEPS, VISCOSITY, CFL, SCHEME, ENERGY_STEPS);
    }

    @Override
    public Model build(Configuration configuration, Communicator comm) {
        int cellsX = configuration.get(CELLS_X);
        int cellsY = configuration.get(CELLS_Y);
        int steps = configuration.get(STEPS);
        double cfl = configuration.get(CFL);
        List<Integer> energySteps = configuration.get(ENERGY_STEPS);
        if (cfl > 1) {
            throw ConfigurationException.notAllowed(CFL.name(), Double.toString(cfl), "a number in (0, 1]",
                    configuration.origin(CFL));
        }
        ProcessGrid grid = ProcessGrid.balanced(comm.size(), cellsX, cellsY, true, true);
        if (cellsX < grid.px() || cellsY < grid.py()) {
            ConfigKey<Integer> key = cellsX < grid.px() ? CELLS_X : CELLS_Y;
            int ranks = cellsX < grid.px() ? grid.px() : grid.py();
            throw ConfigurationException.notAllowed(key.name(), Integer.toString(configuration.get(key)),
                    "at least one cell per rank: >= " + ranks + " with " + grid.px() + "x" + grid.py() + " ranks",
                    configuration.origin(key));
        }
        TimeScheme scheme = TimeScheme.valueOf(configuration.get(SCHEME).toUpperCase(Locale.ROOT).replace('-', '_'));
        BurgersProblem.Builder b = BurgersProblem.builder().cells(cellsX, cellsY)
                .lengths(configuration.get(LENGTH_X), configuration.get(LENGTH_Y)).steps(steps)
                .viscosity(configuration.get(VISCOSITY)).cfl(cfl).scheme(scheme).communicator(comm).processGrid(grid);
        for (int n : energySteps) {
            if (n > steps) {
                String origin = configuration.origin(ENERGY_STEPS) + "; " + STEPS.name() + " = " + steps + " "
                        + configuration.origin(STEPS);
                throw ConfigurationException.notAllowed(ENERGY_STEPS.name(), Integer.toString(n), "steps in [0, " + steps + "]",
                        origin);
            }
            b.energyAt(n);
        }
        BurgersProblem problem = b.build();
        double lengthX = configuration.get(LENGTH_X);
        double lengthY = configuration.get(LENGTH_Y);
        String description = String.format(Locale.ROOT, "burgers2d: %dx%d cells, T=%d, %s, nu=%.3g, dt=%.4e%s", cellsX,
                cellsY, steps, configuration.get(SCHEME), configuration.get(VISCOSITY), problem.stepper().dt(),
                energySteps.isEmpty() ? "" : ", extra energy terms at steps " + energySteps);
        return Model.builder()
                .name(type(), description)
                .stepper(problem.stepper(), steps)
                .initialState(problem.initialState())
                .objective(problem.objective(), new FieldInfo("J", "kinetic energy 1/2 dx dy sum(u^2 + v^2) in the central"
                        + " quarter at the final step" + (energySteps.isEmpty() ? "" : " and the energy steps"), "1"))
                .initialControls(problem.initialControls())
                .grid(new Grid2d(cellsX, cellsY, lengthX / cellsX, lengthY / cellsY, 0, 0, "1"))
                .distribution(comm, problem.decomposition())
                .field(new FieldInfo("u", "velocity along x", "1"))
                .field(new FieldInfo("v", "velocity along y", "1"))
                .field(new FieldInfo("u0", "initial velocity along x", "1"))
                .field(new FieldInfo("v0", "initial velocity along y", "1"))
                .field(new FieldInfo("forcing_u", "body force along x", "1"))
                .field(new FieldInfo("forcing_v", "body force along y", "1"))
                .build();
    }
}
