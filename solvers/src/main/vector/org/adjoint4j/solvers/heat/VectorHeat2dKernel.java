package org.adjoint4j.solvers.heat;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The heat2d loops with the Vector API: the same expressions as {@link ScalarHeat2dKernel}, lane by
 * lane and with the same flux reuse, so the results are bit-identical. Only loaded when
 * {@code jdk.incubator.vector} is present.
 */
final class VectorHeat2dKernel implements Heat2dKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Per-row carry of the north fluxes or products, as in {@link ScalarHeat2dKernel}. */
    private double[] rowBuffer = new double[0];
    /** Per-row carry of the north products while {@link #rowBuffer} carries fluxes (the fused loop). */
    private double[] productBuffer = new double[0];

    @Override
    public void apply(int s, int i0, int i1, int j0, int j1, double half, double[] x, double[] kappa, double[] out) {
        if (i1 <= i0 || j1 <= j0) {
            return;
        }
        final double[] north = ScalarHeat2dKernel.row(rowBuffer, i1 - i0);
        rowBuffer = north;
        final int first = (j0 + 1) * s + 1;
        ScalarHeat2dKernel.firstSouthFluxes(first + i0, first + i1, s, x, kappa, north);
        for (int j = j0; j < j1; j++) {
            final int row = (j + 1) * s + 1;
            applyRow(row + i0, row + i1, s, half, x, kappa, out, north);
        }
    }

    @Override
    public void addFaceProducts(int s, int i0, int i1, int j0, int j1, double half, double[] u, double[] lam, double[] g) {
        if (i1 <= i0 || j1 <= j0) {
            return;
        }
        final double[] north = ScalarHeat2dKernel.row(rowBuffer, i1 - i0);
        rowBuffer = north;
        final int first = (j0 + 1) * s + 1;
        ScalarHeat2dKernel.firstSouthProducts(first + i0, first + i1, s, u, lam, north);
        for (int j = j0; j < j1; j++) {
            final int row = (j + 1) * s + 1;
            faceProductsRow(row + i0, row + i1, s, half, u, lam, g, north);
        }
    }

    @Override
    public void applyAndAddFaceProducts(int s, int i0, int i1, int j0, int j1, double half, double[] lam,
            double[] kappa, double[] out, double[] u, double[] g) {
        if (i1 <= i0 || j1 <= j0) {
            return;
        }
        final double[] north = ScalarHeat2dKernel.row(rowBuffer, i1 - i0);
        rowBuffer = north;
        final double[] northProducts = ScalarHeat2dKernel.row(productBuffer, i1 - i0);
        productBuffer = northProducts;
        final int first = (j0 + 1) * s + 1;
        ScalarHeat2dKernel.firstSouthFluxes(first + i0, first + i1, s, lam, kappa, north);
        ScalarHeat2dKernel.firstSouthProducts(first + i0, first + i1, s, u, lam, northProducts);
        for (int j = j0; j < j1; j++) {
            final int row = (j + 1) * s + 1;
            applyRow(row + i0, row + i1, s, half, lam, kappa, out, north);
            faceProductsRow(row + i0, row + i1, s, half, u, lam, g, northProducts);
        }
    }

    /** Cells [from, to) of one row; {@code north} as in {@link ScalarHeat2dKernel#applyRow}. */
    private static void applyRow(int from, int to, int s, double half, double[] x, double[] kappa, double[] out,
            double[] north) {
        final int lanes = SPECIES.length();
        int k = from;
        int b = 0;
        double east = ScalarHeat2dKernel.westFlux(k, x, kappa);
        // lane lanes − 1 of eastBefore is the east flux of the cell before the vector
        DoubleVector eastBefore = DoubleVector.broadcast(SPECIES, east);
        for (; k <= to - lanes; k += lanes, b += lanes) {
            DoubleVector kc = DoubleVector.fromArray(SPECIES, kappa, k);
            DoubleVector xc = DoubleVector.fromArray(SPECIES, x, k);
            DoubleVector eastFlux = kc.add(DoubleVector.fromArray(SPECIES, kappa, k + 1))
                    .mul(DoubleVector.fromArray(SPECIES, x, k + 1).sub(xc));
            DoubleVector northFlux = kc.add(DoubleVector.fromArray(SPECIES, kappa, k + s))
                    .mul(DoubleVector.fromArray(SPECIES, x, k + s).sub(xc));
            // the east fluxes of cells k − 1 … k + lanes − 2: the west fluxes negated
            DoubleVector westNegated = eastBefore.slice(lanes - 1, eastFlux);
            DoubleVector sum = eastFlux.sub(westNegated).add(northFlux)
                    .sub(DoubleVector.fromArray(SPECIES, north, b));
            northFlux.intoArray(north, b);
            xc.add(sum.mul(half)).intoArray(out, k);
            eastBefore = eastFlux;
        }
        if (b > 0) {
            east = eastBefore.lane(lanes - 1);
        }
        ScalarHeat2dKernel.applyRow(k, to, b, s, half, x, kappa, out, north, east);
    }

    /** Cells [from, to) of one row; {@code north} as in {@link ScalarHeat2dKernel#faceProductsRow}. */
    private static void faceProductsRow(int from, int to, int s, double half, double[] u, double[] lam, double[] g,
            double[] north) {
        final int lanes = SPECIES.length();
        int k = from;
        int b = 0;
        double east = ScalarHeat2dKernel.westProduct(k, u, lam);
        DoubleVector eastBefore = DoubleVector.broadcast(SPECIES, east);
        for (; k <= to - lanes; k += lanes, b += lanes) {
            DoubleVector uc = DoubleVector.fromArray(SPECIES, u, k);
            DoubleVector lc = DoubleVector.fromArray(SPECIES, lam, k);
            DoubleVector eastProduct = DoubleVector.fromArray(SPECIES, u, k + 1).sub(uc)
                    .mul(lc.sub(DoubleVector.fromArray(SPECIES, lam, k + 1)));
            DoubleVector northProduct = DoubleVector.fromArray(SPECIES, u, k + s).sub(uc)
                    .mul(lc.sub(DoubleVector.fromArray(SPECIES, lam, k + s)));
            // the east products of cells k − 1 … k + lanes − 2, which are the west products
            DoubleVector west = eastBefore.slice(lanes - 1, eastProduct);
            DoubleVector sum = eastProduct.add(west).add(northProduct)
                    .add(DoubleVector.fromArray(SPECIES, north, b));
            northProduct.intoArray(north, b);
            DoubleVector.fromArray(SPECIES, g, k).add(sum.mul(half)).intoArray(g, k);
            eastBefore = eastProduct;
        }
        if (b > 0) {
            east = eastBefore.lane(lanes - 1);
        }
        ScalarHeat2dKernel.faceProductsRow(k, to, b, s, half, u, lam, g, north, east);
    }
}
