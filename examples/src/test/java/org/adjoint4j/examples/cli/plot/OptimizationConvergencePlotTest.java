package org.adjoint4j.examples.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizationConvergencePlotTest {

    @TempDir
    Path dir;

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void drawsEverySeriesInItsColour() throws IOException {
        double[] misfit = new double[30];
        double[] error = new double[30];
        for (int k = 0; k < 30; k++) {
            misfit[k] = Math.pow(0.5, k);
            error[k] = 0.3 * Math.pow(0.8, k);
        }
        Path png = dir.resolve("convergence.png");
        OptimizationConvergencePlot.write(png, "a test", List.of(new OptimizationConvergencePlot.Series("misfit", misfit),
                new OptimizationConvergencePlot.Series("error", error)));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(OptimizationConvergencePlot.WIDTH, img.getWidth());
        assertEquals(OptimizationConvergencePlot.HEIGHT, img.getHeight());
        assertTrue(count(img, TaylorConvergencePlot.SERIES_COLOURS[0]) > 100, "the first series is drawn");
        assertTrue(count(img, TaylorConvergencePlot.SERIES_COLOURS[1]) > 100, "the second series is drawn");
    }

    @Test
    void aSingleConstantPointIsDrawnAndNothingPositiveIsAnError() throws IOException {
        OptimizationConvergencePlot.write(dir.resolve("one.png"), "t", List.of(new OptimizationConvergencePlot.Series("one",
                new double[] {1.0})));
        assertThrows(IllegalArgumentException.class, () -> OptimizationConvergencePlot.write(dir.resolve("x.png"), "t",
                List.of(new OptimizationConvergencePlot.Series("zero", new double[] {0, Double.NaN}))));
    }
}
