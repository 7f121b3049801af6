package org.adjoint4j.examples.cli.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions and labels for plot axes: "nice" steps of 1, 2 or 5 times a power of ten on linear
 * axes, powers of ten on logarithmic axes.
 *
 * @param values tick positions, increasing
 * @param labels one label per tick
 * @param scale  a factor the labels are divided by, to be shown once beside the axis
 *               (e.g. "× 1e-3"); empty when the labels are the values themselves
 */
public record Ticks(double[] values, List<String> labels, String scale) {

    /**
     * Copies the arrays.
     *
     * @param values tick positions, increasing (copied)
     * @param labels one label per tick (copied)
     * @param scale  the factor shown beside the axis, e.g. "× 1e-3"; empty for none
     * @throws IllegalArgumentException if there is not one label per value
     */
    public Ticks {
        values = values.clone();
        labels = List.copyOf(labels);
        if (labels.size() != values.length) {
            throw new IllegalArgumentException("labels must have one entry per value, had " + labels.size() + " for "
                    + values.length);
        }
    }

    /**
     * The tick positions (a copy).
     *
     * @return a new array of the positions, increasing, in data units
     */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * About {@code target} ticks on the linear axis [lo, hi], at multiples of a nice step.
     *
     * @param lo     the axis's lower end
     * @param hi     the axis's upper end, above {@code lo}
     * @param target the wanted number of ticks, at least 2; the step is chosen so there are at most
     *               about this many
     * @return the ticks within [lo, hi], labelled with as many decimals as the step needs and scaled
     *         by a power of ten when the values are below 1e-2 or at least 1e5
     * @throws IllegalArgumentException if the range is not finite and increasing or {@code target < 2}
     */
    public static Ticks linear(double lo, double hi, int target) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("axis range must be finite with lo < hi, was [" + lo + ", " + hi + "]");
        }
        if (target < 2) {
            throw new IllegalArgumentException("target must be >= 2, was " + target);
        }
        double step = niceStep((hi - lo) / target);
        List<Double> values = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        for (long k = first; k <= last; k++) {
            values.add(k * step);
        }
        double largest = Math.max(Math.abs(lo), Math.abs(hi));
        int exponent = (int) Math.floor(Math.log10(largest));
        boolean scaled = exponent < -2 || exponent > 4;
        double divisor = scaled ? Math.pow(10, exponent) : 1.0;
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step / divisor) + 1e-9));
        double[] v = new double[values.size()];
        List<String> labels = new ArrayList<>(v.length);
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
            double shown = v[i] / divisor;
            if (Math.abs(shown) < step / divisor * 1e-6) {
                shown = 0; // no "-0.0"
            }
            labels.add(String.format(Locale.ROOT, "%." + decimals + "f", shown));
        }
        return new Ticks(v, labels, scaled ? "\u00d7 1e" + exponent : "");
    }

    /**
     * The powers of ten in [lo, hi] on a logarithmic axis, labelled "1e-3"; when the range holds
     * fewer than three, also 2 and 5 times each power ("2e-3", "5e-3").
     *
     * @param lo the axis's lower end, above 0
     * @param hi the axis's upper end, finite and above {@code lo}
     * @return the ticks within [lo, hi], without a scale
     * @throws IllegalArgumentException if the range is not positive, finite and increasing
     */
    public static Ticks logarithmic(double lo, double hi) {
        if (!(lo > 0) || !(lo < hi) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("log axis range must be finite with 0 < lo < hi, was [" + lo + ", " + hi + "]");
        }
        int first = (int) Math.floor(Math.log10(lo));
        int last = (int) Math.ceil(Math.log10(hi));
        List<Double> decades = new ArrayList<>();
        for (int e = first; e <= last; e++) {
            double p = Math.pow(10, e);
            if (p >= lo * (1 - 1e-12) && p <= hi * (1 + 1e-12)) {
                decades.add(p);
            }
        }
        double[] mantissas = decades.size() >= 3 ? new double[] {1} : new double[] {1, 2, 5};
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int e = first; e <= last; e++) {
            for (double m : mantissas) {
                double v = m * Math.pow(10, e);
                if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
                    values.add(v);
                    labels.add((int) m + "e" + e);
                }
            }
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return new Ticks(v, labels, "");
    }

    /** The smallest of 1, 2, 5 and 10 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
        return nice * p;
    }
}
