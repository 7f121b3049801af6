package org.adjoint4j.examples.cli.model;

import java.util.Objects;

/**
 * The uniform, cell-centred global grid of a model's two-dimensional fields: cell {@code (i, j)},
 * {@code 0 <= i < nx}, {@code 0 <= j < ny}, covers [x0 + i·dx, x0 + (i+1)·dx] × [y0 + j·dy, y0 + (j+1)·dy].
 * Field values are stored x fastest, i.e. as a row-major array of shape [ny, nx].
 *
 * @param nx          cells in x, at least 1
 * @param ny          cells in y, at least 1
 * @param dx          cell width in x, finite and positive
 * @param dy          cell width in y, finite and positive
 * @param x0          x of the grid's lower-left corner
 * @param y0          y of the grid's lower-left corner
 * @param lengthUnits units of x and y, e.g. "m"; "1" for nondimensional coordinates
 */
public record Grid2d(int nx, int ny, double dx, double dy, double x0, double y0, String lengthUnits) {

    /**
     * Validates the grid; messages name the parameter and its value.
     *
     * @param nx          cells in x, at least 1
     * @param ny          cells in y, at least 1
     * @param dx          cell width in x, finite and positive
     * @param dy          cell width in y, finite and positive
     * @param x0          x of the grid's lower-left corner, finite
     * @param y0          y of the grid's lower-left corner, finite
     * @param lengthUnits units of x and y, e.g. "m"; "1" for nondimensional coordinates; not null
     * @throws IllegalArgumentException if a number is out of range
     */
    public Grid2d {
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("nx and ny must be >= 1, were nx=" + nx + ", ny=" + ny);
        }
        if (!(dx > 0) || !(dy > 0) || Double.isInfinite(dx) || Double.isInfinite(dy)) {
            throw new IllegalArgumentException("dx and dy must be finite and > 0, were dx=" + dx + ", dy=" + dy);
        }
        if (!Double.isFinite(x0) || !Double.isFinite(y0)) {
            throw new IllegalArgumentException("x0 and y0 must be finite, were x0=" + x0 + ", y0=" + y0);
        }
        Objects.requireNonNull(lengthUnits, "lengthUnits");
    }

    /**
     * The unit square [0, 1]² divided into n × n cells, nondimensional.
     *
     * @param n cells per side, at least 1
     * @return the grid with dx = dy = 1/n and its corner at the origin
     */
    public static Grid2d unitSquare(int n) {
        return new Grid2d(n, n, 1.0 / n, 1.0 / n, 0, 0, "1");
    }

    /**
     * x of the grid's right edge.
     *
     * @return x0 + nx·dx, in {@link #lengthUnits}
     */
    public double x1() {
        return x0 + nx * dx;
    }

    /**
     * y of the grid's top edge.
     *
     * @return y0 + ny·dy, in {@link #lengthUnits}
     */
    public double y1() {
        return y0 + ny * dy;
    }
}
