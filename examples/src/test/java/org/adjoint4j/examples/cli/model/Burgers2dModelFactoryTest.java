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
import org.adjoint4j.solvers.burgers.BurgersProblem;
import org.adjoint4j.solvers.burgers.TimeScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Burgers2dModelFactoryTest {

    @TempDir
    Path dir;

    private final ModelRegistry registry = ModelRegistry.standard();

    private Configuration configuration(String model) throws IOException {
        Path f = dir.resolve("m.toml");
        Files.writeString(f, "[model]\ntype = \"burgers2d\"\n" + model);
        return new ConfigurationReader(List.of(), registry.typeKey(), registry::keysOf).read(f, List.of());
    }

    @Test
    void buildsTheProblemWithTheConfiguredSettings() throws IOException {
        Model m = registry.build(configuration("cells_x = 12\ncells_y = 9\nlength_x = 2.0\nsteps = 30\nviscosity = 0.02\n"
                + "cfl = 0.4\nscheme = \"ssp-rk3\"\nenergy_steps = [10]\n"));
        assertEquals("burgers2d", m.type());
        assertEquals(30, m.steps());
        assertEquals(new Grid2d(12, 9, 2.0 / 12, 1.0 / 9, 0, 0, "1"), m.grid());
        assertTrue(m.description().startsWith("burgers2d: 12x9 cells, T=30, ssp-rk3, nu=0.0200, dt="), m.description());
        assertTrue(m.description().endsWith(", extra energy terms at steps [10]"), m.description());
        assertEquals("body force along x", m.field("forcing_u").longName());
        assertEquals(0.02, m.initialControls().scalar("nu"));

        BurgersProblem reference = BurgersProblem.builder().cells(12, 9).lengths(2.0, 1.0).steps(30).viscosity(0.02).cfl(0.4)
                .scheme(TimeScheme.SSP_RK3).energyAt(10).build();
        assertEquals(reference.stepper().dt(), ((org.adjoint4j.solvers.burgers.Burgers2d) m.stepper()).dt());
        double expected = reference.driver(StoreAllSchedule.of(30)).value(reference.initialControls());
        double got = AdjointDriver.builder().stepper(m.stepper()).initialState(m.initialState()).objective(m.objective())
                .schedule(StoreAllSchedule.of(30)).build().value(m.initialControls());
        assertEquals(expected, got, "the energy term at step 10 is part of J");
    }

    @Test
    void defaultsAreThoseOfTheDocumentation() throws IOException {
        Model m = registry.build(configuration(""));
        assertEquals(200, m.steps());
        assertEquals(Grid2d.unitSquare(64), m.grid());
        assertTrue(m.description().startsWith("burgers2d: 64x64 cells, T=200, ssp-rk2, nu=0.0500, dt="), m.description());
    }

    @Test
    void valuesThatConflictNameTheirKeys() throws IOException {
        Path f = dir.resolve("m.toml");
        Configuration late = configuration("steps = 20\nenergy_steps = [5, 21]\n");
        assertEquals("key 'model.energy_steps': 21 is not allowed: expected steps in [0, 20] (in " + f
                + "; model.steps = 20 in " + f + ")", assertThrows(ConfigurationException.class, () -> registry.build(late))
                .getMessage());
        Configuration fast = configuration("cfl = 1.5\n");
        assertEquals("key 'model.cfl': 1.5 is not allowed: expected a number in (0, 1] (in " + f + ")",
                assertThrows(ConfigurationException.class, () -> registry.build(fast)).getMessage());
    }
}
