package org.adjoint4j.examples.cli.model;

import java.util.List;
import java.util.Locale;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ValueTypes;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.solvers.shallowwater.ShallowWaterIntegrator;
import org.adjoint4j.solvers.shallowwater.ShallowWaterProblem;
import org.adjoint4j.solvers.shallowwater.Topography;

/**
 * {@code model.type = "shallow-water"}: the sensitivity problem of {@link ShallowWaterProblem}, a bump
 * of water released over a seamount (or a ridge, or a flat bottom) in the nondimensional basin
 * [0, 2] × [0, 1] (g = 1, reference depth 1), with J the mean squared elevation over a rectangular
 * region at the final step; controls bathymetry, eta0 and drag.
 */
public final class ShallowWaterModelFactory implements ModelFactory {
    /** Creates the factory; {@link ModelRegistry} holds one of each. */
    public ShallowWaterModelFactory() {
    }

    private static final double LENGTH_X = 2;
    private static final double LENGTH_Y = 1;

    /** Cells in x; the bound keeps a field with its ghost cells within one Java array. */
    public static final ConfigKey<Integer> CELLS_X = ConfigKey.optional("model.cells_x", ValueTypes.integer(2, 46338), 64,
            "cells Nx across the basin's length 2 (dx = 2/Nx)");
    /** Cells in y. */
    public static final ConfigKey<Integer> CELLS_Y = ConfigKey.optional("model.cells_y", ValueTypes.integer(2, 46338), 32,
            "cells Ny across the basin's width 1 (dy = 1/Ny)");
    /** Time steps. */
    public static final ConfigKey<Integer> STEPS = ConfigKey.optional("model.steps",
            ValueTypes.integer(1, Integer.MAX_VALUE), 150, "time steps T of a run");
    /** The integrator. */
    public static final ConfigKey<String> INTEGRATOR = ConfigKey.optional("model.integrator",
            ValueTypes.oneOf(List.of("rk3", "leapfrog")), "rk3",
            "time integrator: SSP Runge-Kutta 3, or leapfrog with a Robert-Asselin filter");
    /** Boundaries in x. */
    public static final ConfigKey<String> BOUNDARY_X = ConfigKey.optional("model.boundary_x",
            ValueTypes.oneOf(List.of("wall", "periodic")), "wall", "west and east boundaries: walls, or periodic");
    /** Boundaries in y. */
    public static final ConfigKey<String> BOUNDARY_Y = ConfigKey.optional("model.boundary_y",
            ValueTypes.oneOf(List.of("wall", "periodic")), "wall", "south and north boundaries: walls, or periodic");
    /** The Courant number. */
    public static final ConfigKey<Double> COURANT_NUMBER = ConfigKey.optional("model.courant_number",
            ValueTypes.numberAbove(0), 0.4,
            "C = c dt sqrt(1/dx^2 + 1/dy^2), c = sqrt(g max D), which fixes dt; at most 0.866 (rk3) or 0.5 sqrt((1 - a)/(1 + a)) (leapfrog, a = asselin)");
    /** The Robert–Asselin coefficient. */
    public static final ConfigKey<Double> ASSELIN = ConfigKey.optional("model.asselin", ValueTypes.nonNegativeNumber(), 0.1,
            "Robert-Asselin filter coefficient of the leapfrog integrator, below 0.5");
    /** f0. */
    public static final ConfigKey<Double> CORIOLIS_F0 = ConfigKey.optional("model.coriolis_f0",
            ValueTypes.number(), 0.5, "Coriolis parameter f0 at mid-basin (y = 0.5); negative in the southern hemisphere");
    /** β. */
    public static final ConfigKey<Double> CORIOLIS_BETA = ConfigKey.optional("model.coriolis_beta",
            ValueTypes.number(), 0.0, "beta = df/dy of the beta-plane f = f0 + beta (y - 0.5); 0 for an f-plane");
    /** The bathymetry. */
    public static final ConfigKey<String> TOPOGRAPHY = ConfigKey.optional("model.topography",
            ValueTypes.oneOf(List.of("seamount", "ridge", "flat")), "seamount",
            "resting depth: 1 with a seamount rising to 0.4 at (1.2, 0.5), with a ridge rising to 0.5 along x = 1.1, or flat");
    /** Region of interest, west edge. */
    public static final ConfigKey<Double> REGION_X0 = ConfigKey.optional("model.region_x0", ValueTypes.nonNegativeNumber(),
            1.6, "west edge of the region of interest, in [0, 2)");
    /** Region of interest, east edge. */
    public static final ConfigKey<Double> REGION_X1 = ConfigKey.optional("model.region_x1", ValueTypes.nonNegativeNumber(),
            1.9, "east edge of the region of interest, in (region_x0, 2]");
    /** Region of interest, south edge. */
    public static final ConfigKey<Double> REGION_Y0 = ConfigKey.optional("model.region_y0", ValueTypes.nonNegativeNumber(),
            0.35, "south edge of the region of interest, in [0, 1)");
    /** Region of interest, north edge. */
    public static final ConfigKey<Double> REGION_Y1 = ConfigKey.optional("model.region_y1", ValueTypes.nonNegativeNumber(),
            0.65, "north edge of the region of interest, in (region_y0, 1]");

    @Override
    public String type() {
        return "shallow-water";
    }

    @Override
    public String summary() {
        return "shallow-water waves over a seamount; gradient of the mean squared elevation in a region with respect to"
                + " the bathymetry, the initial elevation eta0 and the bottom drag";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(CELLS_X, CELLS_Y, STEPS, INTEGRATOR, BOUNDARY_X, BOUNDARY_Y, COURANT_NUMBER, ASSELIN, CORIOLIS_F0,
                CORIOLIS_BETA, TOPOGRAPHY, REGION_X0, REGION_X1, REGION_Y0, REGION_Y1);
    }

    @Override
    public Model build(Configuration configuration, Communicator comm) {
        int nx = configuration.get(CELLS_X);
        int ny = configuration.get(CELLS_Y);
        int steps = configuration.get(STEPS);
        ShallowWaterIntegrator integrator = configuration.get(INTEGRATOR).equals("rk3") ? ShallowWaterIntegrator.RK3
                : ShallowWaterIntegrator.LEAPFROG;
        double asselin = configuration.get(ASSELIN);
        double courant = configuration.get(COURANT_NUMBER);
        boolean periodicX = configuration.get(BOUNDARY_X).equals("periodic");
        boolean periodicY = configuration.get(BOUNDARY_Y).equals("periodic");
        ProcessGrid grid = ProcessGrid.balanced(comm.size(), nx, ny, periodicX, periodicY);
        requireCells(configuration, CELLS_X, nx, grid.px(), comm.size());
        requireCells(configuration, CELLS_Y, ny, grid.py(), comm.size());
        if (asselin >= 0.5) {
            throw ConfigurationException.notAllowed(ASSELIN.name(), number(asselin), "a number in [0, 0.5)",
                    configuration.origin(ASSELIN));
        }
        double limit = integrator.courantLimit(asselin);
        if (courant > limit) {
            throw ConfigurationException.notAllowed(COURANT_NUMBER.name(), number(courant), String.format(Locale.ROOT,
                    "a number in (0, %.4f], the stability limit of %s", limit, configuration.get(INTEGRATOR)
                            + (integrator == ShallowWaterIntegrator.LEAPFROG ? " with asselin = " + number(asselin) : "")),
                    configuration.origin(COURANT_NUMBER));
        }
        double[] region = region(configuration, nx, ny);

        ShallowWaterProblem problem = ShallowWaterProblem.builder().cells(nx, ny).steps(steps).integrator(integrator)
                .asselin(asselin).courantNumber(courant).domain(LENGTH_X, LENGTH_Y)
                .coriolis(configuration.get(CORIOLIS_F0), configuration.get(CORIOLIS_BETA)).periodic(periodicX, periodicY)
                .topography(Topography.valueOf(configuration.get(TOPOGRAPHY).toUpperCase(Locale.ROOT)))
                .regionOfInterest(region[0], region[1], region[2], region[3]).communicator(comm).build();
        // short enough to title a plot
        String description = String.format(Locale.ROOT, "shallow-water %s: %dx%d, T=%d, dt=%.3e",
                configuration.get(INTEGRATOR), nx, ny, steps, problem.dt());
        Model.Builder b = Model.builder()
                .name(type(), description)
                .stepper(problem.stepper(), steps)
                .initialState(problem.initialState())
                .objective(problem.objective(), new FieldInfo("J", "mean squared elevation over the region of interest at"
                        + " the final step", "1"))
                .initialControls(problem.initialControls())
                .grid(new Grid2d(nx, ny, problem.dx(), problem.dy(), 0, 0, "1"))
                .distribution(comm, problem.decomposition())
                .field(new FieldInfo("eta", "free-surface elevation", "1"))
                .field(new FieldInfo("u", "velocity in x on the west face of each cell", "1"))
                .field(new FieldInfo("v", "velocity in y on the south face of each cell", "1"))
                .field(new FieldInfo("bathymetry", "resting depth", "1"))
                .field(new FieldInfo("eta0", "initial elevation", "1"))
                .field(new FieldInfo("drag", "bottom drag rate", "1"));
        if (integrator == ShallowWaterIntegrator.LEAPFROG) {
            b.field(new FieldInfo("eta_previous", "filtered free-surface elevation of the previous step", "1"))
                    .field(new FieldInfo("u_previous", "filtered velocity in x of the previous step", "1"))
                    .field(new FieldInfo("v_previous", "filtered velocity in y of the previous step", "1"));
        }
        return b.build();
    }

    private static void requireCells(Configuration configuration, ConfigKey<Integer> key, int cells, int ranks, int size) {
        if (cells < ranks) {
            throw ConfigurationException.notAllowed(key.name(), Integer.toString(cells), "at least one cell per rank: >= "
                    + ranks + " with " + size + " ranks", configuration.origin(key));
        }
    }

    /** The region of interest {x0, x1, y0, y1}, checked against the basin and the grid. */
    private static double[] region(Configuration c, int nx, int ny) {
        double x0 = c.get(REGION_X0);
        double x1 = c.get(REGION_X1);
        double y0 = c.get(REGION_Y0);
        double y1 = c.get(REGION_Y1);
        if (x1 > LENGTH_X) {
            throw ConfigurationException.notAllowed(REGION_X1.name(), number(x1), "a number <= 2, the basin's length",
                    c.origin(REGION_X1));
        }
        if (y1 > LENGTH_Y) {
            throw ConfigurationException.notAllowed(REGION_Y1.name(), number(y1), "a number <= 1, the basin's width",
                    c.origin(REGION_Y1));
        }
        if (x0 >= x1) {
            throw ConfigurationException.notAllowed(REGION_X0.name(), number(x0), "a number below model.region_x1 = "
                    + number(x1), c.origin(REGION_X0) + "; model.region_x1 " + c.origin(REGION_X1));
        }
        if (y0 >= y1) {
            throw ConfigurationException.notAllowed(REGION_Y0.name(), number(y0), "a number below model.region_y1 = "
                    + number(y1), c.origin(REGION_Y0) + "; model.region_y1 " + c.origin(REGION_Y1));
        }
        try {
            ShallowWaterProblem.cellsInRegion(nx, ny, LENGTH_X, LENGTH_Y, x0, x1, y0, y1);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("keys 'model.region_x0', 'region_x1', 'region_y0', 'region_y1': " + e.getMessage()
                    + "; widen the region to hold at least one cell centre", e);
        }
        return new double[] {x0, x1, y0, y1};
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
