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
import org.adjoint4j.solvers.heat.Heat2dImplicitProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** adjoint4j run and verify of the implicit heat2d example configuration, on one rank and on three. */
class Heat2dImplicitCommandTest {

    static final String EXAMPLE = "configs/heat2d-implicit.toml";

    @TempDir
    Path dir;

    /** The gradient of the example's settings (made smaller), computed by the library directly. */
    private static GradientResult reference() {
        Heat2dImplicitProblem p = Heat2dImplicitProblem.builder().cells(16).steps(20).theta(0.5).dtFactor(10)
                .tolerance(1e-14).build();
        return p.driver(BinomialSchedule.of(20, 8)).gradient(p.initialControls());
    }

    private CommandRunner.Result run(String command, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command, EXAMPLE, "--set", "output.directory=" + out,
                "--set", "model.cells=16", "--set", "model.steps=20"));
        args.addAll(List.of(more));
        return CommandRunner.run(args.toArray(new String[0]));
    }

    @Test
    void runWritesTheLibrarysGradientAndEveryOutput() throws IOException {
        Path out = dir.resolve("out");
        CommandRunner.Result r = run("run", out, "--set", "run.taylor_test=true");
        assertEquals(0, r.code(), r.toString());
        for (String row : new String[] {"heat2d-implicit: N=16, T=20, theta=0.5", "(10.0x the explicit limit)", "|dJ/dkappa|",
            "|dJ/du0|", "VERDICT: PASS"}) {
            assertTrue(r.out().contains(row), "missing '" + row + "':\n" + r);
        }
        assertEquals(List.of("fields.h5", "fields.xmf", "report.json", "sensitivity-kappa.png", "sensitivity-u0.png"),
                RunCommandTest.entries(out));
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(List.of(), ReportSchema.errors(report));
        GradientResult expected = reference();
        assertEquals(expected.value(), report.at("/objective/value").asDouble());
        try (IHDF5Reader h5 = HDF5Factory.openForReading(out.resolve("fields.h5").toFile())) {
            assertArrayEquals(expected.gradient().fields().owned(0), h5.float64().readMDArray("/gradient/kappa").getAsFlatArray());
            assertArrayEquals(expected.gradient().fields().owned(1), h5.float64().readMDArray("/gradient/u0").getAsFlatArray());
        }
    }

    @Test
    void verifyPassesEveryCheck() throws IOException {
        CommandRunner.Result r = run("verify", dir.resolve("v"));
        assertEquals(0, r.code(), r.toString());
        for (String row : new String[] {"dot product, step 0", "dot product, step 10", "dot product, step 19",
            "Taylor test, direction kappa", "Taylor test, direction u0", "Taylor test, direction all controls",
            "VERDICT: PASS (6 of 6 checks passed)"}) {
            assertTrue(r.out().contains(row), "missing '" + row + "':\n" + r);
        }
        JsonNode report = new ObjectMapper().readTree(dir.resolve("v/report.json").toFile());
        assertEquals(List.of(), ReportSchema.errors(report));
    }

    @Test
    void threeInProcessRanksPassVerifyAndGiveTheOneRankGradient() throws IOException {
        CommandRunner.Result v = run("verify", dir.resolve("v3"), "--ranks", "3");
        assertEquals(0, v.code(), v.toString());
        assertTrue(v.out().contains("VERDICT: PASS (8 of 8 checks passed)"), v.out());
        Path out = dir.resolve("run3");
        assertEquals(0, run("run", out, "--ranks", "3").code());
        GradientResult expected = reference();
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(3, report.at("/model/ranks").asInt());
        assertEquals(expected.value(), report.at("/objective/value").asDouble(), 1e-12 * expected.value());
        try (IHDF5Reader h5 = HDF5Factory.openForReading(out.resolve("fields.h5").toFile())) {
            for (String field : new String[] {"kappa", "u0"}) {
                double[] want = expected.gradient().fields().owned(field.equals("kappa") ? 0 : 1);
                double[] got = h5.float64().readMDArray("/gradient/" + field).getAsFlatArray();
                double scale = 0;
                for (double w : want) {
                    scale = Math.max(scale, Math.abs(w));
                }
                for (int k = 0; k < want.length; k++) {
                    assertEquals(want[k], got[k], 1e-12 * scale, "dJ/d" + field + " cell " + k);
                }
            }
        }
    }
}
