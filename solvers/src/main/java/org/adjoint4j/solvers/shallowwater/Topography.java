package org.adjoint4j.solvers.shallowwater;

/**
 * Smooth resting-depth shapes for the default bathymetry of {@link ShallowWaterProblem}, as fractions
 * of a reference depth and placed relative to the domain [0, L<sub>x</sub>] × [0, L<sub>y</sub>].
 */
public enum Topography {

    /** A flat bottom: depth 1 everywhere. */
    FLAT,

    /**
     * A Gaussian seamount rising to depth 0.4, centred at (0.6·L<sub>x</sub>, ½L<sub>y</sub>), of
     * standard deviation 0.06·L<sub>x</sub>.
     */
    SEAMOUNT,

    /**
     * A ridge across the whole basin along y, rising to depth 0.5, centred at x = 0.55·L<sub>x</sub>,
     * of standard deviation 0.04·L<sub>x</sub>.
     */
    RIDGE;

    /**
     * The resting depth at (x, y), between 0.4 and 1.
     *
     * @param x       position in x, in the units of {@code lengthX}, normally in [0, L<sub>x</sub>]
     * @param y       position in y, in the units of {@code lengthY}, normally in [0, L<sub>y</sub>]
     * @param lengthX L<sub>x</sub>
     * @param lengthY L<sub>y</sub>
     * @return the depth as a fraction of the reference depth: 1 for {@link #FLAT}, down to 0.4 on the
     *         {@link #SEAMOUNT}'s top and 0.5 on the {@link #RIDGE}'s crest
     */
    public double depth(double x, double y, double lengthX, double lengthY) {
        switch (this) {
            case SEAMOUNT: {
                double sigma = 0.06 * lengthX;
                double dx = x - 0.6 * lengthX;
                double dy = y - 0.5 * lengthY;
                return 1 - 0.6 * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
            }
            case RIDGE: {
                double sigma = 0.04 * lengthX;
                double dx = x - 0.55 * lengthX;
                return 1 - 0.5 * Math.exp(-dx * dx / (2 * sigma * sigma));
            }
            default:
                return 1;
        }
    }
}
