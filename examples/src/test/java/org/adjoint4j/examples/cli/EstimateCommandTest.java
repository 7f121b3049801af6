package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.adjoint4j.examples.cli.output.H5dump;
import org.adjoint4j.examples.cli.output.ReportSchema;
import org.adjoint4j.examples.cli.output.XdmfReferences;
import org.adjoint4j.examples.cli.plot.OptimizationConvergencePlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EstimateCommandTest {

    static final String EXAMPLE = "configs/heat2d-estimate.toml";
    private static final int N = 16;

    @TempDir
    Path dir;

    private CommandRunner.Result estimate(String... more) {
        String[] args = Stream.concat(Stream.of("estimate", EXAMPLE, "--set", "output.directory=" + dir.resolve("out")),
                Stream.of(more)).toArray(String[]::new);
        return CommandRunner.run(args);
    }

    /** κ of the heat2d benchmark problem, from its published formula, x fastest. */
    private static double[] trueKappa() {
        double[] k = new double[N * N];
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                double x = (i + 0.5) / N;
                double y = (j + 0.5) / N;
                k[j * N + i] = 1 + 0.5 * Math.sin(2 * Math.PI * x) * Math.sin(2 * Math.PI * y);
            }
        }
        return k;
    }

    private static double relativeError(double[] estimate, double[] truth) {
        double num = 0;
        double den = 0;
        for (int k = 0; k < truth.length; k++) {
            num += (estimate[k] - truth[k]) * (estimate[k] - truth[k]);
            den += truth[k] * truth[k];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void theDiffusivityTwinExperimentRecoversKappaAndReducesTheMisfitAThousandfold() throws Exception {
        CommandRunner.Result r = estimate();
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("twin experiment: estimating kappa from observations of u at 20 steps"), r.out());
        assertTrue(r.out().contains("stopped after"), r.out());
        Path out = dir.resolve("out");
        assertEquals(List.of("estimate-convergence.png", "fields.h5", "fields.xmf", "report.json"),
                RunCommandTest.entries(out));

        // The estimate, read back with h5dump, against the closed-form truth: within 5 % in the 2-norm,
        // from the uniform first guess's 24 %.
        Path h5 = out.resolve("fields.h5");
        assertEquals(List.of(N, N), H5dump.shape(h5, "/estimate/kappa"));
        double[] truth = trueKappa();
        double[] guess = H5dump.values(h5, "/first_guess/kappa");
        double[] estimate = H5dump.values(h5, "/estimate/kappa");
        assertTrue(relativeError(guess, truth) > 0.2, "the first guess is far off");
        double error = relativeError(estimate, truth);
        assertTrue(error < 0.05, "relative error of the estimate " + error);
        assertEquals(0.0, relativeError(H5dump.values(h5, "/truth/kappa"), truth), 1e-15);
        XdmfReferences.assertAllExist(out.resolve("fields.xmf"));

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(List.of(), ReportSchema.errors(report));
        assertEquals("estimate", report.get("command").asText());
        JsonNode e = report.get("estimation");
        assertTrue(e.get("misfitReduction").asDouble() >= 1e3, "misfit reduction " + e.get("misfitReduction"));
        JsonNode iterations = e.get("iterations");
        assertEquals(error, e.get("finalRelativeErrors").get("kappa").asDouble(), 1e-12,
                "the report's error is the error of the written estimate");
        double first = iterations.get(0).get("misfit").asDouble();
        double last = iterations.get(iterations.size() - 1).get("misfit").asDouble();
        assertEquals(first / last, e.get("misfitReduction").asDouble(), 1e-9 * first / last);
        for (int k = 1; k < iterations.size(); k++) {
            assertTrue(iterations.get(k).get("value").asDouble() < iterations.get(k - 1).get("value").asDouble(),
                    "J decreases at every iteration");
        }

        BufferedImage png = ImageIO.read(out.resolve(EstimateCommand.CONVERGENCE_PNG).toFile());
        assertEquals(OptimizationConvergencePlot.WIDTH, png.getWidth());
        assertEquals(OptimizationConvergencePlot.HEIGHT, png.getHeight());
    }

    @Test
    void theLorenz96FourDVarTwinExperimentRecoversTheInitialStateAndTheForcing() throws Exception {
        String[] args = {"estimate", "configs/lorenz96-4dvar.toml", "--set", "output.directory=" + dir.resolve("l96")};
        CommandRunner.Result r = CommandRunner.run(args);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("estimating x0, F from observations of x at 20 steps"), r.out());
        Path out = dir.resolve("l96");
        {
            JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
            assertEquals(List.of(), ReportSchema.errors(report));
            JsonNode e = report.get("estimation");
            assertTrue(e.get("misfitReduction").asDouble() >= 1e3, "misfit reduction " + e.get("misfitReduction"));
            JsonNode f = e.get("scalars").get("F");
            assertEquals(7.0, f.get("firstGuess").asDouble(), "the configured first guess");
            assertEquals(8.0, f.get("truth").asDouble(), "the configured truth");
            assertEquals(8.0, f.get("estimate").asDouble(), 0.08, "F recovered within 1 %");
        }
        // x0 from the HDF5 file: within 5 % of the truth in the 2-norm, from the first guess's 13 %
        Path h5 = out.resolve("fields.h5");
        assertEquals(List.of(1, 40), H5dump.shape(h5, "/estimate/x0"));
        double[] truth = H5dump.values(h5, "/truth/x0");
        assertTrue(relativeError(H5dump.values(h5, "/first_guess/x0"), truth) > 0.1);
        double error = relativeError(H5dump.values(h5, "/estimate/x0"), truth);
        assertTrue(error < 0.05, "relative error of x0 " + error);
    }

    @Test
    void theCommonsMathOptimiserAndThreeRanksReachTheSameEstimate() throws Exception {
        CommandRunner.Result one = estimate("--set", "estimate.max_iterations=15", "--set", "output.plots=false");
        assertEquals(0, one.code(), one.toString());
        double[] serial = H5dump.values(dir.resolve("out/fields.h5"), "/estimate/kappa");
        CommandRunner.Result three = estimate("--set", "estimate.max_iterations=15", "--set", "output.plots=false",
                "--set", "output.directory=" + dir.resolve("out3"), "--ranks", "3");
        assertEquals(0, three.code(), three.toString());
        double[] parallel = H5dump.values(dir.resolve("out3/fields.h5"), "/estimate/kappa");
        // The same arithmetic but for the order of the global sums: the iterates agree closely.
        assertTrue(relativeError(parallel, serial) < 1e-8, "3 ranks vs 1: " + relativeError(parallel, serial));

        CommandRunner.Result cg = estimate("--set", "estimate.optimizer=nonlinear-cg", "--set",
                "output.directory=" + dir.resolve("cg"));
        assertEquals(0, cg.code(), cg.toString());
        assertTrue(cg.out().contains("nonlinear conjugate gradient (Apache Commons Math"), cg.out());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("cg/report.json").toFile());
        assertTrue(report.get("estimation").get("misfitReduction").asDouble() >= 1e3);
        double error = relativeError(H5dump.values(dir.resolve("cg/fields.h5"), "/estimate/kappa"), trueKappa());
        assertTrue(error < 0.05, "relative error of the nonlinear-CG estimate " + error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "estimate.controls=[\"kappa\", \"rho\"]|key 'estimate.controls': \"rho\" is not allowed: expected controls of the model heat2d: kappa, u0",
        "estimate.controls=[]|key 'estimate.controls': [] is not allowed: expected at least one control of the model: kappa, u0",
        "estimate.first_guess=[\"kappa := 1\"]|key 'estimate.first_guess': \"kappa := 1\" is not allowed",
        "estimate.first_guess=[\"u0 = 0\"]|key 'estimate.first_guess': an entry for \"u0\" is not allowed: expected entries for estimated controls",
        "estimate.smoothness=[\"kappa = -1\"]|key 'estimate.smoothness': \"kappa = -1\" is not allowed",
        "estimate.observation_steps=[20, 500]|key 'estimate.observation_steps': 500 is not allowed: expected steps in [0, 100]",
        "estimate.observed_field=\"v\"|key 'estimate.observed_field': \"v\" is not allowed: expected a state field of the model heat2d: u",
        "estimate.gradient_tolerance=2|key 'estimate.gradient_tolerance': 2.0 is not allowed: expected a number in [0, 1)",
        "estimate.optimizer=\"newton\"|key 'estimate.optimizer'"})
    void badSettingsAreNamedAndNothingIsWritten(String override, String message) {
        CommandRunner.Result r = estimate("--set", override);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }
}
