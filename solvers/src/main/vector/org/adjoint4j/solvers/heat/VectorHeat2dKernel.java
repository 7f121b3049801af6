package org.adjoint4j.solvers.heat;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The heat2d loops with the Vector API: the same expressions as {@link ScalarHeat2dKernel}, lane by
 * lane and with the same flux reuse, so the results are bit-identical. Only loaded when
 * {@code jdk.incubator.vector} is present.
 */
final class VectorHeat2dKernel extends RowwiseHeat2dKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    @Override
    void applyRow(int from, int to, int s, double half, double[] x, double[] kappa, double[] out, double[] north) {
        final int lanes = SPECIES.length();
        int k = from;
        int b = 0;
        double east = westFlux(k, x, kappa);
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
        ScalarHeat2dKernel.applyCells(k, to, b, s, half, x, kappa, out, north, east);
    }

    @Override
    void faceProductsRow(int from, int to, int s, double half, double[] u, double[] lam, double[] g, double[] north) {
        final int lanes = SPECIES.length();
        int k = from;
        int b = 0;
        double east = westProduct(k, u, lam);
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
        ScalarHeat2dKernel.faceProductCells(k, to, b, s, half, u, lam, g, north, east);
    }
}
