package org.adjoint4j.examples.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.adjoint4j.examples.cli.model.Grid2d;

/**
 * A field on a one-dimensional grid (one row of cells) as a PNG line plot: the value of each cell
 * against its centre x, with a zero line, axis ticks and labels and a title. Used instead of a
 * sensitivity map when the grid has a single row, as for Lorenz-96.
 */
public final class ProfilePlot {

    /** Image width in pixels. */
    public static final int WIDTH = 760;
    /** Image height in pixels. */
    public static final int HEIGHT = 560;

    private static final int LEFT = 110;
    private static final int TOP = 70;
    private static final int PLOT_WIDTH = WIDTH - LEFT - 40;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - 80;
    private static final Color LINE = new Color(TaylorConvergencePlot.SERIES_COLOURS[0]);

    private ProfilePlot() {
    }

    /**
     * Draws {@code values} and writes the PNG.
     *
     * @param file     the PNG file, created or replaced
     * @param grid     a grid of one row
     * @param values   read, not modified: {@code grid.nx()} values
     * @param quantity what is drawn, e.g. "dJ/dx0"
     * @param units    its units; "1" when nondimensional
     * @param title    the title line
     * @throws IllegalArgumentException if the grid has more than one row or the values do not fit it
     * @throws IOException              if the file cannot be written
     */
    public static void write(Path file, Grid2d grid, double[] values, String quantity, String units, String title)
            throws IOException {
        Objects.requireNonNull(file, "file");
        if (grid.ny() != 1 || values.length != grid.nx()) {
            throw new IllegalArgumentException("values: expected one row of " + grid.nx() + " cells, got " + values.length
                    + " values on a grid of " + grid.ny() + " rows");
        }
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double limit = max > 0 ? 1.05 * max : 1.0;
        double x0 = grid.x0();
        double x1 = grid.x1();

        PlotCanvas c = new PlotCanvas(WIDTH, HEIGHT);
        c.g.setColor(PlotCanvas.AXIS);
        c.title(title, WIDTH / 2.0, 28);
        c.centred(String.format(Locale.ROOT, "max |%s| = %.3e", quantity, max), PlotCanvas.LABEL, WIDTH / 2.0, 50);

        Ticks xt = Ticks.linear(x0, x1, 8);
        Ticks yt = Ticks.linear(-limit, limit, 8);
        c.g.setColor(PlotCanvas.GRID);
        for (double v : xt.values()) {
            c.g.draw(new Line2D.Double(px(v, x0, x1), TOP, px(v, x0, x1), TOP + PLOT_HEIGHT));
        }
        for (double v : yt.values()) {
            c.g.draw(new Line2D.Double(LEFT, py(v, limit), LEFT + PLOT_WIDTH, py(v, limit)));
        }
        c.g.setColor(PlotCanvas.AXIS);
        c.g.drawRect(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT);
        c.g.draw(new Line2D.Double(LEFT, py(0, limit), LEFT + PLOT_WIDTH, py(0, limit)));
        double[] xv = xt.values();
        for (int k = 0; k < xv.length; k++) {
            double p = px(xv[k], x0, x1);
            c.g.draw(new Line2D.Double(p, TOP + PLOT_HEIGHT, p, TOP + PLOT_HEIGHT + 5));
            c.centred(xt.labels().get(k), PlotCanvas.TICK, p, TOP + PLOT_HEIGHT + 20);
        }
        double[] yv = yt.values();
        for (int k = 0; k < yv.length; k++) {
            double p = py(yv[k], limit);
            c.g.draw(new Line2D.Double(LEFT - 5, p, LEFT, p));
            c.rightAligned(yt.labels().get(k), PlotCanvas.TICK, LEFT - 8, p);
        }
        String unitSuffix = grid.lengthUnits().equals("1") ? "" : " [" + grid.lengthUnits() + "]";
        c.centred("x" + unitSuffix + scaleSuffix(xt), PlotCanvas.LABEL, LEFT + PLOT_WIDTH / 2.0, TOP + PLOT_HEIGHT + 48);
        c.vertical(quantity + (units.equals("1") ? "" : " [" + units + "]") + scaleSuffix(yt), PlotCanvas.LABEL, LEFT - 80,
                TOP + PLOT_HEIGHT / 2.0);

        c.g.setColor(LINE);
        c.g.setStroke(new BasicStroke(2f));
        Path2D.Double line = new Path2D.Double();
        boolean markers = grid.nx() <= 200;
        for (int i = 0; i < values.length; i++) {
            double x = px(x0 + (i + 0.5) * grid.dx(), x0, x1);
            double y = py(Double.isFinite(values[i]) ? values[i] : 0, limit);
            if (i == 0) {
                line.moveTo(x, y);
            } else {
                line.lineTo(x, y);
            }
            if (markers) {
                c.g.fill(new Ellipse2D.Double(x - 3, y - 3, 6, 6));
            }
        }
        c.g.draw(line);
        c.writePng(file);
    }

    private static double px(double x, double x0, double x1) {
        return LEFT + PLOT_WIDTH * (x - x0) / (x1 - x0);
    }

    private static double py(double v, double limit) {
        return TOP + PLOT_HEIGHT * (limit - v) / (2 * limit);
    }

    private static String scaleSuffix(Ticks t) {
        return t.scale().isEmpty() ? "" : "  (" + t.scale() + ")";
    }
}
