package org.adjoint4j.examples.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.adjoint4j.examples.cli.model.Grid2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilePlotTest {

    @TempDir
    Path dir;

    @Test
    void drawsTheProfileWithAVeryLongTitle() throws IOException {
        Grid2d grid = new Grid2d(40, 1, 1.0, 1.0, 0, 0, "1");
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(0.4 * i) * 1e-3;
        }
        Path png = dir.resolve("p.png");
        ProfilePlot.write(png, grid, v, "dJ/dx0", "1", "a title far too long to fit the image at the title font size of"
                + " sixteen points, which must be shrunk");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(ProfilePlot.WIDTH, img.getWidth());
        assertEquals(ProfilePlot.HEIGHT, img.getHeight());
        int drawn = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == TaylorConvergencePlot.SERIES_COLOURS[0]) {
                    drawn++;
                }
            }
        }
        assertTrue(drawn > 300, "the line and markers are drawn: " + drawn);
        for (int y = 0; y < 40; y++) {
            assertEquals(0xffffff, img.getRGB(1, y) & 0xffffff, "the title stays inside the image, row " + y);
        }
    }

    @Test
    void aGridOfSeveralRowsIsRefused() {
        Grid2d grid = new Grid2d(4, 2, 1.0, 1.0, 0, 0, "1");
        assertThrows(IllegalArgumentException.class,
                () -> ProfilePlot.write(dir.resolve("x.png"), grid, new double[8], "q", "1", "t"));
    }
}
