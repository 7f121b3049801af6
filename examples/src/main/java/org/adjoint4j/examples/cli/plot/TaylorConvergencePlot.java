package org.adjoint4j.examples.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The convergence of Taylor tests as a PNG image: the remainders r(h) against the step size h on
 * log-log axes, one line per tested direction (filled markers for points used in the order fit,
 * hollow ones for points at the rounding floor), a dashed reference line of slope 2 a factor of 4
 * below the first fitted point (so that it does not hide the data), axis labels, a legend and a
 * title. A correct gradient runs parallel to the reference.
 */
public final class TaylorConvergencePlot {

    /** Image width in pixels. */
    public static final int WIDTH = 760;
    /** Image height in pixels. */
    public static final int HEIGHT = 560;
    /** Colours of the series, in order (repeating): 0xRRGGBB. */
    public static final int[] SERIES_COLOURS = {0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd, 0xff7f0e, 0x8c564b};

    private static final int LEFT = 100;
    private static final int TOP = 60;
    private static final int PLOT_WIDTH = WIDTH - LEFT - 40;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - 80;
    private static final Color REFERENCE = new Color(0x555555);

    /**
     * One tested direction.
     *
     * @param label      legend text, e.g. "kappa (order 2.00)"
     * @param h          step sizes
     * @param remainders r(h), one per step size; non-positive values are not drawn
     * @param fitted     which points entered the order fit
     */
    public record Series(String label, double[] h, double[] remainders, boolean[] fitted) {

        /**
         * Copies the arrays and checks that they have the same length.
         *
         * @param label      legend text, not null
         * @param h          step sizes (copied)
         * @param remainders r(h), one per step size (copied)
         * @param fitted     which points entered the order fit, one per step size (copied)
         * @throws IllegalArgumentException if the arrays differ in length
         */
        public Series {
            Objects.requireNonNull(label, "label");
            h = h.clone();
            remainders = remainders.clone();
            fitted = fitted.clone();
            if (remainders.length != h.length || fitted.length != h.length) {
                throw new IllegalArgumentException("series '" + label + "': h, remainders and fitted must have the same"
                        + " length, had " + h.length + ", " + remainders.length + ", " + fitted.length);
            }
        }
    }

    private TaylorConvergencePlot() {
    }

    /**
     * Draws the series and writes the PNG.
     *
     * @param file   the PNG file, created or replaced
     * @param title  the title line
     * @param series at least one series with a positive step size
     * @throws IllegalArgumentException if there is nothing to draw
     * @throws IOException              if the file cannot be written
     */
    public static void write(Path file, String title, List<Series> series) throws IOException {
        double hMin = Double.POSITIVE_INFINITY;
        double hMax = 0;
        double rMin = Double.POSITIVE_INFINITY;
        double rMax = 0;
        for (Series s : series) {
            for (int k = 0; k < s.h.length; k++) {
                if (s.h[k] > 0 && Double.isFinite(s.h[k])) {
                    hMin = Math.min(hMin, s.h[k]);
                    hMax = Math.max(hMax, s.h[k]);
                    if (s.remainders[k] > 0 && Double.isFinite(s.remainders[k])) {
                        rMin = Math.min(rMin, s.remainders[k]);
                        rMax = Math.max(rMax, s.remainders[k]);
                    }
                }
            }
        }
        if (!(hMax > 0)) {
            throw new IllegalArgumentException("series: no positive step size to draw");
        }
        if (!(rMax > 0)) {
            rMin = 1e-16;
            rMax = 1;
        }
        Axis x = new Axis(hMin / 1.5, hMax * 1.5, LEFT, LEFT + PLOT_WIDTH);
        Axis y = new Axis(rMin / 4, rMax * 4, TOP + PLOT_HEIGHT, TOP);

        PlotCanvas c = new PlotCanvas(WIDTH, HEIGHT);
        c.g.setColor(PlotCanvas.AXIS);
        c.title(title, WIDTH / 2.0, 30);
        drawAxes(c, x, y);

        c.g.setClip(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT);
        Series reference = referenceBelowFirstFittedPoint(series, x);
        Stroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);
        if (reference != null) {
            c.g.setColor(REFERENCE);
            c.g.setStroke(dashed);
            c.g.draw(new Line2D.Double(x.pixel(reference.h[0]), y.pixel(reference.remainders[0]),
                    x.pixel(reference.h[1]), y.pixel(reference.remainders[1])));
        }
        for (int i = 0; i < series.size(); i++) {
            drawSeries(c, series.get(i), new Color(SERIES_COLOURS[i % SERIES_COLOURS.length]), x, y);
        }
        c.g.setClip(null);
        drawLegend(c, series, reference != null, dashed);
        c.writePng(file);
    }

    private static Series referenceBelowFirstFittedPoint(List<Series> series, Axis x) {
        for (Series s : series) {
            for (int k = 0; k < s.h.length; k++) {
                if (s.fitted[k] && s.h[k] > 0 && s.remainders[k] > 0) {
                    double h0 = s.h[k];
                    double r0 = s.remainders[k] / 4;
                    double[] h = {x.lo, x.hi};
                    double[] r = {r0 * (x.lo / h0) * (x.lo / h0), r0 * (x.hi / h0) * (x.hi / h0)};
                    return new Series("slope 2 (reference)", h, r, new boolean[2]);
                }
            }
        }
        return null;
    }

    private static void drawAxes(PlotCanvas c, Axis x, Axis y) {
        Ticks xt = Ticks.logarithmic(x.lo, x.hi);
        Ticks yt = Ticks.logarithmic(y.lo, y.hi);
        double[] xv = xt.values();
        double[] yv = yt.values();
        c.g.setColor(PlotCanvas.GRID);
        for (double v : xv) {
            c.g.draw(new Line2D.Double(x.pixel(v), TOP, x.pixel(v), TOP + PLOT_HEIGHT));
        }
        for (double v : yv) {
            c.g.draw(new Line2D.Double(LEFT, y.pixel(v), LEFT + PLOT_WIDTH, y.pixel(v)));
        }
        c.g.setColor(PlotCanvas.AXIS);
        c.g.drawRect(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT);
        for (int k = 0; k < xv.length; k++) {
            double px = x.pixel(xv[k]);
            c.g.draw(new Line2D.Double(px, TOP + PLOT_HEIGHT, px, TOP + PLOT_HEIGHT + 5));
            c.centred(xt.labels().get(k), PlotCanvas.TICK, px, TOP + PLOT_HEIGHT + 20);
        }
        for (int k = 0; k < yv.length; k++) {
            double py = y.pixel(yv[k]);
            c.g.draw(new Line2D.Double(LEFT - 5, py, LEFT, py));
            c.rightAligned(yt.labels().get(k), PlotCanvas.TICK, LEFT - 8, py);
        }
        c.centred("step size h", PlotCanvas.LABEL, LEFT + PLOT_WIDTH / 2.0, TOP + PLOT_HEIGHT + 48);
        c.vertical("remainder |J(m + h\u00b7\u03b4m) \u2212 J(m) \u2212 h\u00b7\u2207J\u00b7\u03b4m|", PlotCanvas.LABEL,
                LEFT - 70, TOP + PLOT_HEIGHT / 2.0);
    }

    private static void drawSeries(PlotCanvas c, Series s, Color colour, Axis x, Axis y) {
        c.g.setColor(colour);
        c.g.setStroke(new BasicStroke(2f));
        Path2D.Double line = new Path2D.Double();
        boolean started = false;
        for (int k = 0; k < s.h.length; k++) {
            if (s.h[k] > 0 && s.remainders[k] > 0 && Double.isFinite(s.remainders[k])) {
                if (started) {
                    line.lineTo(x.pixel(s.h[k]), y.pixel(s.remainders[k]));
                } else {
                    line.moveTo(x.pixel(s.h[k]), y.pixel(s.remainders[k]));
                    started = true;
                }
            }
        }
        c.g.draw(line);
        for (int k = 0; k < s.h.length; k++) {
            if (s.h[k] > 0 && s.remainders[k] > 0 && Double.isFinite(s.remainders[k])) {
                marker(c, x.pixel(s.h[k]), y.pixel(s.remainders[k]), colour, s.fitted[k]);
            }
        }
    }

    private static void marker(PlotCanvas c, double px, double py, Color colour, boolean filled) {
        Ellipse2D.Double dot = new Ellipse2D.Double(px - 5, py - 5, 10, 10);
        c.g.setColor(filled ? colour : Color.WHITE);
        c.g.fill(dot);
        c.g.setColor(colour);
        c.g.setStroke(new BasicStroke(1.5f));
        c.g.draw(dot);
    }

    private static void drawLegend(PlotCanvas c, List<Series> series, boolean reference, Stroke dashed) {
        int rows = series.size() + (reference ? 1 : 0) + 1;
        int width = c.width("hollow marker: below the rounding floor, not fitted", PlotCanvas.TICK);
        for (Series s : series) {
            width = Math.max(width, c.width(s.label, PlotCanvas.TICK));
        }
        int left = LEFT + 12;
        int top = TOP + 12;
        int rowHeight = 20;
        c.g.setColor(Color.WHITE);
        c.g.fillRect(left, top, width + 56, rows * rowHeight + 10);
        c.g.setColor(PlotCanvas.AXIS);
        c.g.setStroke(new BasicStroke(1f));
        c.g.drawRect(left, top, width + 56, rows * rowHeight + 10);
        double y = top + 5 + rowHeight / 2.0;
        for (int i = 0; i < series.size(); i++) {
            Color colour = new Color(SERIES_COLOURS[i % SERIES_COLOURS.length]);
            c.g.setColor(colour);
            c.g.setStroke(new BasicStroke(2f));
            c.g.draw(new Line2D.Double(left + 8, y, left + 40, y));
            marker(c, left + 24, y, colour, true);
            c.g.setColor(PlotCanvas.AXIS);
            c.leftAligned(series.get(i).label, PlotCanvas.TICK, left + 48, y);
            y += rowHeight;
        }
        if (reference) {
            c.g.setColor(REFERENCE);
            c.g.setStroke(dashed);
            c.g.draw(new Line2D.Double(left + 8, y, left + 40, y));
            c.g.setColor(PlotCanvas.AXIS);
            c.leftAligned("slope 2 (reference)", PlotCanvas.TICK, left + 48, y);
            y += rowHeight;
        }
        c.g.setColor(PlotCanvas.AXIS);
        marker(c, left + 24, y, PlotCanvas.AXIS, false);
        c.g.setColor(PlotCanvas.AXIS);
        c.leftAligned("hollow marker: below the rounding floor, not fitted", PlotCanvas.TICK, left + 48, y);
    }

    /** A logarithmic axis mapping [lo, hi] onto pixels [from, to]. */
    private record Axis(double lo, double hi, double from, double to) {
        double pixel(double v) {
            return from + (to - from) * Math.log(v / lo) / Math.log(hi / lo);
        }
    }
}
