package org.adjoint4j.solvers.heat;

/**
 * The loops over rows that every heat2d kernel shares: each row's cells are left to a subclass, and the
 * north fluxes (or products) of one row are carried to the next in a buffer of the instance, so an
 * instance serves one thread at a time. The first row of a rectangle, and the first cell of a row,
 * compute the fluxes of their south (west) faces directly; every other cell reuses its neighbour's
 * (see {@link Heat2dKernel} for why the sums are those of the direct expressions).
 */
abstract class RowwiseHeat2dKernel implements Heat2dKernel {

    /** The north fluxes (apply) or north products (addFaceProducts) of the row below. */
    private double[] rowBuffer = new double[0];
    /** The north products while {@link #rowBuffer} carries fluxes (the fused loop). */
    private double[] productBuffer = new double[0];

    /**
     * Cells [from, to) of one row of {@link #apply}: {@code north[0…]} holds the row below's north
     * fluxes, negated they are this row's south fluxes, and receives this row's.
     */
    abstract void applyRow(int from, int to, int s, double half, double[] x, double[] kappa, double[] out,
            double[] north);

    /**
     * Cells [from, to) of one row of {@link #addFaceProducts}: {@code north[0…]} holds the row below's
     * north products, which are this row's south products, and receives this row's.
     */
    abstract void faceProductsRow(int from, int to, int s, double half, double[] u, double[] lam, double[] g,
            double[] north);

    @Override
    public final void apply(int s, int i0, int i1, int j0, int j1, double half, double[] x, double[] kappa,
            double[] out) {
        if (i1 <= i0 || j1 <= j0) {
            return;
        }
        double[] north = rowBuffer = row(rowBuffer, i1 - i0);
        int first = (j0 + 1) * s + 1;
        firstSouthFluxes(first + i0, first + i1, s, x, kappa, north);
        for (int j = j0; j < j1; j++) {
            int row = (j + 1) * s + 1;
            applyRow(row + i0, row + i1, s, half, x, kappa, out, north);
        }
    }

    @Override
    public final void addFaceProducts(int s, int i0, int i1, int j0, int j1, double half, double[] u, double[] lam,
            double[] g) {
        if (i1 <= i0 || j1 <= j0) {
            return;
        }
        double[] north = rowBuffer = row(rowBuffer, i1 - i0);
        int first = (j0 + 1) * s + 1;
        firstSouthProducts(first + i0, first + i1, s, u, lam, north);
        for (int j = j0; j < j1; j++) {
            int row = (j + 1) * s + 1;
            faceProductsRow(row + i0, row + i1, s, half, u, lam, g, north);
        }
    }

    @Override
    public final void applyAndAddFaceProducts(int s, int i0, int i1, int j0, int j1, double half, double[] lam,
            double[] kappa, double[] out, double[] u, double[] g) {
        if (i1 <= i0 || j1 <= j0) {
            return;
        }
        double[] north = rowBuffer = row(rowBuffer, i1 - i0);
        double[] northProducts = productBuffer = row(productBuffer, i1 - i0);
        int first = (j0 + 1) * s + 1;
        firstSouthFluxes(first + i0, first + i1, s, lam, kappa, north);
        firstSouthProducts(first + i0, first + i1, s, u, lam, northProducts);
        for (int j = j0; j < j1; j++) {
            int row = (j + 1) * s + 1;
            applyRow(row + i0, row + i1, s, half, lam, kappa, out, north);
            faceProductsRow(row + i0, row + i1, s, half, u, lam, g, northProducts);
        }
    }

    /** The row buffer when it holds {@code n} values, a new one (once per kernel) otherwise. */
    private static double[] row(double[] buffer, int n) {
        return buffer.length >= n ? buffer : new double[n];
    }

    /**
     * −(west flux) of cell k computed directly, standing in for the east flux of cell k − 1 (which is
     * outside the rectangle) at the start of a row.
     */
    static double westFlux(int k, double[] x, double[] kappa) {
        final double kc = kappa[k];
        final double xc = x[k];
        return -((kc + kappa[k - 1]) * (x[k - 1] - xc));
    }

    /** −(south flux) of the cells of the rectangle's first row, standing in for the row below's north fluxes. */
    private static void firstSouthFluxes(int from, int to, int s, double[] x, double[] kappa, double[] north) {
        for (int k = from, b = 0; k < to; k++, b++) {
            final double kc = kappa[k];
            final double xc = x[k];
            north[b] = -((kc + kappa[k - s]) * (x[k - s] - xc));
        }
    }

    /** The west product of cell k computed directly, standing in for the east product of cell k − 1. */
    static double westProduct(int k, double[] u, double[] lam) {
        return (u[k - 1] - u[k]) * (lam[k] - lam[k - 1]);
    }

    /** The south products of the rectangle's first row, standing in for the row below's north products. */
    private static void firstSouthProducts(int from, int to, int s, double[] u, double[] lam, double[] north) {
        for (int k = from, b = 0; k < to; k++, b++) {
            north[b] = (u[k - s] - u[k]) * (lam[k] - lam[k - s]);
        }
    }
}
