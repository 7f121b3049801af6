package org.adjoint4j.examples.cli.plot;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.adjoint4j.examples.cli.model.Grid2d;

/**
 * A sensitivity map as a PNG image: a gradient field drawn cell by cell over its grid with the
 * {@link DivergingColourMap}, the colour scale symmetric about zero (±max|value|) so that white means
 * "no sensitivity", red positive and blue negative; with axis ticks and labels, a title and a colour
 * bar with ticks and a label. y increases upwards.
 */
public final class SensitivityMapPlot {

    /** Image width in pixels. */
    public static final int WIDTH = 760;
    /** Image height in pixels. */
    public static final int HEIGHT = 620;

    static final int PLOT_LEFT = 90;
    static final int PLOT_TOP = 70;
    /** The largest height of the map; a square grid's map is this size. */
    static final int PLOT_SIZE = 480;
    /** The largest width of the map, reached by grids wider than tall. */
    static final int PLOT_MAX_WIDTH = 500;
    /** Where the colour bar of a square grid's map starts. */
    static final int BAR_LEFT = PLOT_LEFT + PLOT_SIZE + 40;
    static final int BAR_WIDTH = 22;
    private static final int BAR_MIN_HEIGHT = 200;

    private SensitivityMapPlot() {
    }

    /**
     * Draws {@code values} and writes the PNG.
     *
     * @param file     the PNG file, created or replaced
     * @param grid     the grid the values live on
     * @param values   read, not modified: {@code grid.nx()·grid.ny()} values, x fastest
     * @param quantity what is drawn, e.g. "dJ/dkappa"
     * @param units    its units; "1" when nondimensional
     * @param title    the title line
     * @throws IllegalArgumentException if the number of values does not fit the grid
     * @throws IOException              if the file cannot be written
     */
    public static void write(Path file, Grid2d grid, double[] values, String quantity, String units, String title)
            throws IOException {
        Objects.requireNonNull(file, "file");
        if (values.length != grid.nx() * grid.ny()) {
            throw new IllegalArgumentException("values: expected " + grid.nx() * grid.ny() + " (" + grid.nx() + "x"
                    + grid.ny() + "), got " + values.length);
        }
        double max = 0;
        for (double v : values) {
            if (Math.abs(v) > max) {
                max = Math.abs(v);
            }
        }
        double limit = max > 0 && Double.isFinite(max) ? max : 1.0;

        PlotCanvas c = new PlotCanvas(WIDTH, HEIGHT);
        c.g.setColor(PlotCanvas.AXIS);
        c.title(title, WIDTH / 2.0, 28);
        c.centred(String.format(Locale.ROOT, "max |%s| = %.3e; colour scale symmetric about 0", quantity, max),
                PlotCanvas.LABEL, WIDTH / 2.0, 50);

        double width = grid.x1() - grid.x0();
        double height = grid.y1() - grid.y0();
        double scale = Math.min(Math.min(PLOT_MAX_WIDTH, PLOT_SIZE * width / height) / width, PLOT_SIZE / height);
        int pw = (int) Math.round(width * scale);
        int ph = (int) Math.round(height * scale);
        // A map wider than tall sits in the middle of the space, beside a colour bar of its own height.
        int top = PLOT_TOP + (PLOT_SIZE - Math.max(ph, BAR_MIN_HEIGHT)) / 2;

        BufferedImage cells = new BufferedImage(grid.nx(), grid.ny(), BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                cells.setRGB(i, grid.ny() - 1 - j, DivergingColourMap.rgb(values[j * grid.nx() + i] / limit));
            }
        }
        c.g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        c.g.drawImage(cells, PLOT_LEFT, top, pw, ph, null);
        c.g.setColor(PlotCanvas.AXIS);
        c.g.drawRect(PLOT_LEFT, top, pw, ph);

        String unitSuffix = grid.lengthUnits().equals("1") ? "" : " [" + grid.lengthUnits() + "]";
        Ticks xt = Ticks.linear(grid.x0(), grid.x1(), 5);
        double[] xv = xt.values();
        for (int k = 0; k < xv.length; k++) {
            double px = PLOT_LEFT + (xv[k] - grid.x0()) * scale;
            c.g.drawLine((int) Math.round(px), top + ph, (int) Math.round(px), top + ph + 5);
            c.centred(xt.labels().get(k), PlotCanvas.TICK, px, top + ph + 20);
        }
        c.centred("x" + unitSuffix + scaleSuffix(xt), PlotCanvas.LABEL, PLOT_LEFT + pw / 2.0, top + ph + 45);
        Ticks yt = Ticks.linear(grid.y0(), grid.y1(), 5);
        double[] yv = yt.values();
        for (int k = 0; k < yv.length; k++) {
            double py = top + ph - (yv[k] - grid.y0()) * scale;
            c.g.drawLine(PLOT_LEFT - 5, (int) Math.round(py), PLOT_LEFT, (int) Math.round(py));
            c.rightAligned(yt.labels().get(k), PlotCanvas.TICK, PLOT_LEFT - 8, py);
        }
        c.vertical("y" + unitSuffix + scaleSuffix(yt), PlotCanvas.LABEL, PLOT_LEFT - 60, top + ph / 2.0);

        drawColourBar(c, limit, quantity + (units.equals("1") ? "" : " [" + units + "]"), PLOT_LEFT + pw + 40, top,
                Math.max(ph, BAR_MIN_HEIGHT));
        c.writePng(file);
    }

    private static void drawColourBar(PlotCanvas c, double limit, String label, int left, int top, int height) {
        for (int y = 0; y < height; y++) {
            double t = 1.0 - 2.0 * y / (height - 1);
            c.g.setColor(new Color(DivergingColourMap.rgb(t)));
            c.g.fillRect(left, top + y, BAR_WIDTH, 1);
        }
        c.g.setColor(PlotCanvas.AXIS);
        c.g.drawRect(left, top, BAR_WIDTH, height - 1);
        Ticks ticks = Ticks.linear(-limit, limit, 6);
        double[] v = ticks.values();
        int labelWidth = 0;
        for (int k = 0; k < v.length; k++) {
            labelWidth = Math.max(labelWidth, c.width(ticks.labels().get(k), PlotCanvas.TICK));
            double py = top + (height - 1) * (limit - v[k]) / (2 * limit);
            c.g.drawLine(left + BAR_WIDTH, (int) Math.round(py), left + BAR_WIDTH + 5, (int) Math.round(py));
            c.leftAligned(ticks.labels().get(k), PlotCanvas.TICK, left + BAR_WIDTH + 8, py);
        }
        c.vertical(label + scaleSuffix(ticks), PlotCanvas.LABEL, left + BAR_WIDTH + 8 + labelWidth + 18,
                top + height / 2.0);
    }

    private static String scaleSuffix(Ticks t) {
        return t.scale().isEmpty() ? "" : "  (" + t.scale() + ")";
    }
}
