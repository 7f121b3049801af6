package org.adjoint4j.solvers.heat;

/** The heat2d loops in plain Java. */
final class ScalarHeat2dKernel implements Heat2dKernel {

    @Override
    public void apply(int s, int i0, int i1, int j0, int j1, double half, double[] x, double[] kappa, double[] out) {
        for (int j = j0; j < j1; j++) {
            int row = (j + 1) * s + 1;
            applyRow(row + i0, row + i1, s, half, x, kappa, out);
        }
    }

    static void applyRow(int from, int to, int s, double half, double[] x, double[] kappa, double[] out) {
        for (int k = from; k < to; k++) {
            final double kc = kappa[k];
            final double xc = x[k];
            out[k] = xc + half * ((((kc + kappa[k + 1]) * (x[k + 1] - xc)
                    + (kc + kappa[k - 1]) * (x[k - 1] - xc))
                    + (kc + kappa[k + s]) * (x[k + s] - xc))
                    + (kc + kappa[k - s]) * (x[k - s] - xc));
        }
    }

    @Override
    public void addFaceProducts(int s, int i0, int i1, int j0, int j1, double half, double[] u, double[] lam, double[] g) {
        for (int j = j0; j < j1; j++) {
            int row = (j + 1) * s + 1;
            faceProductsRow(row + i0, row + i1, s, half, u, lam, g);
        }
    }

    static void faceProductsRow(int from, int to, int s, double half, double[] u, double[] lam, double[] g) {
        for (int k = from; k < to; k++) {
            final double uc = u[k];
            final double lc = lam[k];
            g[k] += half * ((((u[k + 1] - uc) * (lc - lam[k + 1])
                    + (u[k - 1] - uc) * (lc - lam[k - 1]))
                    + (u[k + s] - uc) * (lc - lam[k + s]))
                    + (u[k - s] - uc) * (lc - lam[k - s]));
        }
    }
}
