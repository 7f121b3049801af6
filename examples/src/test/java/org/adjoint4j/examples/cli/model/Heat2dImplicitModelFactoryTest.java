package org.adjoint4j.examples.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ConfigurationReader;
import org.adjoint4j.solvers.heat.Heat2dImplicit;
import org.adjoint4j.solvers.heat.Heat2dImplicitProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Heat2dImplicitModelFactoryTest {

    @TempDir
    Path dir;

    private final ModelRegistry registry = ModelRegistry.standard();

    private Configuration configuration(String model) throws IOException {
        Path f = dir.resolve("m.toml");
        Files.writeString(f, "[model]\ntype = \"heat2d-implicit\"\n" + model);
        return new ConfigurationReader(List.of(), registry.typeKey(), registry::keysOf).read(f, List.of());
    }

    @Test
    void buildsTheImplicitProblemWithTheConfiguredSchemeAndSolver() throws IOException {
        Model m = registry.build(configuration("cells = 10\nsteps = 12\ntheta = 1.0\ndt_factor = 30.0\ntolerance = 1e-12\n"
                + "max_iterations = 400\nobservation_steps = [4]\n"));
        assertEquals("heat2d-implicit", m.type());
        assertEquals(12, m.steps());
        assertEquals(Grid2d.unitSquare(10), m.grid());
        Heat2dImplicit stepper = (Heat2dImplicit) m.stepper();
        assertEquals(1.0, stepper.theta());
        assertEquals(1e-12, stepper.solver().tolerance());
        assertEquals(400, stepper.solver().maxIterations());
        assertTrue(m.description().startsWith("heat2d-implicit: N=10, T=12, theta=1.0, dt="), m.description());
        assertTrue(m.description().endsWith("(30.0x the explicit limit), tolerance 1e-12, extra misfit terms at steps [4]"),
                m.description());

        Heat2dImplicitProblem reference = Heat2dImplicitProblem.builder().cells(10).steps(12).theta(1).dtFactor(30)
                .tolerance(1e-12).observeAt(4, null).build();
        assertEquals(reference.stepper().dt(), stepper.dt());
        double expected = reference.driver(StoreAllSchedule.of(12)).value(reference.initialControls());
        double got = AdjointDriver.builder().stepper(m.stepper()).initialState(m.initialState()).objective(m.objective())
                .schedule(StoreAllSchedule.of(12)).build().value(m.initialControls());
        assertEquals(expected, got);
    }

    @Test
    void defaultsAreThoseOfTheDocumentation() throws IOException {
        Model m = registry.build(configuration(""));
        assertEquals(50, m.steps());
        assertEquals(32, m.grid().nx());
        Heat2dImplicit stepper = (Heat2dImplicit) m.stepper();
        assertEquals(0.5, stepper.theta());
        assertEquals(1e-14, stepper.solver().tolerance());
        assertEquals(1000, stepper.solver().maxIterations());
    }

    @Test
    void thetaAndToleranceOutsideTheirRangesAreRefused() throws IOException {
        Configuration theta = configuration("theta = 0.3\n");
        assertEquals("key 'model.theta': 0.3 is not allowed: expected a number in [0.5, 1] (in " + dir.resolve("m.toml") + ")",
                assertThrows(ConfigurationException.class, () -> registry.build(theta)).getMessage());
        Configuration tolerance = configuration("tolerance = 2.0\n");
        assertEquals("key 'model.tolerance': 2.0 is not allowed: expected a number in (0, 1) (in " + dir.resolve("m.toml")
                + ")", assertThrows(ConfigurationException.class, () -> registry.build(tolerance)).getMessage());
    }
}
