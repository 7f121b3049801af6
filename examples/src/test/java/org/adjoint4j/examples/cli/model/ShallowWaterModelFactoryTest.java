package org.adjoint4j.examples.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ConfigurationReader;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.adjoint4j.solvers.shallowwater.ShallowWaterIntegrator;
import org.adjoint4j.solvers.shallowwater.ShallowWaterProblem;
import org.adjoint4j.solvers.shallowwater.Topography;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShallowWaterModelFactoryTest {

    @TempDir
    Path dir;

    private final ModelRegistry registry = ModelRegistry.standard();

    private Configuration configuration(String model) throws IOException {
        Path f = dir.resolve("m.toml");
        Files.writeString(f, "[model]\ntype = \"shallow-water\"\n" + model);
        return new ConfigurationReader(List.of(), registry.typeKey(), registry::keysOf).read(f, List.of());
    }

    private String refusal(String model) throws IOException {
        Configuration c = configuration(model);
        return assertThrows(ConfigurationException.class, () -> registry.build(c)).getMessage();
    }

    private static double value(Model m) {
        return AdjointDriver.builder().stepper(m.stepper()).initialState(m.initialState()).objective(m.objective())
                .schedule(StoreAllSchedule.of(m.steps())).build().value(m.initialControls());
    }

    @Test
    void buildsTheLibraryProblemWithTheConfiguredSettings() throws IOException {
        Model m = registry.build(configuration("cells_x = 20\ncells_y = 10\nsteps = 30\nintegrator = \"leapfrog\"\n"
                + "boundary_x = \"periodic\"\ntopography = \"ridge\"\ncoriolis_f0 = 0.2\ncoriolis_beta = 0.1\n"
                + "courant_number = 0.3\nasselin = 0.05\nregion_x0 = 1.0\nregion_x1 = 1.5\nregion_y0 = 0.0\nregion_y1 = 1.0\n"));
        assertEquals("shallow-water", m.type());
        assertEquals(30, m.steps());
        assertEquals(new Grid2d(20, 10, 0.1, 0.1, 0, 0, "1"), m.grid());
        assertTrue(m.description().startsWith("shallow-water leapfrog: 20x10, T=30, dt="), m.description());
        assertEquals("resting depth", m.field("bathymetry").longName());
        assertEquals("filtered free-surface elevation of the previous step", m.field("eta_previous").longName());

        ShallowWaterProblem reference = ShallowWaterProblem.builder().cells(20, 10).steps(30)
                .integrator(ShallowWaterIntegrator.LEAPFROG).periodic(true, false).topography(Topography.RIDGE)
                .coriolis(0.2, 0.1).courantNumber(0.3).asselin(0.05).regionOfInterest(1.0, 1.5, 0.0, 1.0).build();
        double expected = reference.driver(StoreAllSchedule.of(30)).value(reference.initialControls());
        assertEquals(expected, value(m), "the same J as the library's problem");
    }

    @Test
    void defaultsAreThoseOfTheDocumentation() throws IOException {
        Model m = registry.build(configuration(""));
        assertEquals(150, m.steps());
        assertEquals(64, m.grid().nx());
        assertEquals(32, m.grid().ny());
        assertTrue(m.description().startsWith("shallow-water rk3: 64x32, T=150, dt="), m.description());
        ShallowWaterProblem reference = ShallowWaterProblem.builder().build();
        assertEquals(reference.driver(StoreAllSchedule.of(150)).value(reference.initialControls()), value(m));
    }

    @Test
    void aCourantNumberAboveTheStabilityLimitNamesTheLimit() throws IOException {
        String file = dir.resolve("m.toml").toString();
        assertEquals("key 'model.courant_number': 0.9 is not allowed: expected a number in (0, 0.8660], the stability"
                + " limit of rk3 (in " + file + ")", refusal("courant_number = 0.9\n"));
        assertEquals("key 'model.courant_number': 0.46 is not allowed: expected a number in (0, 0.4523], the stability"
                + " limit of leapfrog with asselin = 0.1 (in " + file + ")",
                refusal("integrator = \"leapfrog\"\ncourant_number = 0.46\n"));
        assertEquals("key 'model.asselin': 0.5 is not allowed: expected a number in [0, 0.5) (in " + file + ")",
                refusal("asselin = 0.5\n"));
    }

    @Test
    void aRegionOutsideTheBasinOrWithoutACellIsRefusedNamingItsKeys() throws IOException {
        String file = dir.resolve("m.toml").toString();
        assertEquals("key 'model.region_x1': 2.5 is not allowed: expected a number <= 2, the basin's length (in " + file
                + ")", refusal("region_x1 = 2.5\n"));
        assertEquals("key 'model.region_y1': 1.2 is not allowed: expected a number <= 1, the basin's width (in " + file
                + ")", refusal("region_y1 = 1.2\n"));
        assertEquals("key 'model.region_x0': 1.9 is not allowed: expected a number below model.region_x1 = 1.9 (in " + file
                + "; model.region_x1 by default)", refusal("region_x0 = 1.9\n"));
        assertEquals("key 'model.region_y0': 0.7 is not allowed: expected a number below model.region_y1 = 0.65 (in "
                + file + "; model.region_y1 by default)", refusal("region_y0 = 0.7\n"));
        // cell centres of a 10-cell row lie at 0.1, 0.3, ...: none in [0.12, 0.28]
        assertEquals("keys 'model.region_x0', 'region_x1', 'region_y0', 'region_y1': region of interest [0.12, 0.28] x"
                + " [0.35, 0.65] contains no cell centre of the 10x10 grid (cell width 0.2 x 0.1); widen the region to"
                + " hold at least one cell centre", refusal("cells_x = 10\ncells_y = 10\nregion_x0 = 0.12\nregion_x1 = 0.28\n"));
    }

    @Test
    void tooFewCellsForTheRanksNameTheKey() throws IOException {
        Configuration c = configuration("cells_x = 2\ncells_y = 2\n");
        String[] message = new String[1];
        JobResult job = ThreadLauncher.run(3, (comm, args) -> {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> registry.build(c, comm));
            if (comm.rank() == 0) {
                message[0] = e.getMessage();
            }
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(job.ok(), job.message());
        assertEquals("key 'model.cells_x': 2 is not allowed: expected at least one cell per rank: >= 3 with 3 ranks (in "
                + dir.resolve("m.toml") + ")", message[0]);
    }
}
