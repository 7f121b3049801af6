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
import java.util.stream.Stream;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.examples.cli.output.ReportSchema;
import org.adjoint4j.solvers.burgers.BurgersProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code adjoint4j run} and {@code verify} of the burgers2d example, on one rank and on three. */
class Burgers2dCommandTest {

    static final String EXAMPLE = "configs/burgers2d.toml";
    private static final String[] FIELDS = {"u0", "v0", "forcing_u", "forcing_v"};

    @TempDir
    Path dir;

    /** The example, made smaller: 16×12 cells, 40 steps, 5 memory slots, energy terms at steps 20 and 40. */
    private static CommandRunner.Result command(String command, Path out, String... more) {
        String[] args = Stream.concat(Stream.of(command, EXAMPLE, "--set", "output.directory=" + out, "--set",
                "model.cells_x=16", "--set", "model.cells_y=12", "--set", "model.steps=40", "--set",
                "model.energy_steps=[20]", "--set", "checkpointing.memory_slots=5", "--set", "progress.mode=off"),
                Stream.of(more)).toArray(String[]::new);
        return CommandRunner.run(args);
    }

    /** The gradient the library computes for the same settings, independently of the tool. */
    private static GradientResult reference() {
        BurgersProblem p = BurgersProblem.builder().cells(16, 12).lengths(1.5, 1.0).steps(40).energyAt(20).build();
        return p.driver(BinomialSchedule.of(40, 5)).gradient(p.initialControls());
    }

    @Test
    void runWritesTheLibrarysGradientAndEveryOutput() throws IOException {
        Path out = dir.resolve("run");
        CommandRunner.Result r = command("run", out);
        assertEquals(0, r.code(), r.toString());
        for (String row : new String[] {"burgers2d: 16x12 cells, T=40, ssp-rk2", "|dJ/du0|", "|dJ/dforcing_v|", "dJ/dnu"}) {
            assertTrue(r.out().contains(row), "missing '" + row + "':\n" + r);
        }
        assertEquals(List.of("fields.h5", "fields.xmf", "report.json", "sensitivity-forcing_u.png",
                "sensitivity-forcing_v.png", "sensitivity-u0.png", "sensitivity-v0.png"), RunCommandTest.entries(out));
        GradientResult expected = reference();
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(List.of(), ReportSchema.errors(report));
        assertEquals(expected.value(), report.at("/objective/value").asDouble());
        try (IHDF5Reader h5 = HDF5Factory.openForReading(out.resolve("fields.h5").toFile())) {
            for (int f = 0; f < FIELDS.length; f++) {
                assertArrayEquals(expected.gradient().fields().owned(f),
                        h5.float64().readMDArray("/gradient/" + FIELDS[f]).getAsFlatArray(), FIELDS[f]);
            }
            assertArrayEquals(expected.finalState().owned(1), h5.float64().readMDArray("/final_state/v").getAsFlatArray());
        }
    }

    @Test
    void verifyPassesEveryCheck() {
        CommandRunner.Result r = command("verify", dir.resolve("verify"));
        assertEquals(0, r.code(), r.toString());
        for (String row : new String[] {"dot product, step 0", "dot product, step 20", "dot product, step 39",
            "Taylor test, direction u0", "Taylor test, direction v0", "Taylor test, direction forcing_u",
            "Taylor test, direction forcing_v", "Taylor test, direction nu", "Taylor test, direction all controls",
            "VERDICT: PASS (9 of 9 checks passed)"}) {
            assertTrue(r.out().contains(row), "missing '" + row + "':\n" + r);
        }
    }

    @Test
    void onThreeRanksRunGivesTheOneRankGradientAndVerifyPasses() throws IOException {
        Path out = dir.resolve("ranks");
        CommandRunner.Result r = command("run", out, "--ranks", "3");
        assertEquals(0, r.code(), r.toString());
        GradientResult expected = reference();
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(3, report.at("/model/ranks").asInt(), report.toString());
        assertEquals(expected.value(), report.at("/objective/value").asDouble(), 1e-12 * expected.value());
        try (IHDF5Reader h5 = HDF5Factory.openForReading(out.resolve("fields.h5").toFile())) {
            for (int f = 0; f < FIELDS.length; f++) {
                double[] want = expected.gradient().fields().owned(f);
                double[] got = h5.float64().readMDArray("/gradient/" + FIELDS[f]).getAsFlatArray();
                double scale = 0;
                for (double w : want) {
                    scale = Math.max(scale, Math.abs(w));
                }
                for (int k = 0; k < want.length; k++) {
                    assertEquals(want[k], got[k], 1e-12 * scale, FIELDS[f] + " cell " + k);
                }
            }
        }
        CommandRunner.Result v = command("verify", dir.resolve("ranks-verify"), "--ranks", "3");
        assertEquals(0, v.code(), v.toString());
        assertTrue(v.out().contains("VERDICT: PASS (11 of 11 checks passed)"), v.out());
    }
}
