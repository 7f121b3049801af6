package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.systemsx.cisd.hdf5.HDF5Factory;
import ch.systemsx.cisd.hdf5.IHDF5Reader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.examples.cli.model.FaultyHeat2dModelFactory;
import org.adjoint4j.examples.cli.output.ReportSchema;
import org.adjoint4j.solvers.heat.Heat2dProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** run and verify on several ranks, for every device: the outputs of one rank, written once by rank 0. */
class RunOnRanksTest {

    @TempDir
    Path dir;

    private CommandRunner.Result run(String command, Path out, String... more) {
        String[] args = Stream.concat(Stream.of(command, RunCommandTest.EXAMPLE, "--set", "output.directory=" + out,
                "--set", "model.cells=17", "--set", "model.steps=40", "--set", "checkpointing.memory_slots=5",
                "--set", "progress.mode=\"off\""), Stream.of(more)).toArray(String[]::new);
        return CommandRunner.run(args);
    }

    /** The one-rank gradient, computed by the library directly. */
    private static GradientResult oneRank() {
        Heat2dProblem p = Heat2dProblem.builder().cells(17).steps(40).build();
        return p.driver(BinomialSchedule.of(40, 5)).gradient(p.initialControls());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"threads", "multicore", "niodev"})
    void threeRanksWriteTheOneRankGradientOnce(String device) throws IOException {
        Path out = dir.resolve(device);
        CommandRunner.Result r = run("run", out, "--ranks", "3", "--device", device);
        assertEquals(0, r.code(), r.toString());
        GradientResult expected = oneRank();
        try (IHDF5Reader h5 = HDF5Factory.openForReading(out.resolve("fields.h5").toFile())) {
            assertClose(expected.gradient().fields().owned(0), h5.float64().readMDArray("/gradient/kappa").getAsFlatArray());
            assertClose(expected.gradient().fields().owned(1), h5.float64().readMDArray("/gradient/u0").getAsFlatArray());
            assertClose(expected.finalState().owned(0), h5.float64().readMDArray("/final_state/u").getAsFlatArray());
        }
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(ReportSchema.errors(report).isEmpty(), ReportSchema.errors(report).toString());
        assertEquals(3, report.at("/model/ranks").asInt(), report.toString());
        assertEquals(expected.value(), report.at("/objective/value").asDouble(), 1e-12 * expected.value());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "one output directory, no staging debris from any rank");
        }
    }

    @Test
    void verifyOnRanksAlsoChecksTheHaloExchange() throws IOException {
        Path out = dir.resolve("verify");
        CommandRunner.Result r = run("verify", out, "--ranks", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("halo exchange, width 1, corners"), r.out());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(ReportSchema.errors(report).isEmpty(), ReportSchema.errors(report).toString());
        assertTrue(report.at("/verification/checks").findValuesAsText("kind").contains("halo-dot-product"));
    }

    @Test
    void aRankThatFailsEndsTheRunWithExitCodeTwoNamingTheRankAndLeavesNoOutput() throws IOException {
        Path cfg = Files.writeString(dir.resolve("faulty.toml"), "[model]\ntype = \"faulty-heat2d\"\nsteps = 12\n"
                + "nan_at_step = 3\n[checkpointing]\nmemory_slots = 3\n[output]\ndirectory = \"" + dir.resolve("out") + "\"\n"
                + "[parallel]\nranks = 3\n");
        CommandRunner.Result r = CommandRunner.run(FaultyHeat2dModelFactory.registryWithFaults(), "run", cfg.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().matches("(?s).*adjoint4j: rank \\d failed: .*forward step 3 produced a non-finite value.*"), "<<" + r.err() + ">>");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void rankCountsThatDoNotFitAreConfigurationErrors() {
        CommandRunner.Result zero = run("run", dir.resolve("a"), "--ranks", "0");
        assertEquals(1, zero.code());
        assertTrue(zero.err().contains("key 'parallel.ranks': 0 is not allowed"), zero.err());
        CommandRunner.Result many = run("run", dir.resolve("b"), "--ranks", "19");
        assertEquals(1, many.code());
        assertTrue(many.err().contains("key 'parallel.ranks': 19 is not allowed"), many.err());
        CommandRunner.Result device = run("run", dir.resolve("c"), "--ranks", "2", "--device", "carrier-pigeon");
        assertEquals(1, device.code());
        assertTrue(device.err().contains("key 'parallel.device'"), device.err());
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-12 * scale, "value " + k);
        }
    }

    @Test
    void theReadmeExampleRunsOnTwoRanksWithAPassingTaylorTest() throws IOException {
        Path out = dir.resolve("first");
        CommandRunner.Result r = CommandRunner.run("run", "configs/first-gradient.toml", "--set", "model.cells=24",
                "--set", "model.steps=60", "--set", "output.directory=" + out, "--set", "progress.mode=\"off\"");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("2 ranks") && r.out().contains("VERDICT: PASS"), r.out());
        assertTrue(Files.exists(out.resolve("fields.h5")));
    }
}
