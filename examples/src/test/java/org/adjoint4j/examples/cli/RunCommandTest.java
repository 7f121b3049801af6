package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.systemsx.cisd.hdf5.HDF5Factory;
import ch.systemsx.cisd.hdf5.IHDF5Reader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.examples.cli.model.FaultyHeat2dModelFactory;
import org.adjoint4j.examples.cli.output.H5dump;
import org.adjoint4j.examples.cli.output.ReportSchema;
import org.adjoint4j.examples.cli.output.XdmfReferences;
import org.adjoint4j.examples.cli.plot.SensitivityMapPlot;
import org.adjoint4j.solvers.heat.Heat2dProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    static final String EXAMPLE = "configs/heat2d.toml";

    @TempDir
    Path dir;

    static List<String> entries(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private CommandRunner.Result runExample(String... more) {
        String[] args = Stream.concat(Stream.of("run", EXAMPLE, "--set", "output.directory=" + dir.resolve("out"),
                "--set", "model.cells=16", "--set", "model.steps=40", "--set", "checkpointing.memory_slots=5"),
                Stream.of(more)).toArray(String[]::new);
        return CommandRunner.run(args);
    }

    /** The gradient the library computes for the same settings, independently of the tool. */
    private static GradientResult reference() {
        Heat2dProblem p = Heat2dProblem.builder().cells(16).steps(40).build();
        return p.driver(BinomialSchedule.of(40, 5)).gradient(p.initialControls());
    }

    @Test
    void printsTheSummaryAndWritesEveryOutput() throws IOException {
        CommandRunner.Result r = runExample();
        assertEquals(0, r.code(), r.toString());
        for (String row : new String[] {"heat2d: N=16, T=40", "schedule binomial: 5 memory slots, 1 rank", "J  ",
            "|dJ/dkappa|", "|dJ/du0|", "forward evaluations", "recompute factor", "memory tier", "peak 5 snapshots",
            "peak snapshots", "time", "forward", "adjoint", "storage"}) {
            assertTrue(r.out().contains(row), "missing '" + row + "':\n" + r);
        }
        assertEquals(List.of("out"), entries(dir), "no staging debris");
        assertEquals(List.of("fields.h5", "fields.xmf", "report.json", "sensitivity-kappa.png", "sensitivity-u0.png"),
                entries(dir.resolve("out")));
        assertTrue(r.err().contains("progress: done in"), "batch progress on stderr:\n" + r);
    }

    @Test
    void theReportConformsToItsSchemaAndAgreesWithTheLibrary() throws IOException {
        assertEquals(0, runExample("--set", "progress.mode=off").code());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertEquals(List.of(), ReportSchema.errors(report));
        GradientResult expected = reference();
        assertEquals(expected.value(), report.get("objective").get("value").asDouble());
        JsonNode st = report.get("statistics");
        assertEquals(expected.statistics().forwardEvaluations(), st.get("forwardEvaluations").asLong());
        assertEquals(expected.statistics().usage(Tier.MEMORY).stores(), st.get("tiers").get("memory").get("stores").asLong());
        double[] kappa = expected.gradient().fields().owned(0);
        double sum = 0;
        for (double v : kappa) {
            sum += v * v;
        }
        assertEquals(Math.sqrt(sum), report.get("gradient").get(0).get("norm2").asDouble(), 1e-15 * Math.sqrt(sum));
        assertEquals("kappa", report.get("gradient").get(0).get("control").asText());
        assertEquals(List.of("checkpointing.memory_slots=5", "progress.mode=off"),
                List.of(report.get("configuration").get("overrides").get(3).asText(),
                        report.get("configuration").get("overrides").get(4).asText()));
        assertEquals(List.of("report.json", "fields.h5", "fields.xmf", "sensitivity-kappa.png", "sensitivity-u0.png"),
                new ObjectMapper().convertValue(report.get("files"), List.class));
    }

    @Test
    void theHdf5FieldsAreTheGradientAndTheXdmfFileReferencesThem() throws Exception {
        assertEquals(0, runExample().code());
        Path out = dir.resolve("out");
        GradientResult expected = reference();
        try (IHDF5Reader h5 = HDF5Factory.openForReading(out.resolve("fields.h5").toFile())) {
            assertArrayEquals(expected.gradient().fields().owned(0), h5.float64().readMDArray("/gradient/kappa").getAsFlatArray());
            assertArrayEquals(expected.gradient().fields().owned(1), h5.float64().readMDArray("/gradient/u0").getAsFlatArray());
            assertArrayEquals(expected.finalState().owned(0), h5.float64().readMDArray("/final_state/u").getAsFlatArray());
        }
        assertEquals(List.of(16, 16), H5dump.shape(out.resolve("fields.h5"), "/gradient/kappa"));
        assertEquals(3, XdmfReferences.assertAllExist(out.resolve("fields.xmf")));
    }

    @Test
    void theOptionalTaylorTestPrintsItsVerdictAndGoesIntoTheReport() throws IOException {
        CommandRunner.Result r = runExample("--set", "run.taylor_test=true");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("VERDICT: PASS"), r.out());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertTrue(ReportSchema.errors(report).isEmpty(), ReportSchema.errors(report).toString());
        assertEquals("taylor", report.at("/verification/checks/0/kind").asText());
        assertTrue(report.at("/verification/passed").asBoolean());
    }

    @Test
    void theSensitivityMapsDecodeAtTheirSize() throws IOException {
        assertEquals(0, runExample().code());
        for (String png : new String[] {"sensitivity-kappa.png", "sensitivity-u0.png"}) {
            BufferedImage img = ImageIO.read(dir.resolve("out").resolve(png).toFile());
            assertEquals(SensitivityMapPlot.WIDTH, img.getWidth(), png);
            assertEquals(SensitivityMapPlot.HEIGHT, img.getHeight(), png);
        }
    }

    @Test
    void hdf5AndPlotsCanBeSwitchedOff() throws IOException {
        assertEquals(0, runExample("--set", "output.hdf5=false", "--set", "output.plots=false").code());
        assertEquals(List.of("report.json"), entries(dir.resolve("out")));
    }

    @Test
    void theObservationExampleRunsWithStoreAll() throws IOException {
        CommandRunner.Result r = CommandRunner.run("run", "configs/heat2d-observations.toml", "--set",
                "output.directory=" + dir.resolve("obs"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("extra misfit terms at steps [15, 30, 45], schedule store-all: 59 memory slots"), r.out());
        assertTrue(r.out().contains("forward evaluations    60  (recompute factor 1.000)"), r.out());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("obs/report.json").toFile());
        assertEquals(List.of(), ReportSchema.errors(report));
    }

    @Test
    void anExistingOutputDirectoryIsReplacedOnlyWhenAsked() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "old");
        CommandRunner.Result r = runExample();
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("already exists"), r.err());
        assertEquals(List.of("keep.txt"), entries(out));
        assertEquals(0, runExample("--set", "output.overwrite=true").code());
        assertFalse(Files.exists(out.resolve("keep.txt")));
        assertEquals(List.of("out"), entries(dir));
    }

    /** A run that must be refused with exit code 1 before anything is written. */
    private void refused(String expectedMessage, String... args) throws IOException {
        CommandRunner.Result r = CommandRunner.run(args);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains(expectedMessage), "expected '" + expectedMessage + "' in:\n" + r.err());
        assertEquals("", r.out(), "nothing is computed");
        assertFalse(Files.exists(dir.resolve("out")));
        assertTrue(entries(dir).stream().allMatch(e -> e.endsWith(".toml") || e.equals("a-file")), entries(dir).toString());
    }

    private String config(String text) throws IOException {
        return Files.writeString(dir.resolve("bad.toml"), text + "\n[output]\ndirectory = \"" + dir.resolve("out") + "\"\n")
                .toString();
    }

    @Test
    void badConfigurationsAreRefusedWithExitCodeOneAndNothingWritten() throws IOException {
        refused("key 'checkpointing.memroy_slots' is not allowed: there is no such key; allowed keys in [checkpointing]"
                + " are schedule, memory_slots", "run", config("[model]\ntype = \"heat2d\"\n[checkpointing]\nmemroy_slots = 4"));
        refused("key 'model.cells': \"many\" is not allowed: expected an integer in [2, 46338]",
                "run", config("[model]\ntype = \"heat2d\"\ncells = \"many\""));
        refused("key 'checkpointing.memory_slots': -3 is not allowed: expected an integer >= 1 (from --set"
                + " checkpointing.memory_slots=-3)", "run", config("[model]\ntype = \"heat2d\""), "--set",
                "checkpointing.memory_slots=-3");
        refused("key 'model.steps': -10 is not allowed: expected an integer >= 1",
                "run", config("[model]\ntype = \"heat2d\"\nsteps = -10"));
        refused("configuration file '" + dir.resolve("missing.toml") + "' does not exist", "run",
                dir.resolve("missing.toml").toString());
        refused("key 'model.type': \"lattice-boltzmann\" is not allowed: expected one of \"heat2d\", \"heat2d-implicit\", \"burgers2d\", \"shallow-water\", \"lorenz96\"",
                "verify", config("[model]\ntype = \"lattice-boltzmann\""));
    }

    @Test
    void anUnwritableOutputLocationIsReportedBeforeTheComputation() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CommandRunner.Result r = CommandRunner.run("run", EXAMPLE, "--set", "output.directory=" + file.resolve("out"));
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("adjoint4j: output directory '" + file.resolve("out") + "' cannot be created"), r.err());
        assertEquals("", r.out(), "nothing is computed");
        assertEquals(List.of("a-file"), entries(dir));
    }

    @Test
    void aFailureDuringTheRunExitsWithTwoAndLeavesNoOutput() throws IOException {
        String cfg = config("[model]\ntype = \"faulty-heat2d\"\nsteps = 12\nnan_at_step = 3\n[checkpointing]\nmemory_slots = 3");
        CommandRunner.Result r = CommandRunner.run(FaultyHeat2dModelFactory.registryWithFaults(), "run", cfg);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("the run failed: forward step 3 produced a non-finite value on rank 0: u_4, field 'u'"
                + " cell (1, 1) = NaN"), r.err());
        assertTrue(r.err().contains("progress: stopped after"), r.err());
        assertFalse(Files.exists(dir.resolve("out")));
        assertEquals(List.of("bad.toml"), entries(dir), "no staging debris");
    }

    @Test
    void aMissingHdf5NativeLibraryIsReportedBeforeTheComputation() throws Exception {
        // A JVM of its own: once JHDF5 failed to load, it stays unusable in that JVM.
        Path jvm = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(jvm.toString(), "-Djava.library.path=" + dir.resolve("no-such-dir"), "-cp",
                System.getProperty("java.class.path"), Adjoint4jCommand.class.getName(), "run", EXAMPLE, "--set",
                "output.directory=" + dir.resolve("out")).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), text);
        assertTrue(text.contains("HDF5 output needs JHDF5's native library libsis-jhdf5.so") && text.contains("output.hdf5"),
                text);
        assertFalse(text.contains("J  "), "nothing is computed:\n" + text);
        assertEquals(List.of(), entries(dir));
    }
}
