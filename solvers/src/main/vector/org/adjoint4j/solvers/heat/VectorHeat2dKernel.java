package org.adjoint4j.solvers.heat;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The heat2d loops with the Vector API: the same expressions as {@link ScalarHeat2dKernel}, lane by
 * lane, so the results are bit-identical. Only loaded when {@code jdk.incubator.vector} is present.
 */
final class VectorHeat2dKernel implements Heat2dKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    @Override
    public void apply(int s, int i0, int i1, int j0, int j1, double half, double[] x, double[] kappa, double[] out) {
        final int lanes = SPECIES.length();
        for (int j = j0; j < j1; j++) {
            final int row = (j + 1) * s + 1;
            final int end = row + i1;
            int k = row + i0;
            for (; k <= end - lanes; k += lanes) {
                DoubleVector kc = DoubleVector.fromArray(SPECIES, kappa, k);
                DoubleVector xc = DoubleVector.fromArray(SPECIES, x, k);
                DoubleVector east = kc.add(DoubleVector.fromArray(SPECIES, kappa, k + 1))
                        .mul(DoubleVector.fromArray(SPECIES, x, k + 1).sub(xc));
                DoubleVector west = kc.add(DoubleVector.fromArray(SPECIES, kappa, k - 1))
                        .mul(DoubleVector.fromArray(SPECIES, x, k - 1).sub(xc));
                DoubleVector north = kc.add(DoubleVector.fromArray(SPECIES, kappa, k + s))
                        .mul(DoubleVector.fromArray(SPECIES, x, k + s).sub(xc));
                DoubleVector south = kc.add(DoubleVector.fromArray(SPECIES, kappa, k - s))
                        .mul(DoubleVector.fromArray(SPECIES, x, k - s).sub(xc));
                xc.add(east.add(west).add(north).add(south).mul(half)).intoArray(out, k);
            }
            ScalarHeat2dKernel.applyRow(k, end, s, half, x, kappa, out);
        }
    }

    @Override
    public void addFaceProducts(int s, int i0, int i1, int j0, int j1, double half, double[] u, double[] lam, double[] g) {
        final int lanes = SPECIES.length();
        for (int j = j0; j < j1; j++) {
            final int row = (j + 1) * s + 1;
            final int end = row + i1;
            int k = row + i0;
            for (; k <= end - lanes; k += lanes) {
                DoubleVector uc = DoubleVector.fromArray(SPECIES, u, k);
                DoubleVector lc = DoubleVector.fromArray(SPECIES, lam, k);
                DoubleVector east = DoubleVector.fromArray(SPECIES, u, k + 1).sub(uc)
                        .mul(lc.sub(DoubleVector.fromArray(SPECIES, lam, k + 1)));
                DoubleVector west = DoubleVector.fromArray(SPECIES, u, k - 1).sub(uc)
                        .mul(lc.sub(DoubleVector.fromArray(SPECIES, lam, k - 1)));
                DoubleVector north = DoubleVector.fromArray(SPECIES, u, k + s).sub(uc)
                        .mul(lc.sub(DoubleVector.fromArray(SPECIES, lam, k + s)));
                DoubleVector south = DoubleVector.fromArray(SPECIES, u, k - s).sub(uc)
                        .mul(lc.sub(DoubleVector.fromArray(SPECIES, lam, k - s)));
                DoubleVector.fromArray(SPECIES, g, k)
                        .add(east.add(west).add(north).add(south).mul(half)).intoArray(g, k);
            }
            ScalarHeat2dKernel.faceProductsRow(k, end, s, half, u, lam, g);
        }
    }
}
