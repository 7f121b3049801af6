package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.examples.cli.output.H5dump;
import org.adjoint4j.examples.cli.output.ReportSchema;
import org.adjoint4j.examples.cli.plot.SensitivityMapPlot;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.adjoint4j.solvers.shallowwater.ShallowWaterIntegrator;
import org.adjoint4j.solvers.shallowwater.ShallowWaterProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shallow-water sensitivity-map example end to end: {@code adjoint4j run} writes the gradient of
 * every control as a [Ny, Nx] HDF5 dataset that h5dump reads back as the library's gradient, and as a
 * PNG map; {@code adjoint4j verify} passes; on one rank and on three.
 */
class ShallowWaterSensitivityTest {

    static final String EXAMPLE = "configs/shallow-water-sensitivity.toml";
    static final String CHANNEL = "configs/shallow-water.toml";
    private static final List<String> CONTROLS = List.of("bathymetry", "eta0", "drag");
    private static final int NX = 100;
    private static final int NY = 50;
    private static final int STEPS = 260;

    @TempDir
    Path dir;

    /** The example's gradient computed by the library on {@code ranks} in-process ranks, gathered on rank 0. */
    private static double[][] libraryGradient(int ranks) {
        AtomicReference<double[][]> out = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(ranks, (comm, args) -> {
            ShallowWaterProblem p = ShallowWaterProblem.builder().cells(NX, NY).steps(STEPS)
                    .integrator(ShallowWaterIntegrator.RK3).courantNumber(0.4).coriolis(0.5, 0)
                    .regionOfInterest(1.6, 1.9, 0.35, 0.65).communicator(comm).build();
            GradientResult r = p.driver(BinomialSchedule.of(STEPS, 12)).gradient(p.initialControls());
            double[][] g = new double[4][];
            g[0] = new double[] {r.value()};
            for (int f = 0; f < 3; f++) {
                g[f + 1] = p.decomposition().gather(comm, r.gradient().fields().owned(f), 0);
            }
            if (comm.rank() == 0) {
                out.set(g);
            }
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        return out.get();
    }

    @ParameterizedTest(name = "{0} rank(s)")
    @ValueSource(ints = {1, 3})
    void theSensitivityMapsInHdf5AreTheLibrarysGradientAndThePngsDecode(int ranks) throws Exception {
        Path out = dir.resolve("out");
        CommandRunner.Result r = CommandRunner.run("run", EXAMPLE, "--set", "output.directory=" + out, "--set",
                "progress.mode=off", "--ranks", Integer.toString(ranks));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("shallow-water rk3: 100x50, T=260, dt=5.657e-03, schedule binomial: 12 memory slots, "
                + ranks + (ranks == 1 ? " rank" : " ranks")), r.out());
        assertEquals(List.of("fields.h5", "fields.xmf", "report.json", "sensitivity-bathymetry.png",
                "sensitivity-drag.png", "sensitivity-eta0.png"), RunCommandTest.entries(out));
        double[][] expected = libraryGradient(ranks);
        Path h5 = out.resolve("fields.h5");
        for (int f = 0; f < CONTROLS.size(); f++) {
            String dataset = "/gradient/" + CONTROLS.get(f);
            assertEquals(List.of(NY, NX), H5dump.shape(h5, dataset), dataset + " is [Ny, Nx]");
            assertArrayEquals(expected[f + 1], H5dump.values(h5, dataset), dataset);
            BufferedImage png = ImageIO.read(out.resolve("sensitivity-" + CONTROLS.get(f) + ".png").toFile());
            assertEquals(SensitivityMapPlot.WIDTH, png.getWidth());
            assertEquals(SensitivityMapPlot.HEIGHT, png.getHeight());
        }
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(List.of(), ReportSchema.errors(report));
        assertEquals(expected[0][0], report.at("/objective/value").asDouble());
    }

    @Test
    void theExamplePassesEveryVerification() {
        CommandRunner.Result r = CommandRunner.run("verify", EXAMPLE, "--set", "output.directory=" + dir.resolve("v"),
                "--set", "model.cells_x=40", "--set", "model.cells_y=20", "--set", "model.steps=100", "--set",
                "progress.mode=off");
        assertEquals(0, r.code(), r.toString());
        for (String row : new String[] {"dot product, step 0", "dot product, step 50", "dot product, step 99",
            "Taylor test, direction bathymetry", "Taylor test, direction eta0", "Taylor test, direction drag",
            "Taylor test, direction all controls", "VERDICT: PASS (7 of 7 checks passed)"}) {
            assertTrue(r.out().contains(row), "missing '" + row + "':\n" + r);
        }
    }

    @Test
    void theLeapfrogChannelRunsAndVerifiesOnThreeRanks() {
        CommandRunner.Result run = CommandRunner.run("run", CHANNEL, "--set", "output.directory=" + dir.resolve("run"),
                "--set", "progress.mode=off", "--ranks", "3");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("shallow-water leapfrog: 64x32, T=150"), run.out());
        CommandRunner.Result verify = CommandRunner.run("verify", CHANNEL, "--set", "output.directory=" + dir.resolve("v"),
                "--set", "model.steps=60", "--set", "progress.mode=off", "--ranks", "3");
        assertEquals(0, verify.code(), verify.toString());
        assertTrue(verify.out().contains("halo exchange, width 1, corners"), verify.out());
        assertTrue(verify.out().contains("VERDICT: PASS (9 of 9 checks passed)"), verify.out());
    }
}
