package org.adjoint4j.examples.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The convergence of an optimisation as a PNG image: quantities relative to their values at the start
 * (misfit, gradient norm) and relative errors of the estimated controls, against the iteration, on a
 * logarithmic vertical axis; one line with markers per quantity, axis labels, a legend and a title.
 */
public final class OptimizationConvergencePlot {

    /** Image width in pixels. */
    public static final int WIDTH = 760;
    /** Image height in pixels. */
    public static final int HEIGHT = 560;

    private static final int LEFT = 100;
    private static final int TOP = 60;
    private static final int PLOT_WIDTH = WIDTH - LEFT - 40;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - 80;

    /**
     * One quantity per iteration 0, 1, 2, ...
     *
     * @param label  legend text, e.g. "misfit J_o / J_o(0)"
     * @param values one value per iteration; non-positive and non-finite values are not drawn
     */
    public record Series(String label, double[] values) {

        /**
         * Copies the values.
         *
         * @param label  legend text, not null
         * @param values one value per iteration (copied)
         */
        public Series {
            Objects.requireNonNull(label, "label");
            values = values.clone();
        }
    }

    private OptimizationConvergencePlot() {
    }

    /**
     * Draws the series and writes the PNG.
     *
     * @param file   the PNG file, created or replaced
     * @param title  the title line
     * @param series at least one series with a positive value
     * @throws IllegalArgumentException if there is nothing to draw
     * @throws IOException              if the file cannot be written
     */
    public static void write(Path file, String title, List<Series> series) throws IOException {
        int iterations = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Series s : series) {
            iterations = Math.max(iterations, s.values.length - 1);
            for (double v : s.values) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > 0)) {
            throw new IllegalArgumentException("series: no positive value to draw");
        }
        if (lo == hi) {
            lo /= 10;
            hi *= 10;
        }
        double xHi = Math.max(1, iterations);
        LinearAxis x = new LinearAxis(0, xHi, LEFT, LEFT + PLOT_WIDTH);
        LogAxis y = new LogAxis(lo / 2, hi * 2, TOP + PLOT_HEIGHT, TOP);

        PlotCanvas c = new PlotCanvas(WIDTH, HEIGHT);
        c.g.setColor(PlotCanvas.AXIS);
        c.title(title, WIDTH / 2.0, 30);
        drawAxes(c, x, y);
        c.g.setClip(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT);
        for (int i = 0; i < series.size(); i++) {
            drawSeries(c, series.get(i), colour(i), x, y, iterations <= 60);
        }
        c.g.setClip(null);
        drawLegend(c, series);
        c.writePng(file);
    }

    private static Color colour(int i) {
        int[] colours = TaylorConvergencePlot.SERIES_COLOURS;
        return new Color(colours[i % colours.length]);
    }

    private static void drawAxes(PlotCanvas c, LinearAxis x, LogAxis y) {
        Ticks xt = Ticks.linear(x.lo, x.hi, 8);
        Ticks yt = Ticks.logarithmic(y.lo, y.hi);
        c.g.setColor(PlotCanvas.GRID);
        for (double v : xt.values()) {
            c.g.draw(new Line2D.Double(x.pixel(v), TOP, x.pixel(v), TOP + PLOT_HEIGHT));
        }
        for (double v : yt.values()) {
            c.g.draw(new Line2D.Double(LEFT, y.pixel(v), LEFT + PLOT_WIDTH, y.pixel(v)));
        }
        c.g.setColor(PlotCanvas.AXIS);
        c.g.drawRect(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT);
        double[] xv = xt.values();
        for (int k = 0; k < xv.length; k++) {
            double px = x.pixel(xv[k]);
            c.g.draw(new Line2D.Double(px, TOP + PLOT_HEIGHT, px, TOP + PLOT_HEIGHT + 5));
            c.centred(xt.labels().get(k), PlotCanvas.TICK, px, TOP + PLOT_HEIGHT + 20);
        }
        double[] yv = yt.values();
        for (int k = 0; k < yv.length; k++) {
            double py = y.pixel(yv[k]);
            c.g.draw(new Line2D.Double(LEFT - 5, py, LEFT, py));
            c.rightAligned(yt.labels().get(k), PlotCanvas.TICK, LEFT - 8, py);
        }
        c.centred("iteration", PlotCanvas.LABEL, LEFT + PLOT_WIDTH / 2.0, TOP + PLOT_HEIGHT + 48);
        c.vertical("relative to the first guess / relative error", PlotCanvas.LABEL, LEFT - 70, TOP + PLOT_HEIGHT / 2.0);
    }

    private static void drawSeries(PlotCanvas c, Series s, Color colour, LinearAxis x, LogAxis y, boolean markers) {
        c.g.setColor(colour);
        c.g.setStroke(new BasicStroke(2f));
        Path2D.Double line = new Path2D.Double();
        boolean started = false;
        for (int k = 0; k < s.values.length; k++) {
            double v = s.values[k];
            if (v > 0 && Double.isFinite(v)) {
                if (started) {
                    line.lineTo(x.pixel(k), y.pixel(v));
                } else {
                    line.moveTo(x.pixel(k), y.pixel(v));
                    started = true;
                }
                if (markers) {
                    c.g.fill(new Ellipse2D.Double(x.pixel(k) - 3.5, y.pixel(v) - 3.5, 7, 7));
                }
            }
        }
        c.g.draw(line);
    }

    private static void drawLegend(PlotCanvas c, List<Series> series) {
        int width = 0;
        for (Series s : series) {
            width = Math.max(width, c.width(s.label, PlotCanvas.TICK));
        }
        int rowHeight = 20;
        int boxWidth = width + 56;
        int left = LEFT + PLOT_WIDTH - boxWidth - 12;
        int top = TOP + 12;
        c.g.setColor(Color.WHITE);
        c.g.fillRect(left, top, boxWidth, series.size() * rowHeight + 10);
        c.g.setColor(PlotCanvas.AXIS);
        c.g.setStroke(new BasicStroke(1f));
        c.g.drawRect(left, top, boxWidth, series.size() * rowHeight + 10);
        double y = top + 5 + rowHeight / 2.0;
        for (int i = 0; i < series.size(); i++) {
            c.g.setColor(colour(i));
            c.g.setStroke(new BasicStroke(2f));
            c.g.draw(new Line2D.Double(left + 8, y, left + 40, y));
            c.g.setColor(PlotCanvas.AXIS);
            c.leftAligned(series.get(i).label, PlotCanvas.TICK, left + 48, y);
            y += rowHeight;
        }
    }

    private record LinearAxis(double lo, double hi, double from, double to) {
        double pixel(double v) {
            return from + (to - from) * (v - lo) / (hi - lo);
        }
    }

    private record LogAxis(double lo, double hi, double from, double to) {
        double pixel(double v) {
            return from + (to - from) * Math.log(v / lo) / Math.log(hi / lo);
        }
    }
}
