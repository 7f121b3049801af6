package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.adjoint4j.examples.cli.model.FaultyHeat2dModelFactory;
import org.adjoint4j.examples.cli.output.ReportSchema;
import org.adjoint4j.examples.cli.plot.TaylorConvergencePlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void theExamplePassesEveryCheckAndWritesTheReportAndThePlot() throws IOException {
        CommandRunner.Result r = CommandRunner.run("verify", RunCommandTest.EXAMPLE, "--set",
                "output.directory=" + dir.resolve("v"), "--set", "model.cells=12", "--set", "model.steps=30");
        assertEquals(0, r.code(), r.toString());
        for (String row : new String[] {"dot product, step 0", "dot product, step 15", "dot product, step 29",
            "Taylor test, direction kappa", "Taylor test, direction u0", "Taylor test, direction all controls",
            "VERDICT: PASS (6 of 6 checks passed)"}) {
            assertTrue(r.out().contains(row), "missing '" + row + "':\n" + r);
        }
        assertEquals(List.of("report.json", "taylor-convergence.png"), RunCommandTest.entries(dir.resolve("v")));
        JsonNode report = new ObjectMapper().readTree(dir.resolve("v/report.json").toFile());
        assertEquals(List.of(), ReportSchema.errors(report));
        assertEquals("passed", report.get("status").asText());
        assertEquals(6, report.get("verification").get("checks").size());
        BufferedImage png = ImageIO.read(dir.resolve("v/taylor-convergence.png").toFile());
        assertEquals(TaylorConvergencePlot.WIDTH, png.getWidth());
        assertEquals(TaylorConvergencePlot.HEIGHT, png.getHeight());
    }

    @Test
    void aWrongAdjointFailsWithExitCodeTwoAndAReportThatSaysSo() throws IOException {
        Path cfg = Files.writeString(dir.resolve("f.toml"), "[model]\ntype = \"faulty-heat2d\"\nadjoint_scale = 1.01\n"
                + "[output]\ndirectory = \"" + dir.resolve("v") + "\"\n[verification]\ndot_product_steps = [4]\n");
        CommandRunner.Result r = CommandRunner.run(FaultyHeat2dModelFactory.registryWithFaults(), "verify", cfg.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.out().contains("VERDICT: FAIL (0 of 4 checks passed)"), r.out());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("v/report.json").toFile());
        assertEquals(List.of(), ReportSchema.errors(report));
        assertEquals("failed", report.get("status").asText());
        assertFalse(report.get("verification").get("passed").asBoolean());
    }

    @Test
    void aDotProductStepBeyondTheRunIsABadConfiguration() {
        CommandRunner.Result r = CommandRunner.run("verify", RunCommandTest.EXAMPLE, "--set",
                "output.directory=" + dir.resolve("v"), "--set", "verification.dot_product_steps=[0,100]");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("key 'verification.dot_product_steps': 100 is not allowed: expected steps in [0, 99]"),
                r.err());
        assertFalse(Files.exists(dir.resolve("v")));
    }
}
