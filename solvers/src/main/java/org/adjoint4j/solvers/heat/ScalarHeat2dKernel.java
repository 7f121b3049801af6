package org.adjoint4j.solvers.heat;

/** The heat2d loops in plain Java, each face's flux computed once and reused by the cell on its other side. */
final class ScalarHeat2dKernel extends RowwiseHeat2dKernel {

    @Override
    void applyRow(int from, int to, int s, double half, double[] x, double[] kappa, double[] out, double[] north) {
        applyCells(from, to, 0, s, half, x, kappa, out, north, westFlux(from, x, kappa));
    }

    @Override
    void faceProductsRow(int from, int to, int s, double half, double[] u, double[] lam, double[] g, double[] north) {
        faceProductCells(from, to, 0, s, half, u, lam, g, north, westProduct(from, u, lam));
    }

    /**
     * Cells [from, to) of one row, the first at buffer index {@code b}. {@code east} is the east flux of
     * cell from − 1; {@code north[b…]} holds the row below's north fluxes and receives this row's.
     * E − east<sub>k−1</sub> is E + W bit for bit and likewise for S (see {@link Heat2dKernel}).
     */
    static void applyCells(int from, int to, int b, int s, double half, double[] x, double[] kappa, double[] out,
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
    }

    /**
     * Cells [from, to) of one row of the face products, as {@link #applyCells}: here the west product of
     * cell k is the east product of cell k − 1 (both factors negated), so it is added, not subtracted.
     */
    static void faceProductCells(int from, int to, int b, int s, double half, double[] u, double[] lam, double[] g,
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
    }
}
