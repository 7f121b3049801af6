package org.adjoint4j.examples.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ConfigurationReader;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.adjoint4j.solvers.lorenz96.Lorenz96Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Lorenz96ModelFactoryTest {

    @TempDir
    Path dir;

    private final ModelRegistry registry = ModelRegistry.standard();

    private Configuration configuration(String model) throws IOException {
        Path f = dir.resolve("m.toml");
        Files.writeString(f, "[model]\ntype = \"lorenz96\"\n" + model);
        return new ConfigurationReader(List.of(), registry.typeKey(), registry::keysOf).read(f, List.of());
    }

    @Test
    void buildsTheTwinExperimentWithTheConfiguredSettings() throws IOException {
        Model m = registry.build(configuration("variables = 12\nsteps = 16\nforcing = 6.5\ndt = 0.02\n"
                + "spin_up_time = 2.0\nobserve_every = 4\nobservation_stride = 3\n"));
        assertEquals("lorenz96", m.type());
        assertEquals(16, m.steps());
        assertEquals(12, m.grid().nx());
        assertEquals(1, m.grid().ny());
        assertEquals("lorenz96: K=12, F=6.5, dt=0.02, T=16, observed every 4 steps, stride 3", m.description());
        assertEquals(6.5, m.initialControls().scalar("F"));

        // spin-up of 2.0 / 0.02 = 100 steps
        Lorenz96Problem reference = Lorenz96Problem.builder().variables(12).steps(16).forcing(6.5).dt(0.02).spinUpSteps(100)
                .observeEvery(4).observationStride(3).build();
        double expected = reference.driver(StoreAllSchedule.of(16)).value(reference.initialControls());
        double got = AdjointDriver.builder().stepper(m.stepper()).initialState(m.initialState()).objective(m.objective())
                .schedule(StoreAllSchedule.of(16)).build().value(m.initialControls());
        assertEquals(expected, got);
    }

    @Test
    void defaultsAreThoseOfTheDocumentation() throws IOException {
        Model m = registry.build(configuration(""));
        assertEquals(10, m.steps());
        assertEquals(40, m.grid().nx());
        assertEquals("lorenz96: K=40, F=8.0, dt=0.05, T=10, observed every 5 steps, stride 1", m.description());
    }

    @Test
    void anObservationIntervalBeyondTheWindowNamesBothKeys() throws IOException {
        Configuration c = configuration("steps = 10\nobserve_every = 11\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> registry.build(c));
        assertEquals("key 'model.observe_every': 11 is not allowed: expected at most model.steps = 10, or nothing is observed"
                + " (in " + dir.resolve("m.toml") + "; model.steps = 10 in " + dir.resolve("m.toml") + ")", e.getMessage());
    }

    @Test
    void tooFewVariablesForTheRanksAreRefusedWithTheBound() throws IOException {
        Configuration c = configuration("variables = 7\n");
        ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
        JobResult r = ThreadLauncher.run(4, (comm, args) -> messages.add(
                assertThrows(ConfigurationException.class, () -> registry.build(c, comm)).getMessage()), new String[0],
                Duration.ofSeconds(30));
        assertEquals(true, r.ok(), r.message());
        assertEquals(4, messages.size());
        for (String message : messages) {
            assertEquals("key 'model.variables': 7 is not allowed: expected at least 2 variables per rank (the halo is 2"
                    + " wide): >= 8 on 4 ranks (in " + dir.resolve("m.toml") + ")", message);
        }
    }
}
