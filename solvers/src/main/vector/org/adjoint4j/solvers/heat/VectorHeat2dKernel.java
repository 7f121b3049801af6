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

    @Override
    public void apply(int s, int i0, int i1, int j0, int j1, double half, double[] x, double[] kappa, double[] out) {
        if (i1 <= i0 || j1 <= j0) {
            return;
        }
        final int lanes = SPECIES.length();
        final double[] north = ScalarHeat2dKernel.row(rowBuffer, i1 - i0);
        rowBuffer = north;
        ScalarHeat2dKernel.firstSouthFluxes((j0 + 1) * s + 1 + i0, (j0 + 1) * s + 1 + i1, s, x, kappa, north);
        for (int j = j0; j < j1; j++) {
            final int row = (j + 1) * s + 1;
            final int end = row + i1;
            int k = row + i0;
            int b = 0;
            double east = ScalarHeat2dKernel.westFlux(k, x, kappa);
            // lane lanes − 1 of eastBefore is the east flux of the cell before the vector
            DoubleVector eastBefore = DoubleVector.broadcast(SPECIES, east);
            for (; k <= end - lanes; k += lanes, b += lanes) {
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
            ScalarHeat2dKernel.applyRow(k, end, b, s, half, x, kappa, out, north, east);
        }
    }

    @Override
    public void addFaceProducts(int s, int i0, int i1, int j0, int j1, double half, double[] u, double[] lam, double[] g) {
        if (i1 <= i0 || j1 <= j0) {
            return;
        }
        final int lanes = SPECIES.length();
        final double[] north = ScalarHeat2dKernel.row(rowBuffer, i1 - i0);
        rowBuffer = north;
        ScalarHeat2dKernel.firstSouthProducts((j0 + 1) * s + 1 + i0, (j0 + 1) * s + 1 + i1, s, u, lam, north);
        for (int j = j0; j < j1; j++) {
            final int row = (j + 1) * s + 1;
            final int end = row + i1;
            int k = row + i0;
            int b = 0;
            double east = ScalarHeat2dKernel.westProduct(k, u, lam);
            DoubleVector eastBefore = DoubleVector.broadcast(SPECIES, east);
            for (; k <= end - lanes; k += lanes, b += lanes) {
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
            ScalarHeat2dKernel.faceProductsRow(k, end, b, s, half, u, lam, g, north, east);
        }
    }
}
