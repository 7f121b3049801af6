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

class TaylorConvergencePlotTest {

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
    void drawsEverySeriesInItsColourWithLegend() throws IOException {
        double[] h = {1e-2, 5e-3, 2.5e-3, 1.25e-3};
        double[] second = new double[h.length];
        double[] first = new double[h.length];
        for (int k = 0; k < h.length; k++) {
            second[k] = 3 * h[k] * h[k];
            first[k] = 0.1 * h[k];
        }
        Path png = dir.resolve("taylor.png");
        TaylorConvergencePlot.write(png, "a test", List.of(
                new TaylorConvergencePlot.Series("second order", h, second, new boolean[] {true, true, true, true}),
                new TaylorConvergencePlot.Series("first order", h, first, new boolean[] {true, true, true, false})));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(TaylorConvergencePlot.WIDTH, img.getWidth());
        assertEquals(TaylorConvergencePlot.HEIGHT, img.getHeight());
        assertTrue(count(img, TaylorConvergencePlot.SERIES_COLOURS[0]) > 100, "the first series is drawn");
        assertTrue(count(img, TaylorConvergencePlot.SERIES_COLOURS[1]) > 100, "the second series is drawn");
        assertEquals(0xffffff, img.getRGB(2, 2) & 0xffffff, "white background");
    }

    @Test
    void nothingToDrawIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> TaylorConvergencePlot.write(dir.resolve("x.png"), "t",
                List.of(new TaylorConvergencePlot.Series("empty", new double[0], new double[0], new boolean[0]))));
        assertThrows(IllegalArgumentException.class,
                () -> new TaylorConvergencePlot.Series("bad", new double[2], new double[1], new boolean[2]));
    }
}
