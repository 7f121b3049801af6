package org.adjoint4j.solvers.heat;

/**
 * The heat2d loops in plain Java, each face's flux computed once and reused by the cell on its other
 * side (see {@link Heat2dKernel} for why the results are those of the direct expressions).
 */
final class ScalarHeat2dKernel implements Heat2dKernel {

    /** Per-row carry of the north fluxes (apply) or north products (addFaceProducts); see {@link #row}. */
    private double[] rowBuffer = new double[0];
    /** Per-row carry of the north products while {@link #rowBuffer} carries fluxes (the fused loop). */
    private double[] productBuffer = new double[0];

    @Override
    public void apply(int s, int i0, int i1, int j0, int j1, double half, double[] x, double[] kappa, double[] out) {
        if (i1 <= i0 || j1 <= j0) {
            return;
        }
        double[] north = row(rowBuffer, i1 - i0);
        rowBuffer = north;
        firstSouthFluxes((j0 + 1) * s + 1 + i0, (j0 + 1) * s + 1 + i1, s, x, kappa, north);
        for (int j = j0; j < j1; j++) {
            int row = (j + 1) * s + 1;
            applyRow(row + i0, row + i1, 0, s, half, x, kappa, out, north, westFlux(row + i0, x, kappa));
        }
    }

    /** The row buffer when it holds {@code n} values, a new one (once per kernel) otherwise. */
    static double[] row(double[] buffer, int n) {
        return buffer.length >= n ? buffer : new double[n];
    }

    /**
     * −(west flux) of cell k computed directly, standing in for the east flux of cell k − 1 (which is
     * outside the rectangle or not yet computed) at the start of a row.
     */
    static double westFlux(int k, double[] x, double[] kappa) {
        final double kc = kappa[k];
        final double xc = x[k];
        return -((kc + kappa[k - 1]) * (x[k - 1] - xc));
    }

    /** −(south flux) of the cells of the rectangle's first row, standing in for the row below's north fluxes. */
    static void firstSouthFluxes(int from, int to, int s, double[] x, double[] kappa, double[] north) {
        for (int k = from, b = 0; k < to; k++, b++) {
            final double kc = kappa[k];
            final double xc = x[k];
            north[b] = -((kc + kappa[k - s]) * (x[k - s] - xc));
        }
    }

    /**
     * Cells [from, to) of one row, the first at buffer index {@code b}. {@code east} is the east flux of
     * cell from − 1; {@code north[b…]} holds the row below's north fluxes and receives this row's.
     * E − east<sub>k−1</sub> is E + W bit for bit and likewise for S (see {@link Heat2dKernel}).
     *
     * @return the east flux of cell to − 1
     */
    static double applyRow(int from, int to, int b, int s, double half, double[] x, double[] kappa, double[] out,
            double[] north, double east) {
        double eastBefore = east;
        for (int k = from; k < to; k++, b++) {
            final double kc = kappa[k];
            final double xc = x[k];
            final double e = (kc + kappa[k + 1]) * (x[k + 1] - xc);
            final double n = (kc + kappa[k + s]) * (x[k + s] - xc);
            out[k] = xc + half * (((e - eastBefore) + n) - north[b]);
            north[b] = n;
            eastBefore = e;
        }
        return eastBefore;
    }

    @Override
    public void addFaceProducts(int s, int i0, int i1, int j0, int j1, double half, double[] u, double[] lam, double[] g) {
        if (i1 <= i0 || j1 <= j0) {
            return;
        }
        double[] north = row(rowBuffer, i1 - i0);
        rowBuffer = north;
        firstSouthProducts((j0 + 1) * s + 1 + i0, (j0 + 1) * s + 1 + i1, s, u, lam, north);
        for (int j = j0; j < j1; j++) {
            int row = (j + 1) * s + 1;
            faceProductsRow(row + i0, row + i1, 0, s, half, u, lam, g, north, westProduct(row + i0, u, lam));
        }
    }

    @Override
    public void applyAndAddFaceProducts(int s, int i0, int i1, int j0, int j1, double half, double[] lam,
            double[] kappa, double[] out, double[] u, double[] g) {
        if (i1 <= i0 || j1 <= j0) {
            return;
        }
        double[] north = row(rowBuffer, i1 - i0);
        rowBuffer = north;
        double[] northProducts = row(productBuffer, i1 - i0);
        productBuffer = northProducts;
        int first = (j0 + 1) * s + 1;
        firstSouthFluxes(first + i0, first + i1, s, lam, kappa, north);
        firstSouthProducts(first + i0, first + i1, s, u, lam, northProducts);
        for (int j = j0; j < j1; j++) {
            int row = (j + 1) * s + 1;
            applyRow(row + i0, row + i1, 0, s, half, lam, kappa, out, north, westFlux(row + i0, lam, kappa));
            faceProductsRow(row + i0, row + i1, 0, s, half, u, lam, g, northProducts, westProduct(row + i0, u, lam));
        }
    }

    /** The west product of cell k computed directly, standing in for the east product of cell k − 1. */
    static double westProduct(int k, double[] u, double[] lam) {
        return (u[k - 1] - u[k]) * (lam[k] - lam[k - 1]);
    }

    /** The south products of the rectangle's first row, standing in for the row below's north products. */
    static void firstSouthProducts(int from, int to, int s, double[] u, double[] lam, double[] north) {
        for (int k = from, b = 0; k < to; k++, b++) {
            north[b] = (u[k - s] - u[k]) * (lam[k] - lam[k - s]);
        }
    }

    /**
     * Cells [from, to) of one row of the face products, as {@link #applyRow}: here the west product of
     * cell k is the east product of cell k − 1 (both factors negated), so it is added, not subtracted.
     *
     * @return the east product of cell to − 1
     */
    static double faceProductsRow(int from, int to, int b, int s, double half, double[] u, double[] lam, double[] g,
            double[] north, double east) {
        double eastBefore = east;
        for (int k = from; k < to; k++, b++) {
            final double uc = u[k];
            final double lc = lam[k];
            final double e = (u[k + 1] - uc) * (lc - lam[k + 1]);
            final double n = (u[k + s] - uc) * (lc - lam[k + s]);
            g[k] += half * (((e + eastBefore) + n) + north[b]);
            north[b] = n;
            eastBefore = e;
        }
        return eastBefore;
    }
}
