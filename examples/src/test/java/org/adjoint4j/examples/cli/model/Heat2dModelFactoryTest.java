package org.adjoint4j.examples.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ConfigurationReader;
import org.adjoint4j.solvers.heat.Heat2dProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Heat2dModelFactoryTest {

    @TempDir
    Path dir;

    private final ModelRegistry registry = ModelRegistry.standard();

    private Configuration configuration(String model) throws IOException {
        Path f = dir.resolve("m.toml");
        Files.writeString(f, "[model]\ntype = \"heat2d\"\n" + model);
        return new ConfigurationReader(List.of(), registry.typeKey(), registry::keysOf).read(f, List.of());
    }

    @Test
    void buildsTheBenchmarkProblemWithTheConfiguredSizeAndObservations() throws IOException {
        Model m = registry.build(configuration("cells = 12\nsteps = 30\nobservation_steps = [10, 20]\n"));
        assertEquals("heat2d", m.type());
        assertEquals(30, m.steps());
        assertEquals(Grid2d.unitSquare(12), m.grid());
        assertTrue(m.description().startsWith("heat2d: N=12, T=30, dt="), m.description());
        assertEquals("diffusivity", m.field("kappa").longName());

        Heat2dProblem reference = Heat2dProblem.builder().cells(12).steps(30).observeAt(10, null).observeAt(20, null).build();
        double expected = reference.driver(StoreAllSchedule.of(30)).value(reference.initialControls());
        double got = org.adjoint4j.adjoint.AdjointDriver.builder().stepper(m.stepper()).initialState(m.initialState())
                .objective(m.objective()).schedule(StoreAllSchedule.of(30)).build().value(m.initialControls());
        assertEquals(expected, got, "the observation terms are part of J");
    }

    @Test
    void defaultsAreThoseOfTheDocumentation() throws IOException {
        Model m = registry.build(configuration(""));
        assertEquals(500, m.steps());
        assertEquals(64, m.grid().nx());
    }

    @Test
    void anObservationBeyondTheLastStepNamesBothKeys() throws IOException {
        Configuration c = configuration("steps = 20\nobservation_steps = [5, 21]\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> registry.build(c));
        assertEquals("key 'model.observation_steps': 21 is not allowed: expected steps in [0, 20] (in " + dir.resolve("m.toml")
                + "; model.steps = 20 in " + dir.resolve("m.toml") + ")", e.getMessage());
    }
}
