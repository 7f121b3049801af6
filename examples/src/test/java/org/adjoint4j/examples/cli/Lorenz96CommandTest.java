package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.systemsx.cisd.hdf5.HDF5Factory;
import ch.systemsx.cisd.hdf5.IHDF5Reader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.examples.cli.output.ReportSchema;
import org.adjoint4j.solvers.lorenz96.Lorenz96Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** adjoint4j run and verify of the Lorenz-96 example configuration, on one rank and on three. */
class Lorenz96CommandTest {

    static final String EXAMPLE = "configs/lorenz96.toml";

    @TempDir
    Path dir;

    /** The gradient of the example's settings, computed by the library directly. */
    private static GradientResult reference() {
        Lorenz96Problem p = Lorenz96Problem.builder().variables(40).steps(10).forcing(8.0).dt(0.05).spinUpSteps(400)
                .observeEvery(2).observationStride(2).build();
        return p.driver(BinomialSchedule.of(10, 4)).gradient(p.initialControls());
    }

    @Test
    void runWritesTheLibrarysGradientAndEveryOutput() throws IOException {
        CommandRunner.Result r = CommandRunner.run("run", EXAMPLE, "--set", "output.directory=" + dir.resolve("out"),
                "--set", "run.taylor_test=true");
        assertEquals(0, r.code(), r.toString());
        for (String row : new String[] {"lorenz96: K=40, F=8.0, dt=0.05, T=10", "dJ/dF", "|dJ/dx0|", "VERDICT: PASS"}) {
            assertTrue(r.out().contains(row), "missing '" + row + "':\n" + r);
        }
        Path out = dir.resolve("out");
        assertEquals(List.of("fields.h5", "fields.xmf", "report.json", "sensitivity-x0.png"), RunCommandTest.entries(out));
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(List.of(), ReportSchema.errors(report));
        GradientResult expected = reference();
        assertEquals(expected.value(), report.at("/objective/value").asDouble());
        try (IHDF5Reader h5 = HDF5Factory.openForReading(out.resolve("fields.h5").toFile())) {
            assertArrayEquals(expected.gradient().fields().owned(0), h5.float64().readMDArray("/gradient/x0").getAsFlatArray());
        }
    }

    @Test
    void verifyPassesEveryCheck() throws IOException {
        CommandRunner.Result r = CommandRunner.run("verify", EXAMPLE, "--set", "output.directory=" + dir.resolve("v"));
        assertEquals(0, r.code(), r.toString());
        for (String row : new String[] {"dot product, step 0", "dot product, step 5", "dot product, step 9",
            "Taylor test, direction x0", "Taylor test, direction F", "Taylor test, direction all controls",
            "VERDICT: PASS (6 of 6 checks passed)"}) {
            assertTrue(r.out().contains(row), "missing '" + row + "':\n" + r);
        }
        JsonNode report = new ObjectMapper().readTree(dir.resolve("v/report.json").toFile());
        assertEquals(List.of(), ReportSchema.errors(report));
        assertEquals("passed", report.get("status").asText());
    }

    @Test
    void threeInProcessRanksGiveTheOneRankGradient() throws IOException {
        Path out = dir.resolve("ranks");
        CommandRunner.Result r = CommandRunner.run("verify", EXAMPLE, "--set", "output.directory=" + out, "--ranks", "3");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("VERDICT: PASS (8 of 8 checks passed)"), r.out());
        Path runOut = dir.resolve("run");
        assertEquals(0, CommandRunner.run("run", EXAMPLE, "--set", "output.directory=" + runOut, "--ranks", "3").code());
        GradientResult expected = reference();
        JsonNode report = new ObjectMapper().readTree(runOut.resolve("report.json").toFile());
        assertEquals(3, report.at("/model/ranks").asInt());
        assertEquals(expected.value(), report.at("/objective/value").asDouble(), 1e-12 * expected.value());
        double[] x0 = expected.gradient().fields().owned(0);
        double scale = 0;
        for (double v : x0) {
            scale = Math.max(scale, Math.abs(v));
        }
        try (IHDF5Reader h5 = HDF5Factory.openForReading(runOut.resolve("fields.h5").toFile())) {
            double[] got = h5.float64().readMDArray("/gradient/x0").getAsFlatArray();
            for (int k = 0; k < x0.length; k++) {
                assertEquals(x0[k], got[k], 1e-12 * scale, "dJ/dx0 of variable " + k);
            }
        }
    }
}
