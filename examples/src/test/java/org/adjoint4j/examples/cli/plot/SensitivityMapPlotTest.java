package org.adjoint4j.examples.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.adjoint4j.examples.cli.model.Grid2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityMapPlotTest {

    @TempDir
    Path dir;

    private static int red(int rgb) {
        return rgb >> 16 & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }

    /** Pixels in a row band that are not white: text or lines were drawn there. */
    private static int inked(BufferedImage img, int y0, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void drawsASignedFieldBlueToRedWithAColourBarAndLabels() throws IOException {
        int n = 8;
        Grid2d grid = Grid2d.unitSquare(n);
        double[] v = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                v[j * n + i] = (i + 0.5) / n - 0.5; // x - 1/2: negative on the left, positive on the right
            }
        }
        Path png = dir.resolve("map.png");
        SensitivityMapPlot.write(png, grid, v, "dJ/dm", "1", "a test map");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(SensitivityMapPlot.WIDTH, img.getWidth());
        assertEquals(SensitivityMapPlot.HEIGHT, img.getHeight());

        int mid = SensitivityMapPlot.PLOT_TOP + SensitivityMapPlot.PLOT_SIZE / 2;
        int left = img.getRGB(SensitivityMapPlot.PLOT_LEFT + 10, mid);
        int right = img.getRGB(SensitivityMapPlot.PLOT_LEFT + SensitivityMapPlot.PLOT_SIZE - 10, mid);
        assertTrue(blue(left) > red(left) + 50, Integer.toHexString(left));
        assertTrue(red(right) > blue(right) + 50, Integer.toHexString(right));
        assertEquals(DivergingColourMap.rgb(-1), left & 0xffffff, "the leftmost cells hold -max|v|");

        int barX = SensitivityMapPlot.BAR_LEFT + SensitivityMapPlot.BAR_WIDTH / 2;
        int top = img.getRGB(barX, SensitivityMapPlot.PLOT_TOP + 2) & 0xffffff;
        int bottom = img.getRGB(barX, SensitivityMapPlot.PLOT_TOP + SensitivityMapPlot.PLOT_SIZE - 3) & 0xffffff;
        int centre = img.getRGB(barX, SensitivityMapPlot.PLOT_TOP + SensitivityMapPlot.PLOT_SIZE / 2) & 0xffffff;
        assertNotEquals(top, bottom);
        assertTrue(red(top) > blue(top) + 50 && blue(bottom) > red(bottom) + 50,
                Integer.toHexString(top) + " " + Integer.toHexString(bottom));
        assertTrue(red(centre) > 230 && blue(centre) > 230, "white-ish at zero: " + Integer.toHexString(centre));

        assertTrue(inked(img, 10, 60) > 200, "title and subtitle");
        assertTrue(inked(img, SensitivityMapPlot.PLOT_TOP + SensitivityMapPlot.PLOT_SIZE + 8, SensitivityMapPlot.HEIGHT) > 100,
                "x tick labels and axis label");
    }

    @Test
    void aZeroFieldIsDrawnNeutral() throws IOException {
        Path png = dir.resolve("zero.png");
        SensitivityMapPlot.write(png, Grid2d.unitSquare(4), new double[16], "g", "1", "zero");
        BufferedImage img = ImageIO.read(png.toFile());
        int mid = SensitivityMapPlot.PLOT_TOP + SensitivityMapPlot.PLOT_SIZE / 2;
        assertEquals(0xf7f7f7, img.getRGB(SensitivityMapPlot.PLOT_LEFT + SensitivityMapPlot.PLOT_SIZE / 2, mid) & 0xffffff);
    }

    @Test
    void theNumberOfValuesMustFitTheGrid() {
        assertThrows(IllegalArgumentException.class,
                () -> SensitivityMapPlot.write(dir.resolve("x.png"), Grid2d.unitSquare(4), new double[15], "g", "1", "t"));
    }
}
